"""The body cache's file: rendered bodies by content key, each row tagged with its article.

The tag is what lets retracted text leave the cache: after a publish the rows of every
article that is no longer public (killed, unpublished, deleted) are deleted, and so are an
article's rows for bodies it no longer has (an edit that took a sentence out). SQLite's
``secure_delete`` overwrites what is deleted, so the text does not linger in free pages of
the file either. When a purge cannot be done the whole file goes instead: it is only a
cache.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from editor.publish.safe_fs import is_regular_file, link_refused, remove_name

CACHE_NAME = "bodies.sqlite"
#: Rows before version 2 had no article: they are dropped, as nothing says whose they are.
VERSION = 2
_CHUNK = 500


class BodyStore:
    def __init__(self, folder: Path, file_mode: int) -> None:
        self.path = folder / CACHE_NAME
        if os.path.lexists(self.path) and not is_regular_file(self.path):
            raise link_refused(self.path)  # SQLite would write wherever the link leads
        self._db: sqlite3.Connection | None = None
        try:
            self._db = sqlite3.connect(self.path)
            with contextlib.suppress(PermissionError):  # another group member's file
                os.chmod(self.path, file_mode)
            self._db.execute("PRAGMA secure_delete = ON")
            if self._db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                with self._db:
                    self._db.execute("DROP TABLE IF EXISTS bodies")
                    self._db.execute(
                        "CREATE TABLE bodies (key TEXT PRIMARY KEY, article TEXT NOT NULL, "
                        "html TEXT NOT NULL)"
                    )
                    self._db.execute("CREATE INDEX bodies_article ON bodies (article)")
                    self._db.execute(f"PRAGMA user_version = {VERSION}")
        except sqlite3.Error:
            self.close()  # a cache is only an optimisation; never fail a publish for it

    @property
    def usable(self) -> bool:
        return self._db is not None

    def lookup(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, html FROM bodies WHERE key IN ({marks})", chunk
                )
                found.update(rows.fetchall())
        except sqlite3.Error:
            return found
        return found

    def store(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Add (key, article, html) rows."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO bodies (key, article, html) VALUES (?, ?, ?)", rows
                )
        except sqlite3.Error:
            pass

    def settle(self, current: dict[str, str]) -> None:
        """Drop each article's rows for bodies other than its current one (article -> key)."""
        if self._db is None or not current:
            return
        try:
            with self._db:
                self._db.executemany(
                    "DELETE FROM bodies WHERE article = ? AND key != ?", current.items()
                )
        except sqlite3.Error:
            self.discard()

    def keep_only(self, articles: set[str]) -> None:
        """Drop the rows of every article not in ``articles`` (the public ones)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("CREATE TEMP TABLE IF NOT EXISTS public (id TEXT PRIMARY KEY)")
                self._db.execute("DELETE FROM public")
                self._db.executemany("INSERT INTO public VALUES (?)", ((a,) for a in articles))
                self._db.execute("DELETE FROM bodies WHERE article NOT IN (SELECT id FROM public)")
        except sqlite3.Error:
            self.discard()

    def discard(self) -> None:
        """Delete the whole file: what it holds could not be purged."""
        self.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            remove_name(str(self.path) + suffix)

    def forget_connection(self) -> None:
        """Stop using the file without closing it: for a forked process, whose copy of the
        connection belongs to its parent."""
        self._db = None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
