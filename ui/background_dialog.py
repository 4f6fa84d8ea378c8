"""What the Publish and Import dialogs share: one long core call in a ``QThread`` that the
user may cancel, and a dialog that never closes under it.

The thread's cancel sets a flag the core call checks between files; Escape, Close and the
window's close button cancel a running call first rather than abandon its thread.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread, Slot
from PySide6.QtWidgets import QDialog, QPushButton, QWidget


class CancellableThread(QThread):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class BackgroundDialog(QDialog):
    """Subclasses build ``cancel_button``, start ``_thread`` and say what "running" means
    for their widgets in ``_set_running``."""

    cancel_button: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thread: CancellableThread | None = None

    def _set_running(self, running: bool) -> None:
        raise NotImplementedError

    def _said_cancelling(self) -> None:
        """Tell the user the cancel is under way (in the subclass's translation context)."""

    @Slot()
    def cancel(self) -> None:
        if self._thread is not None:
            self._thread.cancel()
            self.cancel_button.setEnabled(False)
            self._said_cancelling()

    def is_running(self) -> bool:
        return self._thread is not None

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()
        self._set_running(False)

    def reject(self) -> None:
        """Escape or Close: cancel a running call first rather than abandon its thread."""
        if self._thread is not None:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._thread is not None:
            self.cancel()
            self._thread.wait()
        super().closeEvent(event)
