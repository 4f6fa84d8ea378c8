"""A replica's pictures to and from the newsroom server: once each, resumed after a break.

Up: before the outbox is pushed, the pictures its ``media`` ops name are offered to the
server, which says which it lacks (``missing``); only those go, 1 MiB at a time, each
chunk from where the server says its kept bytes end. A second replica with the same photo
sends nothing, and a connection broken mid-upload costs at most the chunk under way.

Down: the pictures named by articles that arrive with their text are noted as wanted
(``sync_state['pictures_wanted']``, in the transaction that writes the page), fetched
after the pull, and forgotten once here. Each chunk is kept aside in ``media_parts`` as
it comes, so the next attempt asks only for the rest (``Range``); the whole is accepted
only if it matches its hash (``editor.media.blob_store``). Any other picture is fetched
when something shows it (``Replica.ensure_media``).

A picture the server refuses (too big, not a picture, bytes not matching the hash) is
not offered again: the person reads why in a sync notice.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import RemoteError, SignInRequiredError, ValidationError
from editor.i18n import _
from editor.media import blob_store
from editor.media.intake import MAX_BYTES
from editor.media.refs import parse_media_ref, refs_in
from editor.media.tables import MediaItem
from editor.models import utcnow
from editor.sync.capture import REMOTE
from editor.sync.remote import RemoteServer
from editor.sync.states import loads
from editor.sync.tables import OutboxOp, SyncNotice, SyncState

#: Bytes a request carries each way: a broken connection costs at most this much again.
CHUNK_BYTES = 1024 * 1024
WANTED = "pictures_wanted"
#: Hashes asked about in one ``missing`` request (the server's limit).
ASK_AT_ONCE = 1000
#: A chunk answered "not where my bytes end" this many times in a row gives up for now.
OFFSET_RETRIES = 3


@dataclass
class Transferred:
    pictures: int = 0
    bytes: int = 0
    #: The sync notices left for pictures refused on the way (``SyncNotice`` ids).
    notices: list[uuid.UUID] = field(default_factory=list)


# --- up ----------------------------------------------------------------------------------


def _waiting_uploads(db: Database) -> list[str]:
    """Pictures the outbox's ``media`` ops name whose bytes are here, in queue order."""
    with db.transaction() as session:
        payloads = session.scalars(
            select(OutboxOp.payload_json)
            .where(OutboxOp.kind == "media")
            .order_by(OutboxOp.position)
        )
        named = [str(loads(p).get("sha256") or "") for p in payloads]
        return [
            sha for sha in dict.fromkeys(named) if _valid(sha) and blob_store.has_blob(session, sha)
        ]


def _valid(sha: str) -> bool:
    try:
        blob_store.valid_hash(sha)
    except ValidationError:
        return False
    return True


def upload_waiting(
    db: Database, server: RemoteServer, cancel: threading.Event | None = None
) -> Transferred:
    """Send the server the pictures the outbox needs and it lacks."""
    done = Transferred()
    hashes = _waiting_uploads(db)
    missing: dict[str, int] = {}
    for start in range(0, len(hashes), ASK_AT_ONCE):
        missing.update(server.missing_media(hashes[start : start + ASK_AT_ONCE]))
    for sha, kept in missing.items():
        if cancel is not None and cancel.is_set():
            break
        try:
            done.bytes += upload(db, server, sha, kept)
        except SignInRequiredError:
            raise
        except RemoteError as error:
            if error.status not in (400, 403, 413, 422):
                raise
            done.notices.append(_refused(db, sha, str(error)))
            continue
        done.pictures += 1
    return done


def upload(db: Database, server: RemoteServer, sha: str, kept: int) -> int:
    """Send one picture from ``kept``, where the server said its bytes end; the bytes
    sent."""
    with db.transaction() as session:
        size = blob_store.blob_size(session, sha)
    if size is None:
        return 0
    offset, sent, retries = kept, 0, 0
    while offset < size:
        with db.transaction() as session:
            chunk = blob_store.read_range(session, sha, offset, CHUNK_BYTES)
        try:
            answer = server.upload_chunk(sha, offset, size, chunk)
        except RemoteError as error:
            if error.code != "offset" or retries >= OFFSET_RETRIES:
                raise
            # An answer lost on the way (or another replica sending the same photo).
            retries += 1
            status = server.upload_status(sha)
            if status.get("complete"):
                return sent
            offset = int(status.get("received") or 0)
            continue
        retries = 0
        sent += len(chunk)
        if answer.get("complete"):
            break
        offset = int(answer.get("received") or offset + len(chunk))
    return sent


