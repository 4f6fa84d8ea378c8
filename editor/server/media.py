"""The newsroom server's picture store: bytes by SHA-256 in PostgreSQL (docs/sync.md §9).

Pictures live where everything else of the newsroom lives: ``media_blobs`` in the server's
database, keyed by hash. So several server processes behind a load balancer share them
with no folder to mount, ``pg_dump`` backs them up with the articles, and the publish
reads them as it does on a single-user database.

- ``POST /media/missing`` ``{"hashes": [...]}``: which of them the server lacks (a
  replica uploads only those: the same photo from a second replica goes nowhere), and
  how many bytes of each it keeps from an upload under way.
- ``GET /media/{sha}/upload``: how many bytes of an upload the server keeps so far.
- ``PUT /media/{sha}/upload?offset=N&total=T``: the next chunk. Chunks are kept aside
  (``media_parts``) until the last one; then the whole is hashed and decoded and becomes
  the picture only if it is what its hash names. A chunk not starting where the kept
  bytes end is answered 409 with where they end, so a client that lost an answer goes on.
- ``GET /media/{sha}`` with ``Range: bytes=A-B``: the bytes, 206 with ``Content-Range``.

Adding pictures needs the permission to write articles (a reporter brings the photos of
their story); reading them, any signed-in person. ``total`` is bounded by the configured
maximum (``redaksi server --max-picture-mb``), a chunk by ``MAX_CHUNK``. Hashes are the
only names taken from the network and are checked as 64 hex digits; nothing becomes a path.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from editor.database import Database
from editor.errors import NotFoundError, RedaksiError, ValidationError
from editor.i18n import _
from editor.media import blob_store
from editor.media.intake import MAX_BYTES
from editor.media.library import _refusal, _refuse
from editor.records import PersonRecord
from editor.server.requests import read_json, read_limited

MAX_BYTES_ENV = "REDAKSI_MEDIA_MAX_BYTES"
#: All the bytes of unfinished uploads the server keeps at once (a laptop that starts
#: many uploads and finishes none cannot fill the database); and how long one is kept.
UNFINISHED_ENV = "REDAKSI_MEDIA_UNFINISHED_BYTES"
DEFAULT_UNFINISHED_BYTES = 2 * 1024 * 1024 * 1024
ABANDONED_AFTER = timedelta(days=1)
#: A chunk of an upload or a download; the client sends 1 MiB at a time.
MAX_CHUNK = 8 * 1024 * 1024
#: Hashes asked about in one ``missing`` request.
MAX_HASHES = 1000
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


class ServerBusy(RedaksiError):
    """Too many unfinished uploads for now: the sync tries again later."""

    code = "busy"


class TooBig(ValidationError):
    """A picture (or a chunk) over the server's limit."""

    code = "too_big"


def configured_max_bytes() -> int:
    """The largest picture the server takes (``redaksi server --max-picture-mb``)."""
    try:
        value = int(os.environ.get(MAX_BYTES_ENV, "") or MAX_BYTES)
    except ValueError:
        value = MAX_BYTES
    return max(1, min(value, MAX_BYTES))


def unfinished_limit() -> int:
    try:
        return max(1, int(os.environ.get(UNFINISHED_ENV, "") or DEFAULT_UNFINISHED_BYTES))
    except ValueError:
        return DEFAULT_UNFINISHED_BYTES


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _whole(text: str | None, name: str) -> int:
    try:
        value = int(text or "")
    except ValueError:
        value = -1
    if value < 0:
        raise ValidationError(_("'{name}' must be a whole number of bytes.").format(name=name))
    return value


