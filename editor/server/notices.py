"""Waking long-polls when a change commits, in every server process.

On PostgreSQL a thread LISTENs on ``redaksi_changes``; every committed change sends a
NOTIFY (``editor.sync.feed``), so a save handled by one process wakes the clients waiting
on all of them. On SQLite (one process, tests and trials) the thread looks at the change
counter twice a second instead.
"""

from __future__ import annotations

import asyncio
import threading
import time

import psycopg
from sqlalchemy.engine import make_url

from editor.database import Database
from editor.sync.feed import NOTIFY_CHANNEL, latest_seq

POLL_SECONDS = 0.5
RECONNECT_SECONDS = 2.0


class ChangeNotices:
    """``wait_past(after, timeout)`` returns as soon as the feed passes ``after``."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._event = asyncio.Event()
        self._thread = threading.Thread(target=self._listen, name="redaksi-notices", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _wake(self) -> None:
        """On the event loop: release every waiter, and arm a fresh event."""
        if self._event is not None:
            event, self._event = self._event, asyncio.Event()
            event.set()

    def _signal(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake)

    def _listen(self) -> None:
        if self.db.dialect == "postgresql":
            while not self._stop.is_set():
                try:
                    self._listen_postgres()
                except psycopg.Error:
                    self._signal()  # waiters look again; a missed notice costs nothing
                    self._stop.wait(RECONNECT_SECONDS)
        else:
            seen = self._latest()
            while not self._stop.wait(POLL_SECONDS):
                now = self._latest()
                if now != seen:
                    seen = now
                    self._signal()

    def _latest(self) -> int:
        with self.db.transaction() as session:
            return latest_seq(session)

    def _listen_postgres(self) -> None:
        url = make_url(self.db.url).set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._signal()  # anything committed while (re)connecting
            while not self._stop.is_set():
                for _notice in connection.notifies(timeout=1.0, stop_after=1):
                    self._signal()

    async def wait_past(self, after: int, timeout: float) -> int:
        """The newest change number once it passes ``after``, or at ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            event = self._event
            newest = await asyncio.to_thread(self._latest)
            remaining = deadline - time.monotonic()
            if newest > after or remaining <= 0 or event is None:
                return newest
            try:
                await asyncio.wait_for(event.wait(), timeout=remaining)
            except TimeoutError:
                return await asyncio.to_thread(self._latest)
