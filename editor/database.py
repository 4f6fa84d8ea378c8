"""Opening a newsroom database: SQLite file or PostgreSQL server, migrated and checked.

Rules kept here (docs/architecture.md §2): a damaged, foreign, newer or locked database is refused
with a clear message and never written to; an existing SQLite database is backed up beside
itself before a migration touches it (editor.upgrade_backup). The whole upgrade runs in one
transaction, on SQLite as on PostgreSQL, so a failure or a crash half way changes nothing.
An SQLite file is checked read-safely before the engine opens it, because opening switches
it to WAL mode, which is already a write. On PostgreSQL, backups are the server's business
(pg_dump).
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from editor.sqlite_clean_close import closed_cleanly, record_clean_close
from editor.sqlite_damage import claims_more_pages_than_it_has, corrupt_error, refuse_too_short
from editor.sqlite_guard import GuardedConnection, Loss, SqliteGuard
from editor.sqlite_side_files import keep_side_files_writable
from editor.upgrade_backup import backup_before_upgrade, backups_of

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

from editor.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
)
from editor.i18n import _

#: The newest migration's revision id. Opening an up-to-date database compares with this and
#: never loads Alembic (a third of a second of start-up); a test keeps it equal to Alembic's
#: head, so adding a migration without updating it fails the suite.
SCHEMA_HEAD = "0023"
#: How long to wait for another program's lock before saying the database is locked.
BUSY_TIMEOUT_SECONDS = 5.0
PG_CONNECT_TIMEOUT_SECONDS = 10
#: Tables SQLite keeps for itself; they say nothing about whose database it is.
_SQLITE_INTERNAL_PREFIX = "sqlite_"


@dataclass
class Database:
    """An open, migrated database: the engine and a session factory for units of work."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    backup_path: Path | None = None
    #: The SQLite file, so a clean close can record that it was left whole.
    sqlite_file: Path | None = None
    #: "feed" (a newsroom server's database: changes are numbered for the replicas),
    #: "replica" (local changes queue in the outbox) or "" (single-user).
    sync_role: str = ""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def guard(self) -> SqliteGuard | None:
        return _guards.get(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error.

        On an SQLite file, a unit of work that wrote into a log another program had
        removed raises LostWriteError after it: do it again (editor.sqlite_guard).
        """
        guard = self.guard
        if guard is None:
            with self.sessions() as session, session.begin():
                yield session
            return
        with self.sessions() as session:
            connection: Any = None
            try:
                with session.begin():
                    connection = session.connection().connection.dbapi_connection
                    before = connection.total_changes
                    yield session
                    session.flush()
                    wrote = connection.total_changes != before
            except Exception as error:
                guard.finish(connection, wrote=True, error=error)
                raise
            guard.finish(connection, wrote=wrote)

    def check_sqlite_files(self) -> Loss | None:
        """Whether this process still holds its SQLite file: None if all is well (and on
        PostgreSQL); what was found otherwise, after reconnecting (editor.sqlite_guard)."""
        guard = self.guard
        return guard.check() if guard is not None else None

    def close(self) -> None:
        # A lost log must be known before the pool closes: a normal close would
        # checkpoint it into the file.
        self.check_sqlite_files()
        self.engine.dispose()
        if self.sqlite_file is not None:
            record_clean_close(self.sqlite_file)


def _alembic_config(migrations_dir: Path | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    script_location = migrations_dir or resources.files("editor") / "migrations"
    config.set_main_option("script_location", str(script_location))
    return config


def _script(migrations_dir: Path | None = None) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config(migrations_dir))


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None
    return head


def normalise_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 here (psycopg2 is not installed)."""
    url = url.strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _where(url: str) -> str:
    """The database as a user would recognise it: a file path, or the URL without password."""
    return str(sqlite_path(url) or make_url(url).render_as_string(hide_password=True))


def _check_revision(
    where: str, current: str | None, tables: set[str], script: ScriptDirectory
) -> None:
    """Refuse a database from a newer Redaksi or from another program, before any write."""
    known = {rev.revision for rev in script.walk_revisions()}
    other_tables = tables - {"alembic_version"}
    if current is not None and current not in known:
        if "articles" not in tables:
            raise DatabaseError(
                _(
                    "The database {where} belongs to another program (schema {current}). It "
                    "was not changed. Choose an empty database or a Redaksi one."
                ).format(where=where, current=current)
            )
        raise NewerSchemaError(
            _(
                "The database {where} was written by a newer Redaksi (schema {current}; "
                "this version knows up to {known}). It was not changed. Install the "
                "newer Redaksi to open it."
            ).format(where=where, current=current, known=script.get_current_head())
        )
    if current is None and other_tables:
        raise DatabaseError(
            _(
                "The database {where} holds tables that are not Redaksi's ({tables}). It "
                "was not changed. Choose an empty database or a Redaksi one."
            ).format(where=where, tables=", ".join(sorted(other_tables)[:5]))
        )


def _probe_sqlite(
    path: Path, busy_timeout: float, head: str, migrations_dir: Path | None
) -> str | None:
    """Check an existing SQLite file without writing to it; return its schema revision.

    Runs before the engine opens the file, because the engine switches it to WAL mode, and
    that write must never happen to a damaged, foreign or newer database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise DatabaseError(
            _("{path} is a folder, not a database file. Choose a file name.").format(path=path)
        )
    # Only SQLite opens the file (and stat looks at it): a descriptor of our own, closed
    # again, would drop every lock this process holds on it (editor.sqlite_guard).
    refuse_too_short(path, path.stat().st_size)
    # Read-write mode (never create): a read-only connection to a WAL database leaves its
    # -wal and -shm files behind, while the last read-write connection tidies them away.
    mode = "rw" if os.access(path, os.W_OK) else "ro"
    # Asked before connecting: the connection's first read makes the -wal file, which
    # would always count as another program's open connection and force the scan.
    clean = closed_cleanly(path)
    try:
        connection = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=busy_timeout
        )
    except sqlite3.Error as error:
        raise _explain(str(path), error) from error
    try:
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise _unreadable(path, mode, busy_timeout, error) from error
        # The full scan costs most of a second on a large newsroom: skip it only for a file
        # untouched since Redaksi closed it cleanly (a crash or another program means a scan).
        if not clean:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise corrupt_error(path, "; ".join(str(p) for p in problems))
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if not name.startswith(_SQLITE_INTERNAL_PREFIX)
        }
        current = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            current = row[0] if row else None
    except sqlite3.Error as error:
        raise _explain(str(path), error) from error
    finally:
        connection.close()
        keep_side_files_writable(path)  # a read-only file's reader made them read-only
    if current != head:
        _check_revision(str(path), current, tables, _script(migrations_dir))
    return current


def _unreadable(
    path: Path, mode: str, busy_timeout: float, error: sqlite3.DatabaseError
) -> DatabaseError:
    """The refusal for a file SQLite cannot even begin to read."""
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_NOTADB:
        return corrupt_error(path, _("it is not an SQLite file, or its first page is damaged"))
    if code == sqlite3.SQLITE_CORRUPT and claims_more_pages_than_it_has(path, mode, busy_timeout):
        return corrupt_error(
            path, _("the file is shorter than the database it holds: it was cut short")
        )
    return _explain(str(path), error)


def _sqlite_pragmas(busy_timeout: float) -> Any:
    def prepare(dbapi_connection: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return prepare


def _file_pragmas(path: Path, busy_timeout: float) -> Any:
    """The pragmas of a file's connection, with its -wal and -shm kept writable (before:
    left read-only by an earlier reader; after: made just now from a read-only file)."""
    pragmas = _sqlite_pragmas(busy_timeout)

    def prepare(dbapi_connection: Any) -> None:
        keep_side_files_writable(path)
        pragmas(dbapi_connection)
        keep_side_files_writable(path)

    return prepare


def create_database_engine(url: str, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Engine:
    """The engine for ``url``; an SQLite file's connections are watched (editor.sqlite_guard)."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is None or parsed.query.get("uri"):  # in memory, or an URI with options
            engine = create_engine(url, connect_args={"timeout": busy_timeout})
            prepare = _sqlite_pragmas(busy_timeout)
            event.listen(engine, "connect", lambda connection, _record: prepare(connection))
            return engine
        engine = create_engine(
            url, connect_args={"timeout": busy_timeout, "factory": GuardedConnection}
        )
        guard = SqliteGuard(path, busy_timeout)
        guard.attach(engine, _file_pragmas(path, busy_timeout))
        _guards[engine] = guard
        return engine
    return create_engine(
        url, pool_pre_ping=True, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_SECONDS}
    )