def _refused(db: Database, sha: str, reason: str) -> uuid.UUID:
    """The server will not take the picture: its ops leave the outbox, the person is told."""
    with db.transaction() as session:
        session.info[REMOTE] = True
        item = session.get(MediaItem, sha)
        name = item.original_name if item is not None else sha[:12]
        for op in session.scalars(select(OutboxOp).where(OutboxOp.kind == "media")):
            if loads(op.payload_json).get("sha256") == sha:
                session.delete(op)
        notice = SyncNotice(
            id=uuid.uuid4(),
            at=utcnow(),
            kind="refused",
            message=_("The picture {name} was not sent to the newsroom: {reason}").format(
                name=name, reason=reason
            ),
            seen=False,
        )
        session.add(notice)
        return notice.id


# --- down --------------------------------------------------------------------------------


def want_pictures(session: Session, changes: list[dict[str, Any]]) -> None:
    """Note the pictures that pulled articles with their text show (in the page's unit of
    work: a pull that stops later still fetches them at the next sync)."""
    named: list[str] = []
    for change in changes:
        state = change.get("state") if change.get("kind") == "article" else None
        content = state.get("content") if isinstance(state, dict) else None
        if not isinstance(content, dict) or content.get("body") is None:
            continue
        lead = parse_media_ref(str(content.get("lead_image") or ""))
        named += ([lead] if lead else []) + refs_in(str(content.get("body") or ""))
    fresh = [sha for sha in dict.fromkeys(named) if not blob_store.has_blob(session, sha)]
    if fresh:
        _set_wanted(session, [*_wanted(session), *fresh])


def _wanted(session: Session) -> list[str]:
    row = session.get(SyncState, WANTED)
    return [sha for sha in (row.value.split() if row is not None else []) if _valid(sha)]


def _set_wanted(session: Session, hashes: list[str]) -> None:
    value = " ".join(dict.fromkeys(hashes))
    row = session.get(SyncState, WANTED)
    if row is None:
        session.add(SyncState(key=WANTED, value=value))
    else:
        row.value = value


def _forget(db: Database, sha: str) -> None:
    with db.transaction() as session:
        _set_wanted(session, [h for h in _wanted(session) if h != sha])


def fetch_wanted(
    db: Database, server: RemoteServer, cancel: threading.Event | None = None
) -> Transferred:
    """Fetch the pictures noted as wanted that are not here yet."""
    done = Transferred()
    with db.transaction() as session:
        wanted = _wanted(session)
    for sha in wanted:
        if cancel is not None and cancel.is_set():
            break
        try:
            done.bytes += download(db, server, sha)
        except SignInRequiredError:
            raise
        except RemoteError as error:
            if error.status not in (400, 404, 413, 422):
                raise
            _forget(db, sha)  # the server has no such picture (its upload was refused)
            continue
        except ValidationError as error:
            _forget(db, sha)
            done.notices.append(_notice(db, str(error)))
            continue
        _forget(db, sha)
        done.pictures += 1
    return done


def _notice(db: Database, message: str) -> uuid.UUID:
    notice_id = uuid.uuid4()
    with db.transaction() as session:
        session.add(
            SyncNotice(id=notice_id, at=utcnow(), kind="refused", message=message, seen=False)
        )
    return notice_id


def download(db: Database, server: RemoteServer, sha: str) -> int:
    """Fetch one picture from where the kept chunks end, verify it and keep it; the bytes
    fetched. HashMismatch or NotAPicture (nothing kept) when it is not what its hash names."""
    blob_store.valid_hash(sha)
    with db.transaction() as session:
        if blob_store.has_blob(session, sha):
            return 0
        have = blob_store.received(session, sha)
    fetched = 0
    while True:
        data, total = server.download_range(sha, have, CHUNK_BYTES)
        fetched += len(data)
        too_big = total > MAX_BYTES or total < 0 or have + len(data) > total
        if too_big or (not data and have < total):
            with db.transaction() as session:
                blob_store.drop_parts(session, sha)
            raise ValidationError(
                _(
                    "The newsroom server sent a picture ({sha}…) larger than announced or "
                    "than {limit} MB; it was not kept."
                ).format(sha=sha[:12], limit=MAX_BYTES // (1024 * 1024))
            )
        try:
            with db.transaction() as session:
                have = blob_store.keep_part(session, sha, have, data)
        except (blob_store.OffsetMismatch, IntegrityError):
            # Another fetch of the same picture (the window's and the sync's) got ahead.
            with db.transaction() as session:
                have = blob_store.received(session, sha)
        if have >= total:
            break
    with db.transaction() as session:
        if blob_store.has_blob(session, sha):
            blob_store.drop_parts(session, sha)
            return fetched
    blob_store.accept(db, sha)
    return fetched
