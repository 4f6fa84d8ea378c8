"""Run a core call off the GUI thread and hand the result back by signal.

The window never freezes while the core works: ``run_in_background`` queues the call on
Qt's global thread pool; ``done`` or ``failed`` is emitted in the GUI thread afterwards
(queued connection), so slots may touch widgets freely.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Job(QObject):
    """The GUI-thread side of one background call."""

    done = Signal(object)
    #: (message, the exception) — the message is the core's human-readable text.
    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finished = False
        self.result: object = None
        self.error: BaseException | None = None

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self.finished, self.result = True, result
        self.done.emit(result)

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self.finished = True
        self.error = error if isinstance(error, BaseException) else None
        self.failed.emit(_message(error), error)


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits these across threads (queued)."""

    result = Signal(object)
    error = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._call = call
        self._relay = relay

    def run(self) -> None:
        try:
            value = self._call()
        except Exception as error:  # reported to the GUI thread, never lost
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.error.emit(error)
        else:
            self._relay.result.emit(value)


#: Jobs still running, kept alive until they deliver (a caller may drop its reference).
_running: set[Job] = set()


def _message(error: object) -> str:
    text = str(error).strip()
    return text or type(error).__name__


def run_in_background(
    call: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], object] | None = None,
    on_error: Callable[[str, Any], object] | None = None,
    parent: QObject | None = None,
    **kwargs: Any,
) -> Job:
    """Start ``call(*args, **kwargs)`` on a pool thread; returns the Job to watch."""
    job = Job(parent)
    relay = _Relay(job)
    relay.result.connect(job._deliver)
    relay.error.connect(job._deliver_error)
    if on_done is not None:
        job.done.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    _running.add(job)
    job.done.connect(lambda _result: _running.discard(job))
    job.failed.connect(lambda _message, _error: _running.discard(job))
    runnable = _Runnable(lambda: call(*args, **kwargs), relay)
    QThreadPool.globalInstance().start(runnable)
    return job