#: Each SQLite file engine's guard, for the Database that wraps it.
_guards: weakref.WeakKeyDictionary[Engine, SqliteGuard] = weakref.WeakKeyDictionary()


def _explain_postgres(url: str, error: BaseException) -> DatabaseError:
    parsed = make_url(url)
    server = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    text = reason.lower()
    if f'database "{parsed.database}" does not exist' in text:
        advice = _(
            "Ask the server's administrator to create it (createdb {database}), "
            "or check the database name in --db."
        ).format(database=parsed.database)
    elif "password" in text or "authentication" in text:
        advice = _("Check the user name and password in --db.")
    else:
        advice = _(
            "Check that the PostgreSQL server is running and reachable from this computer, "
            "and that the host and port in --db are right. To keep working offline, open a "
            "local file instead (--db newsroom.db)."
        )
    return DatabaseError(
        _(
            "Cannot open the PostgreSQL database {database} on {server}: {reason}. "
            "Nothing was changed. {advice}"
        ).format(database=parsed.database or "", server=server, reason=reason, advice=advice)
    )


def _explain(url: str, error: BaseException) -> DatabaseError:
    """A clear DatabaseError for a driver error while opening ``url`` (or a file path)."""
    is_path = "://" not in url
    if not is_path and make_url(url).get_backend_name() == "postgresql":
        return _explain_postgres(url, error)
    where = url if is_path else _where(url)
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            _(
                "The database {where} is locked by another program. Nothing was changed. "
                "Close the other Redaksi window or program using it and try again."
            ).format(where=where)
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(
            _(
                "The database {where} is damaged ({error}). It was not changed. Restore "
                "it from a backup (Redaksi writes one beside it before every upgrade)."
            ).format(where=where, error=error)
        )
    return DatabaseError(
        _("Cannot open the database {where}: {error}").format(where=where, error=error)
    )


