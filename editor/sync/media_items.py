"""A picture's description in sync: the ``media`` kind of the feed and the ``media`` op.

The description (``media_items``: name, type, size, pixel size, caption, credit, alt text,
licence) travels like the other synced rows: every replica pulls every picture's
description (the library is the newsroom's, as in single-user mode), and the bytes follow
separately, by hash (``editor.sync.media_transfer``).

A replica queues a ``media`` op when a picture is added or described there: a new
picture carries its whole description, a described one only the fields changed, so two
people describing different fields offline both keep theirs. The server carries the op
out through the media library's own services as the person who pushed it (the same role
check and audit entry as in the app), and a new picture only once its bytes are on the
server and decode: its type and pixel size are the server's own reading, not the
replica's word.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import NotFoundError
from editor.i18n import _
from editor.media.blob_store import valid_hash
from editor.media.intake import check_picture
from editor.media.library import LIMITS, add_picture, describe_media
from editor.media.tables import MediaBlob, MediaItem
from editor.models import Person
from editor.sync.states import State, iso, parse_time, parse_uuid

#: What a person describes; the rest is read from the bytes.
DESCRIBED = tuple(LIMITS)


def media_state(item: MediaItem) -> State:
    return {
        "sha256": item.sha256,
        "original_name": item.original_name,
        "mime": item.mime,
        "size": item.size,
        "width": item.width,
        "height": item.height,
        **{field: getattr(item, field) for field in DESCRIBED},
        "added_by_id": str(item.added_by_id) if item.added_by_id else None,
        "version": item.version,
        "created_at": iso(item.created_at),
        "updated_at": iso(item.updated_at),
    }


def media_states(session: Session, keys: list[str]) -> dict[str, State | None]:
    states: dict[str, State | None] = dict.fromkeys(keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for item in session.scalars(select(MediaItem).where(MediaItem.sha256.in_(chunk))):
            states[item.sha256] = media_state(item)
    return states


def apply_media(session: Session, state: State) -> None:
    """Write the server's description into the replica (bytes or not: they follow)."""
    from editor.sync.remote_apply import _upsert

    added_by = parse_uuid(state.get("added_by_id"))
    if added_by is not None and session.get(Person, added_by) is None:
        added_by = None  # someone this replica has not heard of yet
    values: dict[str, Any] = {
        "original_name": str(state.get("original_name") or "")[:300],
        "mime": str(state.get("mime") or "")[:50],
        "size": int(state.get("size") or 0),
        "width": int(state.get("width") or 0),
        "height": int(state.get("height") or 0),
        **{field: str(state.get(field) or "")[: LIMITS[field]] for field in DESCRIBED},
        "added_by_id": added_by,
        "version": int(state.get("version") or 1),
    }
    for name in ("created_at", "updated_at"):
        moment = parse_time(state.get(name))
        if moment is not None:
            values[name] = moment
    _upsert(session, MediaItem, {"sha256": valid_hash(str(state.get("sha256")))}, values)


def media_payload(item: MediaItem, changed: list[str] | None) -> dict[str, Any]:
    """A ``media`` op: the whole description of a new picture (``changed`` None), else
    only the fields described here."""
    fields = DESCRIBED if changed is None else [f for f in DESCRIBED if f in changed]
    return {
        "sha256": item.sha256,
        "original_name": item.original_name,
        "new": changed is None,
        "fields": {field: getattr(item, field) for field in fields},
    }


def apply_media_op(db: Database, person_id: uuid.UUID, payload: dict[str, Any]) -> None:
    """Carry out a replica's ``media`` op on the server as ``person_id``."""
    sha = valid_hash(str(payload.get("sha256") or ""))
    given = payload.get("fields")
    given = given if isinstance(given, dict) else {}
    fields = {f: str(given[f]) for f in DESCRIBED if isinstance(given.get(f), str)}
    with db.transaction() as session:
        known = session.get(MediaItem, sha) is not None
        data = (
            None if known else session.scalar(select(MediaBlob.data).where(MediaBlob.sha256 == sha))
        )
    if not known:
        if data is None:
            raise NotFoundError(
                _(
                    "The picture {name} ({sha}) has not reached the newsroom server; its "
                    "description waits for the file."
                ).format(name=str(payload.get("original_name") or "")[:300], sha=sha[:12])
            )
        picture = check_picture(bytes(data), str(payload.get("original_name") or sha[:12]))
        add_picture(
            db,
            picture,
            actor_id=person_id,
            caption=fields.get("caption", ""),
            credit=fields.get("credit", ""),
            alt_text=fields.get("alt_text", ""),
            license=fields.get("license", ""),
        )
        return
    if payload.get("new"):
        # The same photo added on two replicas: the second description fills only what
        # the newsroom's is still missing.
        current = get_description(db, sha)
        fields = {f: v for f, v in fields.items() if v and not current.get(f)}
    if fields:
        describe_media(db, sha, actor_id=person_id, **fields)


def get_description(db: Database, sha: str) -> dict[str, str]:
    with db.transaction() as session:
        item = session.get(MediaItem, sha)
        return {} if item is None else {f: getattr(item, f) for f in DESCRIBED}
