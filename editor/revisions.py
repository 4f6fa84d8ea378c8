"""Revisions: save points of an article, listed, compared and restored.

A revision is a full copy of what the user saw when they pressed save: headline, kicker,
lead and body in their own columns, everything else as JSON. Numbers count up from 1 per
article without gaps; two saves racing for the same number are settled by the unique
constraint and a retry of the losing unit of work, never by a sequence (which leaves gaps).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor.articles import (
    EDITABLE_FIELDS,
    AlongWith,
    _apply,
    _load,
    add_article,
    saved_meanwhile,
    store_article,
    to_record,
)
from editor.database import Database
from editor.diffing import diff_revisions
from editor.errors import ConflictError, NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Article, Person, Revision, Section, utcnow
from editor.records import ArticleDraft, ArticleRecord, RevisionRecord
from editor.retrying import retrying as _retrying
from editor.search import reindex_article

__all__ = [
    "create_revision",
    "diff_revisions",
    "get_revision",
    "list_revisions",
    "restore_revision",
]

#: Why a revision exists ("save", "restore", "import", "takeover"...): fits its column.
KIND_PATTERN = re.compile(r"[a-z_]{1,20}")
T = TypeVar("T")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def snapshot_metadata(record: ArticleRecord) -> dict[str, object]:
    """Everything but headline, kicker, lead and body, as JSON-ready values."""
    return {
        "slug": record.slug,
        "section_id": str(record.section_id) if record.section_id else None,
        "section": record.section_path,
        "bylines": [{"id": str(p.id), "name": p.name, "handle": p.handle} for p in record.bylines],
        "tags": list(record.tags),
        "language": record.language,
        "status": record.status,
        "lead_image": record.lead_image,
        "lead_image_caption": record.lead_image_caption,
        "lead_image_credit": record.lead_image_credit,
        "published_at": _iso(record.published_at),
        "scheduled_at": _iso(record.scheduled_at),
        "embargo_until": _iso(record.embargo_until),
    }


def _to_record(revision: Revision, author: str) -> RevisionRecord:
    metadata = json.loads(revision.metadata_json or "{}")
    return RevisionRecord(
        id=revision.id,
        article_id=revision.article_id,
        number=revision.number,
        created_at=revision.created_at,
        kind=revision.kind,
        note=revision.note,
        author=author,
        article_version=revision.article_version,
        headline=revision.headline,
        kicker=revision.kicker,
        lead=revision.lead,
        body=revision.body,
        metadata=metadata if isinstance(metadata, dict) else {},
    )


def _lock_article(session: Session, article_id: uuid.UUID) -> Article:
    """The article, row-locked on PostgreSQL so revision numbers are taken one at a time."""
    session.execute(select(Article.id).where(Article.id == article_id).with_for_update())
    return _load(session, article_id)


def _add_revision(
    session: Session, article: Article, *, kind: str, note: str, author_id: uuid.UUID | None
) -> Revision:
    return _keep(session, to_record(session, article), kind=kind, note=note, author_id=author_id)


def _keep(
    session: Session,
    record: ArticleRecord,
    *,
    kind: str,
    note: str,
    author_id: uuid.UUID | None,
) -> Revision:
    """A revision of ``record``, the article as it was at ``record.version``."""
    latest = session.scalar(
        select(func.max(Revision.number)).where(Revision.article_id == record.id)
    )
    revision = Revision(
        article_id=record.id,
        number=(latest or 0) + 1,
        created_at=utcnow(),
        author_id=author_id,
        kind=kind,
        note=note,
        article_version=record.version,
        headline=record.headline,
        kicker=record.kicker,
        lead=record.lead,
        body=record.body,
        metadata_json=json.dumps(snapshot_metadata(record), ensure_ascii=False, sort_keys=True),
    )
    session.add(revision)
    session.flush()
    return revision


def _author_name(session: Session, author_id: uuid.UUID | None) -> str:
    if author_id is None:
        return ""
    return session.scalar(select(Person.name).where(Person.id == author_id)) or ""


def _check_kind(kind: str) -> None:
    if not KIND_PATTERN.fullmatch(kind):
        raise ValidationError(
            _(
                "Unknown revision kind '{kind}': use 1-20 lower-case letters, such as 'save'."
            ).format(kind=kind)
        )


def create_revision(
    db: Database,
    article_id: uuid.UUID,
    *,
    kind: str = "save",
    note: str = "",
    author_id: uuid.UUID | None = None,
) -> RevisionRecord:
    """Keep a save point of the article as it is stored now.

    Saving again without any change in between (the version is the same) and without a
    note returns the latest revision instead of adding a copy: pressing Ctrl+S twice
    must not fill the list with identical entries.
    """
    _check_kind(kind)

    def work() -> RevisionRecord:
        with db.transaction() as session:
            article = _lock_article(session, article_id)
            if kind == "save" and not note.strip():
                latest = session.scalar(
                    select(Revision)
                    .where(Revision.article_id == article_id)
                    .order_by(Revision.number.desc())
                    .limit(1)
                )
                if latest is not None and latest.article_version == article.version:
                    return _to_record(latest, _author_name(session, latest.author_id))
            revision = _add_revision(session, article, kind=kind, note=note, author_id=author_id)
            return _to_record(revision, _author_name(session, author_id))

    return _retrying(work)


def create_with_revision(
    db: Database,
    draft: ArticleDraft,
    *,
    article_id: uuid.UUID | None = None,
    kind: str,
    note: str,
    author_id: uuid.UUID | None = None,
    along_with: AlongWith | None = None,
) -> ArticleRecord:
    """A new article and its first revision in one unit of work: a crash keeps both or
    neither, never an article whose first state no revision holds.

    ``author_id`` is the person writing it: the revision's author and the article's
    ``updated_by_id``. ``along_with`` (an audit entry) runs in the same unit of work, so it
    commits with the article and its revision or not at all.
    """
    _check_kind(kind)

    def work() -> ArticleRecord:
        with db.transaction() as session:
            article = add_with_revision(
                session,
                draft,
                article_id=article_id,
                kind=kind,
                note=note,
                author_id=author_id,
                along_with=along_with,
            )
            return to_record(session, article)

    return _retrying(work)


def add_with_revision(
    session: Session,
    draft: ArticleDraft,
    *,
    article_id: uuid.UUID | None,
    kind: str,
    note: str,
    author_id: uuid.UUID | None,
    along_with: AlongWith | None = None,
) -> Article:
    """create_with_revision inside the caller's unit of work (an import writes many
    articles in one)."""
    article = add_article(session, draft, article_id, saved_by=author_id)
    if along_with is not None:
        along_with(session, article)
    _add_revision(session, article, kind=kind, note=note, author_id=author_id)
    return article


def save_with_revision(
    db: Database,
    record: ArticleRecord,
    *,
    kind: str,
    note: str,
    unrevised_note: str,
    author_id: uuid.UUID | None = None,
    along_with: AlongWith | None = None,
) -> ArticleRecord | None:
    """Save ``record`` and keep the result as a revision, in one unit of work.

    If the stored article has changes that no revision holds yet (autosaved, or changed by
    a script), they are kept first, as a revision with ``unrevised_note``. ``author_id`` is
    the person saving: the new revision's author and the article's ``updated_by_id``;
    ``along_with`` (an audit entry) runs in the same unit of work when the save changed
    something. A crash keeps all of it or none. Returns None when the save changed nothing
    (then nothing is added). ConflictError when ``record`` is based on an older version
    than the stored one.
    """
    _check_kind(kind)

    def work() -> ArticleRecord | None:
        with db.transaction() as session:
            article = _lock_article(session, record.id)
            before = to_record(session, article)
            latest = session.scalar(
                select(Revision.article_version)
                .where(Revision.article_id == article.id)
                .order_by(Revision.number.desc())
                .limit(1)
            )
            article = store_article(session, record, saved_by=author_id)
            if article.version == before.version:
                return None
            if along_with is not None:
                along_with(session, article)
            if latest != before.version:
                _keep(session, before, kind=kind, note=unrevised_note, author_id=None)
            _add_revision(session, article, kind=kind, note=note, author_id=author_id)
            return to_record(session, article)

    try:
        return _retrying(work)
    except StaleDataError as error:
        # Someone saved between the version check and the write; the work was rolled back.
        raise saved_meanwhile(db, record) from error


def list_revisions(db: Database, article_id: uuid.UUID) -> list[RevisionRecord]:
    """The article's revisions, newest first, with the author's name."""
    with db.transaction() as session:
        rows = session.execute(
            select(Revision, Person.name)
            .outerjoin(Person, Person.id == Revision.author_id)
            .where(Revision.article_id == article_id)
            .order_by(Revision.number.desc())
        ).all()
        return [_to_record(revision, name or "") for revision, name in rows]


def get_revision(db: Database, revision_id: uuid.UUID) -> RevisionRecord:
    with db.transaction() as session:
        revision = session.get(Revision, revision_id)
        if revision is None:
            raise NotFoundError(
                _("No revision with id {revision_id}.").format(revision_id=revision_id)
            )
        return _to_record(revision, _author_name(session, revision.author_id))


def _conflict(headline: str, stored_version: int, expected_version: int) -> ConflictError:
    return ConflictError(
        _(
            "“{headline}” was changed elsewhere since you opened it (your version "
            "{expected_version}, stored version {stored_version}). Nothing was "
            "restored: reload the article and restore again if you still want to."
        ).format(
            headline=headline or _("Untitled"),
            expected_version=expected_version,
            stored_version=stored_version,
        ),
        expected_version=expected_version,
        current_version=stored_version,
    )


def _restored_values(
    session: Session, current: ArticleRecord, revision: RevisionRecord
) -> tuple[ArticleRecord, list[uuid.UUID]]:
    """The current article with the revision's content put back, and its byline ids.

    Workflow state (status and the publishing times) stays as it is: restoring old text
    must never publish, unpublish or reschedule a story. A section or byline person that
    no longer exists is left out rather than blocking the restore of the text.
    """
    meta = revision.metadata
    section_id = current.section_id
    wanted_section = meta.get("section_id")
    if isinstance(wanted_section, str):
        candidate = uuid.UUID(wanted_section)
        if session.get(Section, candidate) is not None:
            section_id = candidate
    elif "section_id" in meta:
        section_id = None
    people = meta.get("bylines")
    wanted_ids = [
        uuid.UUID(str(p["id"]))
        for p in (people if isinstance(people, list) else [])
        if isinstance(p, dict) and "id" in p
    ]
    existing = set(session.scalars(select(Person.id).where(Person.id.in_(wanted_ids))))
    tags = meta.get("tags")
    restored = replace(
        current,
        headline=revision.headline,
        kicker=revision.kicker,
        lead=revision.lead,
        body=revision.body,
        slug=str(meta.get("slug", current.slug)),
        section_id=section_id,
        language=str(meta.get("language", current.language)),
        lead_image=str(meta.get("lead_image", current.lead_image)),
        lead_image_caption=str(meta.get("lead_image_caption", current.lead_image_caption)),
        lead_image_credit=str(meta.get("lead_image_credit", current.lead_image_credit)),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else current.tags,
    )
    return restored, [pid for pid in wanted_ids if pid in existing]


def restore_revision(
    db: Database,
    article_id: uuid.UUID,
    revision_id: uuid.UUID,
    *,
    expected_version: int,
    author_id: uuid.UUID | None = None,
) -> ArticleRecord:
    """Put a revision's content back into the article; undoable.

    The current state is first kept as a "restore" revision. If the article was saved
    since ``expected_version``, ConflictError is raised and nothing changes.
    """

    def work() -> ArticleRecord:
        with db.transaction() as session:
            article = _lock_article(session, article_id)
            if article.version != expected_version:
                raise _conflict(article.headline, article.version, expected_version)
            revision = session.get(Revision, revision_id)
            if revision is None or revision.article_id != article_id:
                raise NotFoundError(
                    _("The article has no revision with id {revision_id}.").format(
                        revision_id=revision_id
                    )
                )
            chosen = _to_record(revision, "")
            _add_revision(
                session,
                article,
                kind="restore",
                note=f"Before restoring revision {chosen.number}",
                author_id=author_id,
            )
            restored, byline_ids = _restored_values(session, to_record(session, article), chosen)
            values = {name: getattr(restored, name) for name in EDITABLE_FIELDS}
            # One UPDATE, one version step: no partial flush while the fields are applied.
            with session.no_autoflush:
                _apply(session, article, values, restored.body, byline_ids, restored.tags)
            if session.is_modified(article) or session.is_modified(article.body):
                article.updated_at = utcnow()
                article.updated_by_id = author_id
            session.flush()
            reindex_article(session, article)
            return to_record(session, article)

    try:
        return _retrying(work)
    except StaleDataError as error:
        # Someone saved between the version check and the write; the work was rolled back.
        with db.transaction() as session:
            stored = _load(session, article_id)
            raise _conflict(stored.headline, stored.version, expected_version) from error
