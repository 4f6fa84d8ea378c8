"""Has someone else changed the newsroom since we last looked? Asked often, answered cheaply.

Other programs write to the same database: ``redaksi publish --due`` from cron, the
command line, another window, another workstation on the shared server. The app asks
``changed()`` about once a second and refreshes what it shows when the answer is yes.

- SQLite: what ``stat`` says of the database file and its write-ahead log (inode, size,
  modification time): every commit writes the log. Nothing opens the files: a second
  connection, even SQLite's own ``PRAGMA data_version`` on one, would hold locks and log
  mappings of its own that the lost-lock guard (editor.sqlite_guard) does not expect.
- PostgreSQL: ``LISTEN redaksi_changes``. Every committed change to an article, person,
  section or comment sends that NOTIFY (editor.sync.feed); waiting notices are collected
  without blocking.

On SQLite this process's own commits do not count: each commit that wrote notes the
files' stamp just before it (while it holds the write lock, so no other program can
commit in between) and just after; when the one before is what the watch saw last, the
one after is taken as seen. Whatever another program commits before that moment still
shows. (On PostgreSQL our own NOTIFYs arrive too; the app's refresh compares versions,
so a change it already shows costs a query and nothing else.) Errors never escape: a
watch that cannot connect says "changed" once in a while so the app looks again (the
database itself reports the real problem to whoever writes).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event

from editor.database import Database, sqlite_path
from editor.sync.feed import NOTIFY_CHANNEL

Stamp = tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What ``stat`` says of ``path``: a commit writes the log (or the file) anew."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class ChangeWatch:
    """``changed()``: True when a commit happened since the last call (or the first)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._postgres: Any = None
        self._seen: Stamp | None = None
        self._path = sqlite_path(db.url) if db.dialect == "sqlite" else None
        # Looks (the GUI thread) and our own commits (any thread) both move ``_seen``.
        self._lock = threading.Lock()
        self._mine = threading.local()
        if self._path is not None:
            event.listen(db.engine, "begin", self._began)
            event.listen(db.engine, "commit", self._committing)
            event.listen(db.sessions, "after_commit", self._committed)

    def changed(self) -> bool:
        try:
            if self._db.dialect == "sqlite":
                return self._sqlite_changed()
            if self._db.dialect == "postgresql":
                return self._postgres_changed()
        except (OSError, ImportError) as error:
            return self._lost(error)
        except Exception as error:  # psycopg's errors: the driver is imported lazily
            if type(error).__module__.startswith("psycopg"):
                return self._lost(error)
            raise
        return False

    def close(self) -> None:
        if self._path is not None and event.contains(self._db.engine, "begin", self._began):
            event.remove(self._db.engine, "begin", self._began)
            event.remove(self._db.engine, "commit", self._committing)
            event.remove(self._db.sessions, "after_commit", self._committed)
        if self._postgres is not None:
            with contextlib.suppress(Exception):  # a broken connection closes anyway
                self._postgres.close()
        self._postgres = None

    def _lost(self, _error: BaseException) -> bool:
        self.close()  # the next call connects again
        return True

    # --- SQLite ------------------------------------------------------------------------

    def _sqlite_changed(self) -> bool:
        if self._path is None:  # an in-memory database has no other writer
            return False
        stamp = self._sqlite_stamp()
        with self._lock:
            before, self._seen = self._seen, stamp
        return before is not None and stamp != before

    def _sqlite_stamp(self) -> Stamp:
        path = self._path
        assert path is not None
        return (_stamp(path), _stamp(Path(f"{path}-wal")))

    # Our own commits: ``_began`` and ``_committing`` are engine events (the connection
    # at hand), ``_committed`` the session's, after the commit went through.

    def _began(self, connection: Any) -> None:
        self._mine.changes = _total_changes(connection)
        self._mine.before = None

    def _committing(self, connection: Any) -> None:
        now = _total_changes(connection)
        wrote = now is not None and now != getattr(self._mine, "changes", None)
        # Only a commit that wrote holds the write lock until it is done: the stamp is
        # then ours alone from here to the commit's end.
        self._mine.before = self._sqlite_stamp() if wrote else None

    def _committed(self, _session: Any) -> None:
        before, self._mine.before = getattr(self._mine, "before", None), None
        if before is None:
            return
        after = self._sqlite_stamp()
        with self._lock:
            if before == self._seen:
                self._seen = after

    # --- PostgreSQL --------------------------------------------------------------------

    def _postgres_changed(self) -> bool:
        if self._postgres is None:
            import psycopg
            from sqlalchemy.engine import make_url

            url = make_url(self._db.url).set(drivername="postgresql")
            self._postgres = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
            )
            self._postgres.execute(f"LISTEN {NOTIFY_CHANNEL}")
            return False
        notices = list(self._postgres.notifies(timeout=0.0, stop_after=10_000))
        return bool(notices)


def _total_changes(connection: Any) -> int | None:
    """Rows this SQLite connection has changed since it opened (None if unknown)."""
    try:
        return int(connection.connection.dbapi_connection.total_changes)
    except Exception:  # a connection being closed or invalidated: not counted as ours
        return None