class _UpgradeFailed(Exception):
    """A migration script failed; the cause is chained."""


def _current_revision(engine: Engine) -> tuple[str | None, set[str]]:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return None, tables
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return (row[0] if row else None), tables


def _migrate(engine: Engine, url: str, head: str, migrations_dir: Path | None) -> None:
    """Check the schema revision (again, for PostgreSQL: first) and bring it to head."""
    current, tables = _current_revision(engine)
    if current == head:
        return
    config = _alembic_config(migrations_dir)
    from alembic.script import ScriptDirectory

    _check_revision(_where(url), current, tables, ScriptDirectory.from_config(config))
    try:
        with engine.connect() as connection, _one_transaction(connection):
            config.attributes["connection"] = connection
            from alembic import command

            command.upgrade(config, "head")
    except Exception as error:
        raise _UpgradeFailed(str(error)) from error


@contextmanager
def _one_transaction(connection: Connection) -> Iterator[None]:
    """The whole upgrade commits at once or not at all, on SQLite as on PostgreSQL.

    SQLite's schema changes are transactional, but Python's driver opens a transaction
    only before INSERT, UPDATE or DELETE: each CREATE TABLE ran on its own and stayed, so
    a crash half way left a database that said it was older than it was. So on SQLite
    the driver's own transaction handling is switched off for the upgrade and the
    transaction is begun here; IMMEDIATE takes the write lock first, so two programs
    upgrading the same file take turns (the second finds the work done).
    """
    if connection.dialect.name != "sqlite":
        with connection.begin():
            yield
        return
    driver = connection.connection.dbapi_connection
    assert driver is not None
    driver.isolation_level = None  # no transaction is open yet, so this commits nothing
    try:
        with connection.begin():
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            yield
    finally:
        driver.isolation_level = ""  # the driver's default again, for the pool


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _upgrade_failed(
    url: str,
    path: Path | None,
    backup: Path | None,
    revision: str | None,
    created: bool,
    error: BaseException,
) -> DatabaseError:
    """Say what a failed upgrade left: nothing, since it ran in one transaction (a new
    SQLite file, left empty, is removed)."""
    what = _("Upgrading the database {where} failed ({error}).").format(
        where=_where(url), error=error
    )
    if path is None:
        return DatabaseError(
            _(
                "{what} The upgrade was rolled back; the database is as it was. Report "
                "this problem with the message above."
            ).format(what=what)
        )
    if created:
        _remove_sqlite_files(path)
        return DatabaseError(
            _("{what} No database was created. Report this problem.").format(what=what)
        )
    message = _(
        "{what} The upgrade was rolled back: the database is as it was before it, and a "
        "copy of it is at {backup}. Report this problem; until it is fixed, keep using "
        "the previous version of Redaksi."
    ).format(what=what, backup=backup)
    oldest = next(iter(backups_of(path, revision)), None)
    if oldest is not None and oldest != backup:
        message += " " + _(
            "The oldest copy from before an upgrade of this schema is {oldest}: if an "
            "earlier Redaksi stopped half way through upgrading this database, that copy "
            "is from before it."
        ).format(oldest=oldest)
    return DatabaseError(message)


