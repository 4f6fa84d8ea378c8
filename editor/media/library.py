"""The media library's services: add a picture, find and describe pictures, read bytes.

Anyone who may write articles may add pictures and describe them (a reporter brings the
photos of their story); the check and the audit entry share the unit of work with the
change, as every other change does. A newsroom with nobody in it yet takes a picture from
no one (the demo, a first import).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import NotFoundError, PermissionDenied, ValidationError
from editor.i18n import N_, _
from editor.media.intake import Picture, read_picture
from editor.media.refs import media_ref, parse_media_ref
from editor.media.tables import MediaBlob, MediaItem
from editor.models import Person

#: Longest caption, credit, alt text and licence kept (the columns' sizes).
LIMITS = {"caption": 1000, "credit": 300, "alt_text": 1000, "license": 300}
LABELS = {
    "caption": N_("caption"),
    "credit": N_("credit"),
    "alt_text": N_("alt text"),
    "license": N_("licence"),
}


@dataclass(frozen=True)
class MediaRecord:
    sha256: str
    original_name: str
    mime: str
    size: int
    width: int
    height: int
    caption: str
    credit: str
    alt_text: str
    license: str
    created_at: datetime
    #: False on a replica that has the description but not yet the bytes.
    has_bytes: bool = True

    @property
    def ref(self) -> str:
        """What an article stores to point here: ``media:<sha256>``."""
        return media_ref(self.sha256)

    @property
    def short(self) -> str:
        return self.sha256[:12]


@dataclass(frozen=True)
class Added:
    record: MediaRecord
    #: False when the same bytes were already in the library (nothing was stored again).
    new: bool


def _record(item: MediaItem, has_bytes: bool = True) -> MediaRecord:
    return MediaRecord(
        sha256=item.sha256,
        original_name=item.original_name,
        mime=item.mime,
        size=item.size,
        width=item.width,
        height=item.height,
        caption=item.caption,
        credit=item.credit,
        alt_text=item.alt_text,
        license=item.license,
        created_at=item.created_at,
        has_bytes=has_bytes,
    )


def _refusal(session: Session, actor_id: uuid.UUID | None) -> str:
    """Why this person may not add or describe pictures ("" if they may)."""
    from editor.workflow.roles import has_permission, inactive_message, load_actor

    if actor_id is None:
        if session.scalar(select(Person.id).limit(1)) is None:
            return ""
        return _("Say who adds the picture: --as PERSON (anyone who writes articles).")
    actor = load_actor(session, actor_id)
    if not actor.active:
        return inactive_message(actor)
    if not has_permission(actor.role, "draft"):
        return _("{name} may not add pictures.").format(name=actor.name)
    return ""


def _refuse(db: Database, actor_id: uuid.UUID | None, reason: str) -> PermissionDenied:
    from editor.workflow.audit import record_refusal

    record_refusal(db, action="media", actor_id=actor_id, reason=reason)
    return PermissionDenied(reason)


def _clean(field: str, value: str) -> str:
    value = " ".join(value.split())
    if len(value) > LIMITS[field]:
        raise ValidationError(
            _("The {field} is {length} characters long; at most {limit} fit.").format(
                field=_(LABELS[field]), length=len(value), limit=LIMITS[field]
            )
        )
    return value


def add_picture(
    db: Database,
    picture: Picture,
    *,
    actor_id: uuid.UUID | None = None,
    caption: str = "",
    credit: str = "",
    alt_text: str = "",
    license: str = "",
    checked: bool = False,
) -> Added:
    """Keep ``picture`` in the library (once: the same bytes again return what is there).

    ``checked``: the caller checked the person already, as an import does once at its
    start (its first import into an empty newsroom acts as no one, and keeps doing so
    after the bylines it brings have made people)."""
    given = {
        "caption": _clean("caption", caption),
        "credit": _clean("credit", credit),
        "alt_text": _clean("alt_text", alt_text),
        "license": _clean("license", license),
    }
    from editor.workflow.audit import add_entry

    with db.transaction() as session:
        refusal = "" if checked else _refusal(session, actor_id)
        if not refusal:
            item, new = keep_picture(session, picture, actor_id, given)
            if new:
                add_entry(
                    session,
                    action="media_add",
                    actor_id=actor_id,
                    note=f"{picture.name} ({picture.sha256[:12]})",
                )
            session.flush()
            return Added(_record(item), new)
    raise _refuse(db, actor_id, refusal)


def keep_picture(
    session: Session, picture: Picture, actor_id: uuid.UUID | None, given: dict[str, str]
) -> tuple[MediaItem, bool]:
    """Store ``picture`` and its description in ``session`` (no checks: callers check).

    A description given for a picture already kept fills only what is still empty.
    """
    item = session.get(MediaItem, picture.sha256)
    new = item is None
    if item is None:
        item = MediaItem(
            sha256=picture.sha256,
            original_name=picture.name,
            mime=picture.mime,
            size=len(picture.data),
            width=picture.width,
            height=picture.height,
            added_by_id=actor_id,
            **{field: _clean(field, value) for field, value in given.items()},
        )
        session.add(item)
    else:
        for field, value in given.items():
            if value and not getattr(item, field):
                setattr(item, field, _clean(field, value))
    if not _has_blob(session, picture.sha256):  # (the bytes themselves stay unread)
        session.add(MediaBlob(sha256=picture.sha256, data=picture.data))
    return item, new


def add_file(db: Database, path: Path, **description: str | uuid.UUID | None) -> Added:
    """Read, check and keep the picture at ``path``; NotAPicture says what is wrong."""
    return add_picture(db, read_picture(path), **description)  # type: ignore[arg-type]


def get_media(db: Database, ref_or_hash: str) -> MediaRecord | None:
    sha = parse_media_ref(ref_or_hash) or ref_or_hash.strip().lower()
    with db.transaction() as session:
        item = session.get(MediaItem, sha)
        if item is None:
            return None
        return _record(item, _has_blob(session, sha))


def find_media(db: Database, ref_or_prefix: str) -> MediaRecord:
    """The picture a reference, a hash or a unique hash prefix names; NotFoundError if none."""
    text = ref_or_prefix.strip().lower()
    sha = parse_media_ref(text) or text.removeprefix("media:")
    if len(sha) < 4 or any(ch not in "0123456789abcdef" for ch in sha):
        raise NotFoundError(
            _("{text!r} names no picture: give its media: reference or a hash prefix.").format(
                text=ref_or_prefix
            )
        )
    with db.transaction() as session:
        items = session.scalars(
            select(MediaItem).where(MediaItem.sha256.startswith(sha)).limit(2)
        ).all()
        if len(items) != 1:
            raise NotFoundError(
                _("No single picture starts with {sha}: run 'redaksi media' to see them.").format(
                    sha=sha
                )
            )
        return _record(items[0], _has_blob(session, items[0].sha256))


def _has_blob(session: Session, sha: str) -> bool:
    return session.scalar(select(MediaBlob.sha256).where(MediaBlob.sha256 == sha)) is not None


def search_media(db: Database, text: str = "", *, limit: int = 200) -> list[MediaRecord]:
    """Pictures whose caption, credit, alt text or file name holds every word of ``text``,
    newest first."""
    query = select(MediaItem)
    for word in text.split():
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                *(
                    func.lower(column).like(pattern.lower(), escape="\\")
                    for column in (
                        MediaItem.caption,
                        MediaItem.credit,
                        MediaItem.alt_text,
                        MediaItem.original_name,
                    )
                )
            )
        )
    query = query.order_by(MediaItem.created_at.desc(), MediaItem.sha256).limit(limit)
    with db.transaction() as session:
        items = session.scalars(query).all()
        present = set(
            session.scalars(
                select(MediaBlob.sha256).where(MediaBlob.sha256.in_([i.sha256 for i in items]))
            )
        )
        return [_record(item, item.sha256 in present) for item in items]


def describe_media(
    db: Database,
    sha256: str,
    *,
    actor_id: uuid.UUID | None = None,
    caption: str | None = None,
    credit: str | None = None,
    alt_text: str | None = None,
    license: str | None = None,
) -> MediaRecord:
    """Change a picture's description (the fields given); every article using it follows."""
    given = {
        field: _clean(field, value)
        for field, value in (
            ("caption", caption),
            ("credit", credit),
            ("alt_text", alt_text),
            ("license", license),
        )
        if value is not None
    }
    from editor.workflow.audit import add_entry

    with db.transaction() as session:
        refusal = _refusal(session, actor_id)
        if not refusal:
            item = session.get(MediaItem, sha256)
            if item is None:
                raise NotFoundError(_("No picture {sha} in the media library.").format(sha=sha256))
            changed = [field for field, value in given.items() if getattr(item, field) != value]
            for field in changed:
                setattr(item, field, given[field])
            if changed:
                add_entry(
                    session,
                    action="media_describe",
                    actor_id=actor_id,
                    note=f"{item.original_name} ({sha256[:12]}): {', '.join(changed)}",
                )
            session.flush()
            return _record(item, _has_blob(session, sha256))
    raise _refuse(db, actor_id, refusal)


def media_bytes(db: Database, sha256: str) -> bytes | None:
    """The picture's bytes, or None if this database does not hold them (yet)."""
    with db.transaction() as session:
        return session.scalar(select(MediaBlob.data).where(MediaBlob.sha256 == sha256))


def media_records(db: Database, hashes: set[str]) -> dict[str, MediaRecord]:
    """The descriptions of the pictures named, by hash (those the library has)."""
    if not hashes:
        return {}
    found: dict[str, MediaRecord] = {}
    wanted = sorted(hashes)
    with db.transaction() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            present = set(
                session.scalars(select(MediaBlob.sha256).where(MediaBlob.sha256.in_(chunk)))
            )
            for item in session.scalars(select(MediaItem).where(MediaItem.sha256.in_(chunk))):
                found[item.sha256] = _record(item, item.sha256 in present)
    return found
