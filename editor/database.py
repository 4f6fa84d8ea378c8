"""Opening a newsroom database: SQLite file or PostgreSQL server, migrated and checked.

Rules kept here (DESIGN.md §2): a corrupt file, a newer schema or a locked database is
refused with a clear message and never written to; an existing database is backed up
beside itself before a migration touches it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from editor.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass
class Database:
    """An open, migrated database: the engine and a session factory for units of work."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    backup_path: Path | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    config = Config()
    script_location = resources.files("editor") / "migrations"
    config.set_main_option("script_location", str(script_location))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise CorruptDatabaseError(
            f"{path} is not a Redaksi database (it is not an SQLite file, or it is damaged). "
            "It was not changed. Restore it from a backup, or open another database with --db."
        )


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _backup_sqlite(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{revision or 'empty'}.{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def _explain(url: str, error: Exception) -> DatabaseError:
    text = str(error).lower()
    where = sqlite_path(url) or make_url(url).render_as_string(hide_password=True)
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"The database {where} is locked by another program. Nothing was changed. "
            "Close the other Redaksi window or program using it and try again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(
            f"The database {where} is damaged ({error}). It was not changed. "
            "Restore it from a backup (Redaksi writes one beside it before every upgrade)."
        )
    return DatabaseError(f"Cannot open the database {where}: {error}")


def _migrate(engine: Engine, url: str) -> Path | None:
    """Bring the schema to head. Returns the backup written first, if any."""
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        has_tables = bool(inspect(connection).get_table_names())
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerSchemaError(
            f"The database {sqlite_path(url) or url} was written by a newer Redaksi "
            f"(schema {current}; this version knows up to {head}). It was not changed. "
            "Install the newer Redaksi to open it."
        )
    if current is None and has_tables:
        raise DatabaseError(
            f"The database {sqlite_path(url) or url} holds tables that are not Redaksi's. "
            "It was not changed. Choose an empty database or a Redaksi one."
        )
    backup = None
    path = sqlite_path(url)
    if path is not None and current is not None:
        backup = _backup_sqlite(path, current)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        from alembic import command

        command.upgrade(config, "head")
    return backup


def open_database(url: str, *, create: bool = True) -> Database:
    """Open (and if needed create and migrate) the database at ``url``."""
    path = sqlite_path(url)
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseError(f"There is no database at {path}.")
        _check_sqlite_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_database_engine(url)
    try:
        backup = _migrate(engine, url)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise _explain(url, error) from error
    except DatabaseError:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(engine=engine, sessions=sessions, url=url, backup_path=backup)