def open_database(
    url: str,
    *,
    create: bool = True,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    migrations_dir: Path | None = None,
) -> Database:
    """Open (and if needed create and migrate) the database at ``url``.

    ``busy_timeout`` is how many seconds to wait for another program's lock;
    ``migrations_dir`` replaces the shipped Alembic scripts (tests use it to stand in a
    future schema).
    """
    url = normalise_url(url)
    head = SCHEMA_HEAD if migrations_dir is None else _script(migrations_dir).get_current_head()
    assert head is not None
    path = sqlite_path(url)
    backup = current = None
    created = False
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseError(
                _("There is no database at {path}. Check the path in --db.").format(path=path)
            )
        current = _probe_sqlite(path, busy_timeout, head, migrations_dir)
        if current is not None and current != head:
            backup = backup_before_upgrade(path, current, busy_timeout)
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists() or path.stat().st_size == 0
    engine = create_database_engine(url, busy_timeout=busy_timeout)
    try:
        _migrate(engine, url, head, migrations_dir)
    except _UpgradeFailed as failure:
        engine.dispose()
        cause = failure.__cause__ or failure
        if "locked" in str(cause).lower():
            raise _explain(url, cause) from cause
        raise _upgrade_failed(url, path, backup, current, created, cause) from cause
    except (DBAPIError, sqlite3.Error) as error:
        engine.dispose()
        raise _explain(url, error) from error
    except DatabaseError:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    database = Database(
        engine=engine, sessions=sessions, url=url, backup_path=backup, sqlite_file=path
    )
    _install_sync_hooks(database)
    return database


def _install_sync_hooks(db: Database) -> None:
    """A PostgreSQL database is a newsroom's: every change is numbered for the replicas,
    whichever front end makes it. An SQLite file signed in to a server is a replica: every
    local change queues in its outbox. Any other SQLite file is single-user: no hooks."""
    if db.dialect == "postgresql":
        enable_change_feed(db)
        return
    with db.engine.connect() as connection:
        roles: dict[str, str] = dict(
            connection.execute(
                text("SELECT key, value FROM sync_state WHERE key IN ('remote', 'feed')")
            ).all()
        )
    if roles.get("feed"):
        enable_change_feed(db)
    elif roles.get("remote"):
        enable_replica(db)


def enable_change_feed(db: Database) -> None:
    """Number every change for the replicas (a server on SQLite does this for itself)."""
    if db.sync_role != "feed":
        from editor.sync.feed import install_feed, start_feed

        install_feed(db.sessions)
        db.sync_role = "feed"
        start_feed(db)


def enable_replica(db: Database) -> None:
    """Queue every local change in the outbox (signing in to a server does this)."""
    if db.sync_role != "replica":
        from editor.sync.capture import install_capture

        install_capture(db.sessions)
        db.sync_role = "replica"
