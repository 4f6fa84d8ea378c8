"""Picture bytes by content hash: received in chunks, accepted only whole and verified.

The same rules on both ends of a transfer: the newsroom server receiving an upload and a
replica receiving a download. A chunk is kept in ``media_parts`` in its own transaction,
so a broken connection loses at most the chunk under way; the next attempt asks how much
is kept (``received``) and goes on from there. Once all the bytes are there they are
joined, hashed and decoded (``intake.check_picture``): only a whole picture matching its
hash becomes a ``media_blobs`` row; anything else is thrown away with one sentence saying
why. A hash is the only name that comes from the network, and it is checked to be 64
lowercase hex digits before anything is looked up.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.media.intake import Picture, check_picture
from editor.media.tables import MediaBlob, MediaPart
from editor.models import utcnow
from editor.sync.states import table_of

_HASH = re.compile(r"^[0-9a-f]{64}$")


class HashMismatch(ValidationError):
    """The bytes received are not the picture their hash names (tampered or damaged)."""

    code = "hash_mismatch"


def valid_hash(text: str) -> str:
    """``text`` as a picture's hash (64 lowercase hex digits); ValidationError otherwise."""
    if not isinstance(text, str) or not _HASH.match(text):
        raise ValidationError(
            _("{text!r} is not a picture's SHA-256 (64 hex digits).").format(text=str(text)[:80])
        )
    return text


def has_blob(session: Session, sha256: str) -> bool:
    return session.scalar(select(MediaBlob.sha256).where(MediaBlob.sha256 == sha256)) is not None


def blob_size(session: Session, sha256: str) -> int | None:
    """The stored picture's size in bytes, None when it is not here."""
    size = session.scalar(select(func.length(MediaBlob.data)).where(MediaBlob.sha256 == sha256))
    return None if size is None else int(size)


def read_range(session: Session, sha256: str, start: int, length: int) -> bytes:
    """``length`` bytes of the stored picture from ``start`` (read by the database, so a
    resumed download never loads the whole picture for its last megabyte)."""
    data = session.scalar(
        select(func.substr(MediaBlob.data, start + 1, length)).where(MediaBlob.sha256 == sha256)
    )
    return bytes(data or b"")


def received(session: Session, sha256: str) -> int:
    """How many bytes of the picture are kept aside so far."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(func.length(MediaPart.data)), 0)).where(
                MediaPart.sha256 == sha256
            )
        )
        or 0
    )


def keep_part(session: Session, sha256: str, offset: int, data: bytes) -> int:
    """Keep the chunk at ``offset``; the new number of bytes received. A chunk that does
    not start where the kept ones end is not kept (OffsetMismatch says where they end)."""
    have = received(session, sha256)
    if offset != have:
        raise OffsetMismatch(have)
    if data:
        session.execute(
            insert(table_of(MediaPart)).values(
                sha256=sha256, offset=offset, data=data, received_at=utcnow()
            )
        )
    return have + len(data)


def unfinished_bytes(session: Session) -> int:
    """All the bytes kept aside for pictures still on their way."""
    total = session.scalar(select(func.coalesce(func.sum(func.length(MediaPart.data)), 0)))
    return int(total or 0)


def drop_abandoned(session: Session, older_than: timedelta) -> int:
    """Throw away the uploads nobody went on with for ``older_than``; how many."""
    cutoff = utcnow() - older_than
    stale = list(
        session.scalars(
            select(MediaPart.sha256)
            .group_by(MediaPart.sha256)
            .having(func.coalesce(func.max(MediaPart.received_at), cutoff) <= cutoff)
        )
    )
    if stale:
        session.execute(delete(table_of(MediaPart)).where(MediaPart.sha256.in_(stale)))
    return len(stale)


class OffsetMismatch(ValidationError):
    code = "offset"

    def __init__(self, received: int) -> None:
        super().__init__(
            _("The picture's bytes so far end at {received}; send from there.").format(
                received=received
            )
        )
        self.received = received


def drop_parts(session: Session, sha256: str) -> None:
    session.execute(delete(table_of(MediaPart)).where(MediaPart.sha256 == sha256))


def accept(db: Database, sha256: str) -> Picture:
    """Join the kept chunks, check them and store them as the picture's blob.

    HashMismatch when the bytes are not what the hash names, NotAPicture when they are
    no picture; either way the chunks are thrown away (the next attempt starts afresh).
    """
    try:
        with db.transaction() as session:
            return _accept(session, sha256)
    except ValidationError:
        with db.transaction() as session:
            drop_parts(session, sha256)
        raise


def _accept(session: Session, sha256: str) -> Picture:
    chunks = session.scalars(
        select(MediaPart.data).where(MediaPart.sha256 == sha256).order_by(MediaPart.offset)
    )
    data = b"".join(bytes(chunk) for chunk in chunks)
    drop_parts(session, sha256)
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256:
        raise HashMismatch(
            _(
                "The picture's bytes do not match its SHA-256 ({sha}…; they hash to "
                "{actual}…): it was changed or damaged on the way and was refused."
            ).format(sha=sha256[:12], actual=actual[:12])
        )
    picture = check_picture(data, sha256[:12])
    if not has_blob(session, sha256):
        session.execute(insert(table_of(MediaBlob)).values(sha256=sha256, data=data))
    return picture
