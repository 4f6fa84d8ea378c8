"""Has someone else changed the newsroom since we last looked? Asked often, answered cheaply.

Other programs write to the same database: ``redaksi publish --due`` from cron, the
command line, another window, another workstation on the shared server. The app asks
``changed()`` about once a second and refreshes what it shows when the answer is yes.

- SQLite: ``PRAGMA data_version`` on a connection of our own. Its value changes whenever
  any *other* connection committed (another process, or this process's own pool), and
  reading it touches no table: a few microseconds.
- PostgreSQL: ``LISTEN redaksi_changes``. Every committed change to an article, person,
  section or comment sends that NOTIFY (editor.sync.feed); waiting notices are collected
  without blocking.

Our own saves also count as a change; the app's refresh compares versions, so a change
it already shows costs a query and nothing else. Errors never escape: a watch that cannot
connect says "changed" once in a while so the app looks again (the database itself
reports the real problem to whoever writes).
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import Any

from editor.database import Database, sqlite_path
from editor.sync.feed import NOTIFY_CHANNEL


class ChangeWatch:
    """``changed()``: True when a commit happened since the last call (or the first)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._sqlite: sqlite3.Connection | None = None
        self._postgres: Any = None
        self._seen: int | None = None

    def changed(self) -> bool:
        try:
            if self._db.dialect == "sqlite":
                return self._sqlite_changed()
            if self._db.dialect == "postgresql":
                return self._postgres_changed()
        except (sqlite3.Error, OSError, ImportError) as error:
            return self._lost(error)
        except Exception as error:  # psycopg's errors: the driver is imported lazily
            if type(error).__module__.startswith("psycopg"):
                return self._lost(error)
            raise
        return False

    def close(self) -> None:
        for connection in (self._sqlite, self._postgres):
            if connection is not None:
                with contextlib.suppress(Exception):  # a broken connection closes anyway
                    connection.close()
        self._sqlite = self._postgres = None

    def _lost(self, _error: BaseException) -> bool:
        self.close()  # the next call connects again
        return True

    # --- SQLite ------------------------------------------------------------------------

    def _sqlite_changed(self) -> bool:
        if self._sqlite is None:
            path = sqlite_path(self._db.url)
            if path is None:  # an in-memory database has no other writer
                return False
            # Read-only and never a transaction: this connection only asks the pragma.
            self._sqlite = sqlite3.connect(
                f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=0.1
            )
            self._seen = None
        version = int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])
        before, self._seen = self._seen, version
        return before is not None and version != before

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
