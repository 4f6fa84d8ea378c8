"""Run a plain function on Qt's thread pool and get the result back on the GUI thread.

Rendering Markdown and counting words in a long article take longer than a keystroke may;
they run here so typing never waits for them.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, runner: BackgroundRunner, token: int, work: Callable[[], object]) -> None:
        super().__init__()
        # The job emits on its own QObject, never on the runner: if the widget that owns
        # the runner is closed meanwhile, Qt drops the connection and the result quietly.
        self._signals = _Signals()
        self._signals.done.connect(runner._deliver)
        self._token = token
        self._work = work

    def run(self) -> None:
        try:
            result: object = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            result = error
        # Emitted from the worker thread; the runner lives on the GUI thread, so Qt
        # queues the delivery there. At shutdown Qt may already have deleted the signal
        # object: nobody is left to want the result then.
        with contextlib.suppress(RuntimeError):
            self._signals.done.emit(self._token, result)


class BackgroundRunner(QObject):
    """Submit work; ``finished(token, result)`` arrives on the GUI thread.

    ``result`` is the function's return value, or the exception it raised.
    """

    finished = Signal(int, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tokens = itertools.count(1)
        self._pending = 0

    def submit(self, work: Callable[[], object]) -> int:
        token = next(self._tokens)
        self._pending += 1
        self._pool.start(_Job(self, token, work))
        return token

    def busy(self) -> bool:
        return self._pending > 0

    @Slot(int, object)
    def _deliver(self, token: int, result: object) -> None:
        self._pending -= 1
        self.finished.emit(token, result)
