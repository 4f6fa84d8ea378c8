"""``redaksi server``: the newsroom server under uvicorn, with TLS and worker processes."""

from __future__ import annotations

import os
from pathlib import Path

from editor.database import normalise_url, open_database
from editor.errors import ValidationError
from editor.i18n import _

DEFAULT_PORT = 8450
#: A long-poll waits up to a minute; keep idle connections open a little longer.
KEEP_ALIVE_SECONDS = 75


def _readable(path: str | None, what: str) -> str | None:
    if path is None:
        return None
    if not Path(path).is_file():
        raise ValidationError(
            _("The {what} {path} is not a readable file. Check the path.").format(
                what=what, path=path
            )
        )
    return path


def serve(
    database_url: str,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    certfile: str | None = None,
    keyfile: str | None = None,
    workers: int = 1,
    max_picture_mb: float | None = None,
) -> None:
    """Run until stopped (Ctrl+C, SIGTERM). Migrates the database first, once.
    ``max_picture_mb``: the largest picture a replica may upload (default and at most
    the media library's own limit)."""
    import uvicorn

    from editor.media.intake import MAX_BYTES
    from editor.server.app import DB_ENV
    from editor.server.media import MAX_BYTES_ENV

    if (certfile is None) != (keyfile is None):
        raise ValidationError(_("TLS needs both --certfile and --keyfile."))
    _readable(certfile, _("certificate"))
    _readable(keyfile, _("key file"))
    url = normalise_url(database_url)
    if workers > 1 and not url.startswith("postgresql"):
        raise ValidationError(
            _("Several workers need PostgreSQL (--db postgresql://...); SQLite serves one.")
        )
    if max_picture_mb is not None:
        limit = MAX_BYTES // (1024 * 1024)
        if not 0 < max_picture_mb <= limit:
            raise ValidationError(
                _("--max-picture-mb must be more than 0 and at most {limit}.").format(limit=limit)
            )
        os.environ[MAX_BYTES_ENV] = str(int(max_picture_mb * 1024 * 1024))
    open_database(url).close()  # migrate (and refuse a foreign database) before serving
    os.environ[DB_ENV] = url
    uvicorn.run(
        "editor.server.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=max(1, workers),
        ssl_certfile=certfile,
        ssl_keyfile=keyfile,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        log_level="info",
    )
