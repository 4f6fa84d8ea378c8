"""Which database becomes a newsroom's replica when the desktop app signs in.

``redaksi login`` turns the database of ``--db`` into a replica and refuses one that holds
a newsroom of its own. The app is friendlier: an empty database (a first start) or one
already syncing with that server is signed in where it is; otherwise the replica is a
file of its own in the data folder, named after the server, and the person's single-user
newsroom stays untouched beside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select

from editor.database import Database, open_database
from editor.models import Article
from editor.sync.remote import normalise_server_url
from editor.sync.replica import SignInResult, remote_config, sign_in

REPLICA_FOLDER = "newsrooms"


def replica_path(data_dir: Path, url: str) -> Path:
    """``DATA/newsrooms/HOST[-PORT].db``: one replica per server on this computer."""
    parts = urlsplit(normalise_server_url(url))
    host = re.sub(r"[^a-z0-9.-]+", "-", (parts.hostname or "newsroom").lower()).strip(".-")
    port = f"-{parts.port}" if parts.port else ""
    return data_dir / REPLICA_FOLDER / f"{host or 'newsroom'}{port}.db"


def can_sign_in_here(db: Database, url: str) -> bool:
    """Whether ``db`` itself may become (or already is) the replica of ``url``."""
    config = remote_config(db)
    if config is not None:
        return config.url == normalise_server_url(url)
    # A shared database is a newsroom, never a copy of one.
    return db.dialect == "sqlite" and not holds_articles(db)


def holds_articles(db: Database) -> bool:
    with db.transaction() as session:
        return bool(session.scalar(select(func.count()).select_from(Article)))


def sign_in_replica(
    current: Database,
    url: str,
    handle: str,
    password: str,
    *,
    data_dir: Path,
    label: str = "",
    cafile: str | None = None,
) -> tuple[Database, SignInResult]:
    """Sign in to ``url``; returns the replica (``current`` or a newly opened file) and
    the sign-in. Nothing is opened or kept when the server says no."""
    if can_sign_in_here(current, url):
        return current, sign_in(current, url, handle, password, label=label, cafile=cafile)
    path = replica_path(data_dir, url)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{path}")
    try:
        result = sign_in(db, url, handle, password, label=label, cafile=cafile)
    except BaseException:
        db.close()
        raise
    return db, result