class MediaEndpoints:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.max_bytes = configured_max_bytes()
        self.max_unfinished = unfinished_limit()

    def _may_add(self, person: PersonRecord) -> None:
        with self.db.transaction() as session:
            refusal = _refusal(session, person.id)
        if refusal:
            raise _refuse(self.db, person.id, refusal)

    async def missing(self, request: Request, _person: PersonRecord, _token: uuid.UUID) -> Any:
        data = await read_json(request, MAX_HASHES * 100)
        hashes = data.get("hashes") if isinstance(data, dict) else None
        if not isinstance(hashes, list) or len(hashes) > MAX_HASHES:
            raise ValidationError(
                _("Ask about a list of at most {limit} pictures.").format(limit=MAX_HASHES)
            )
        wanted = [blob_store.valid_hash(h) for h in hashes]

        def work() -> dict[str, Any]:
            with self.db.transaction() as session:
                missing = [sha for sha in wanted if not blob_store.has_blob(session, sha)]
                # Where each upload under way stands: no second question before sending.
                kept = {sha: blob_store.received(session, sha) for sha in missing}
            return {"missing": missing, "received": {k: v for k, v in kept.items() if v}}

        return await run_in_threadpool(work)

    async def upload_status(self, request: Request, person: PersonRecord, _t: uuid.UUID) -> Any:
        sha = blob_store.valid_hash(request.path_params["sha"])

        def work() -> dict[str, Any]:
            with self.db.transaction() as session:
                if blob_store.has_blob(session, sha):
                    return {"received": 0, "complete": True}
                return {"received": blob_store.received(session, sha), "complete": False}

        return await run_in_threadpool(work)

    async def upload(self, request: Request, person: PersonRecord, _token: uuid.UUID) -> Any:
        sha = blob_store.valid_hash(request.path_params["sha"])
        offset = _whole(request.query_params.get("offset"), "offset")
        total = _whole(request.query_params.get("total"), "total")
        if total > self.max_bytes:
            raise TooBig(
                _(
                    "The picture is {size} MB; this newsroom takes pictures of at most "
                    "{limit} MB. Scale it down and add it again."
                ).format(size=_megabytes(total), limit=_megabytes(self.max_bytes))
            )
        await run_in_threadpool(self._may_add, person)
        chunk = await read_limited(
            request,
            MAX_CHUNK,
            lambda: TooBig(
                _("A chunk of a picture can be at most {limit} MB.").format(
                    limit=_megabytes(MAX_CHUNK)
                )
            ),
        )
        if offset + len(chunk) > total:
            raise ValidationError(_("The chunk goes past the picture's announced size."))

        def work() -> dict[str, Any]:
            try:
                with self.db.transaction() as session:
                    if blob_store.has_blob(session, sha):
                        return {"received": total, "complete": True}
                    if offset == 0:
                        self._make_room(session, total)
                    have = blob_store.keep_part(session, sha, offset, chunk)
            except IntegrityError:
                # The same picture sent by two replicas at once: the other's chunk is in.
                with self.db.transaction() as session:
                    raise blob_store.OffsetMismatch(blob_store.received(session, sha)) from None
            if have < total:
                return {"received": have, "complete": False}
            blob_store.accept(self.db, sha)
            return {"received": have, "complete": True}

        return await run_in_threadpool(work)

    def _make_room(self, session: Session, total: int) -> None:
        """A new upload: abandoned ones go first; then it must fit beside the others."""
        blob_store.drop_abandoned(session, ABANDONED_AFTER)
        if blob_store.unfinished_bytes(session) + total > self.max_unfinished:
            raise ServerBusy(
                _(
                    "The newsroom server holds too many unfinished picture uploads right "
                    "now; the picture goes at a later sync."
                )
            )

    async def download(self, request: Request, _person: PersonRecord, _t: uuid.UUID) -> Response:
        sha = blob_store.valid_hash(request.path_params["sha"])
        wanted = request.headers.get("range")
        found = _RANGE.match(wanted.strip()) if wanted else None
        if wanted and found is None:
            raise ValidationError(_("Only one range of bytes, as bytes=A-B, can be asked for."))

        def work() -> tuple[bytes, int, int]:
            with self.db.transaction() as session:
                size = blob_store.blob_size(session, sha)
                if size is None:
                    raise NotFoundError(
                        _("The newsroom server has no picture {sha}.").format(sha=sha[:12])
                    )
                start = int(found.group(1)) if found else 0
                end = int(found.group(2)) if found and found.group(2) else size - 1
                end = min(end, size - 1, start + MAX_CHUNK - 1)
                if start >= size and size > 0:
                    raise ValidationError(_("The picture has only {size} bytes.").format(size=size))
                return blob_store.read_range(session, sha, start, end - start + 1), start, size

        data, start, size = await run_in_threadpool(work)
        headers = {
            "Content-Range": f"bytes {start}-{start + len(data) - 1}/{size}",
            "Accept-Ranges": "bytes",
            # Named by its content: a copy kept anywhere never goes stale.
            "Cache-Control": "private, max-age=31536000, immutable",
        }
        return Response(
            data, status_code=206, headers=headers, media_type="application/octet-stream"
        )
