"""What the Publish and Import dialogs share: one long core call in a ``QThread`` that the
user may cancel, the progress bar, status line and report under the dialog's form, and a
dialog that never closes under the call.

The thread's cancel sets a flag the core call checks between files; Escape, Close and the
window's close button cancel a running call first rather than abandon its thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QThread, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Progress signals per call, at most (plus the first and the last): a core call reports
# every file, and a flood of queued signals would only slow the GUI thread down.
PROGRESS_STEPS = 200


class CancellableThread(QThread):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._last_shown = 0

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def worth_showing(self, done: int, total: int) -> bool:
        """Whether progress ``done`` of ``total`` moves the bar enough to be signalled."""
        step = max(1, total // PROGRESS_STEPS)
        if done == 0 or done >= total or done - self._last_shown >= step:
            self._last_shown = done
            return True
        return False


class BackgroundDialog(QDialog):
    """Subclasses lay out their form, hand it to ``_build_run_area``, name the inputs a
    running call locks in ``_inputs`` and say when the form is complete in ``_ready``;
    ``start`` builds their thread and hands it to ``_begin``."""

    start_button: QPushButton
    cancel_button: QPushButton
    close_button: QPushButton

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thread: CancellableThread | None = None

    def _build_run_area(self, form: QFormLayout, action: str, placeholder: str) -> QPushButton:
        """Below ``form``: the progress bar, the status line, the report (``placeholder``
        until there is one) and the buttons; returns the button labelled ``action``."""
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label = QLabel(self.tr("Ready."))
        self.status_label.setWordWrap(True)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(placeholder)

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)
        return self.start_button

    def _inputs(self) -> Sequence[QWidget]:
        """The form's widgets, locked while a call runs."""
        raise NotImplementedError

    def _ready(self) -> bool:
        """Whether the form says enough to start."""
        raise NotImplementedError

    @Slot()
    def start(self) -> None:
        raise NotImplementedError

    @Slot()
    def _update_start_button(self) -> None:
        self.start_button.setEnabled(self._thread is None and self._ready())

    def _set_running(self, running: bool) -> None:
        for widget in (*self._inputs(), self.close_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_start_button()

    def _begin(self, thread: CancellableThread, status: str) -> None:
        """Run ``thread`` (its result signals connected by the subclass), saying ``status``."""
        self.report_view.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first count arrives
        self.status_label.setText(status)
        thread.finished.connect(self._on_thread_finished)
        self._thread = thread
        self._set_running(True)
        thread.start()

    def _show_progress(self, done: int, total: int, status: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        if self._thread is not None and not self._thread.cancelled():
            self.status_label.setText(status)

    def _show_bar_ended(self, *, completed: bool) -> None:
        """The bar full after a call that completed, empty after one that did not."""
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1 if completed else 0)

    @Slot()
    def cancel(self) -> None:
        if self._thread is not None:
            self._thread.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

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
