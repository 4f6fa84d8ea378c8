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

Our own saves also count as a change; the app's refresh compares versions, so a change
it already shows costs a query and nothing else. Errors never escape: a watch that cannot
connect says "changed" once in a while so the app looks again (the database itself
reports the real problem to whoever writes).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from editor.database import Database, sqlite_path
from editor.sync.feed import NOTIFY_CHANNEL


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
        self._seen: object = None

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
        if self._postgres is not None:
            with contextlib.suppress(Exception):  # a broken connection closes anyway
                self._postgres.close()
        self._postgres = None

    def _lost(self, _error: BaseException) -> bool:
        self.close()  # the next call connects again
        return True

    # --- SQLite ------------------------------------------------------------------------

    def _sqlite_changed(self) -> bool:
        path = sqlite_path(self._db.url)
        if path is None:  # an in-memory database has no other writer
            return False
        stamp = (_stamp(path), _stamp(Path(f"{path}-wal")))
        before, self._seen = self._seen, stamp
        return before is not None and stamp != before

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
