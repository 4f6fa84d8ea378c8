"""Background sync: two threads, so a long-poll never delays a save going up.

The *sync* thread owns one ``Replica`` and runs ``sync`` (push the outbox, then pull)
whenever it is woken: by the listener, by a local save (``wake``), or by its own retry
timer while the server does not answer. The *listener* thread owns a second ``Replica``
and sits in the server's long-poll (``wait_for_changes``): the moment someone else's
change commits on the server it wakes the sync thread. A long-poll cannot be cut short
from outside, which is why it is not the sync thread that waits in it.

Nothing here touches a widget: results go to the GUI thread through ``SyncSignals``
(queued connections, as Qt does for signals emitted from another thread).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.errors import OfflineError, RedaksiError, SignInRequiredError

if TYPE_CHECKING:
    from editor.database import Database
    from editor.sync.replica import Replica

#: Seconds between tries while the server does not answer: doubling up to a minute.
FIRST_RETRY_S = 2.0
LAST_RETRY_S = 60.0
#: How long one long-poll lasts; the server answers sooner when something changes.
LONG_POLL_S = 25.0


class SyncSignals(QObject):
    """What the threads report; connect in the GUI thread."""

    #: A sync started.
    syncing = Signal()
    #: A sync finished: (SyncReport, SyncStatus).
    synced = Signal(object, object)
    #: The server cannot be reached: (message, seconds until the next try).
    offline = Signal(str, float)
    #: The server refused this computer's sign-in (revoked, forgotten): the message.
    signInRequired = Signal(str)
    #: The server answered with an error the sync cannot get past: the message.
    failed = Signal(str)


class SyncWorker:
    """Runs the sync of ``db`` on background threads until ``stop``."""

    def __init__(self, db: Database, signals: SyncSignals) -> None:
        self.db = db
        self.signals = signals
        self._stop = threading.Event()
        self._wake = threading.Event()
        #: Ends a wait between tries: "Sync now", or stop.
        self._try_now = threading.Event()
        #: Set while the replica's cursor is current: the listener may wait past it.
        self._current = threading.Event()
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        self._wake.set()  # sync once at once
        for name, target in (("redaksi-sync", self._sync_loop), ("redaksi-listen", self._listen)):
            thread = threading.Thread(target=target, name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def wake(self) -> None:
        """Sync now (a local change waits to go up). Safe from any thread."""
        self._wake.set()

    def sync_now(self) -> None:
        """The person asked: try at once, even while waiting to retry a silent server."""
        self._wake.set()
        self._try_now.set()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop both threads. The sync thread stops between batches (a batch is settled
        or not sent, never half); the listener may still sit in a long-poll, which ends on
        its own and touches nothing after it."""
        self._stop.set()
        self._wake.set()
        self._try_now.set()
        self._current.set()
        for thread in self._threads:
            if thread.name == "redaksi-sync":
                thread.join(timeout)
        self._threads.clear()

    def is_running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads) and not self._stop.is_set()

    # --- the threads -------------------------------------------------------------------

    def _emit(self, signal: object, *args: object) -> None:
        if self._stop.is_set():
            return  # the window is letting go: nobody should hear from us any more
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:  # the receiving object is gone (the app is closing)
            self._stop.set()

    def _sync_loop(self) -> None:
        from editor.sync.replica import Replica

        retry = FIRST_RETRY_S
        with Replica(self.db) as replica:
            while not self._stop.is_set():
                self._wake.wait()
                if self._stop.is_set():
                    break
                self._wake.clear()
                outcome, message = self._sync_once(replica)
                if outcome == "ok":
                    retry = FIRST_RETRY_S
                    continue
                if outcome == "stop":
                    break
                if outcome == "offline":
                    self._emit(self.signals.offline, message, retry)
                else:
                    self._emit(self.signals.failed, message)
                # A local save must not hammer a server that does not answer: only the
                # timer, "Sync now" or stop end this wait; a save made meanwhile goes then.
                self._try_now.clear()
                self._try_now.wait(retry)
                retry = min(retry * 2, LAST_RETRY_S)
                self._wake.set()

    def _sync_once(self, replica: Replica) -> tuple[str, str]:
        """("ok" | "stop" | "offline" | "failed", the message for the last two)."""
        self._emit(self.signals.syncing)
        try:
            report = replica.sync(cancel=self._stop)
            status = replica.status()
        except OfflineError as error:
            self._current.clear()
            return "offline", str(error)
        except SignInRequiredError as error:
            self._emit(self.signals.signInRequired, str(error))
            return "stop", str(error)
        except RedaksiError as error:
            return "failed", str(error)
        except Exception as error:  # a bug must show, not end the sync silently
            return "failed", f"{type(error).__name__}: {error}"
        self._emit(self.signals.synced, report, status)
        self._current.set()
        return "ok", ""

    def _listen(self) -> None:
        from editor.sync.replica import Replica

        with Replica(self.db) as replica:
            while not self._stop.is_set():
                self._current.wait()
                if self._stop.is_set():
                    break
                try:
                    changed = replica.wait_for_changes(timeout=LONG_POLL_S)
                except Exception:
                    # Offline or refused: the sync thread finds out and says so; listen
                    # again once it has synced.
                    self._current.clear()
                    self._wake.set()
                    continue
                if changed and not self._stop.is_set():
                    self._current.clear()
                    self._wake.set()
