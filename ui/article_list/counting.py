"""Counting the articles a search matches, off the GUI thread.

A common word matches most of a 100,000-article newsroom: its first page comes from an
index in milliseconds, but counting every match takes about half a second. The list
shows the page at once and this counts behind it. Each count carries the number of the
query it belongs to; a count for a query typed over since is dropped, and one still
waiting to start is taken off the queue.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleQuery


class _Count(QRunnable):
    def __init__(self, counter: MatchCounter, db: Database, query: ArticleQuery, number: int):
        super().__init__()
        self._counter, self._db, self._query, self._number = counter, db, query, number

    def run(self) -> None:
        from editor.listing import count_articles

        total: int | None
        try:
            total = count_articles(self._db, self._query)
        except Exception:  # the database went away or failed: the list keeps its "so far"
            total = None
        with contextlib.suppress(RuntimeError):  # the list was closed meanwhile
            self._counter.counted.emit(self._number, total)


class MatchCounter(QObject):
    """Counts on one worker thread; ``counted(number, total or None)`` arrives on the
    GUI thread, for the latest query only."""

    counted = Signal(int, object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._latest = 0

    def count(self, db: Database, query: ArticleQuery) -> int:
        """Start counting ``query``'s matches; returns the number its answer will carry."""
        self._pool.clear()
        self._latest += 1
        self._pool.start(_Count(self, db, query, self._latest))
        return self._latest

    def forget(self) -> None:
        """Drop every count asked for so far (the query changed or is counted already)."""
        self._pool.clear()
        self._latest += 1

    def is_latest(self, number: int) -> bool:
        return number == self._latest

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running count to end (closing the list, tests)."""
        return self._pool.waitForDone(msecs)
