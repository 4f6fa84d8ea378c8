"""The Publish dialog: choose where and how, watch progress, cancel, read the report.

``publish_site`` runs in a ``QThread``; its progress callback emits a signal, which Qt
queues to the GUI thread, so the bar moves while the window stays responsive. Cancel sets
a flag the publish checks between files: the previous site stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.config import Settings
from editor.database import Database
from ui.background_dialog import BackgroundDialog, CancellableThread
from ui.child_windows import closes_on_keys
from ui.file_dialogs import existing_directory

OUT_DIR_KEY = "publish/out_dir"
BASE_URL_KEY = "publish/base_url"
SIDEBAR_KEY = "publish/sidebar_mode"
SIDEBAR_MODES = ("embed", "ssi")
#: Progress signals per publish, at most (plus the first and the last).
PROGRESS_STEPS = 200

PublishFunction = Callable[..., Any]


class PublishThread(CancellableThread):
    """Runs one publish; reports progress, the report or the error by signal."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # message, whether it was a cancel

    def __init__(
        self,
        publish: PublishFunction,
        db: Database,
        settings: Settings,
        out_dir: Path,
        options: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._publish, self._db, self._settings = publish, db, settings
        self._out_dir, self._options = out_dir, options
        self._last_done = 0

    def _report_progress(self, done: int, total: int, message: str) -> None:
        # A publish reports every file; the bar needs a few hundred steps at most, and a
        # flood of queued signals would only slow the GUI thread down.
        step = max(1, total // PROGRESS_STEPS)
        if done == 0 or done >= total or done - self._last_done >= step:
            self._last_done = done
            self.progressed.emit(done, total, message)

    def run(self) -> None:
        from editor.publish.report import PublishCancelled

        try:
            report = self._publish(
                self._db,
                self._settings,
                self._out_dir,
                progress=self._report_progress,
                cancel=self.cancelled,
                **self._options,
            )
        except PublishCancelled as stop:
            self.failed.emit(str(stop), True)
        except Exception as error:  # shown to the user, never lost in the thread
            self.failed.emit(str(error) or type(error).__name__, False)
        else:
            self.succeeded.emit(report)


class PublishDialog(BackgroundDialog):
    """Publish the site from the app: output folder, base URL, full or incremental, sidebar."""

    #: Emitted in the GUI thread with the PublishReport after a successful publish.
    published = Signal(object)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        publish: PublishFunction | None = None,
    ) -> None:
        super().__init__(parent)
        closes_on_keys(self)
        self._db, self._settings = db, settings
        self._publish = publish
        self.last_report: Any = None
        self.setWindowTitle(self.tr("Publish site"))
        self.setMinimumWidth(560)
        self._build()
        self._load_choices()
        self._set_running(False)

    # Layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.out_dir_edit = QLineEdit()
        self.out_dir_edit.setPlaceholderText(self.tr("Folder the site is written to"))
        self.out_dir_edit.textChanged.connect(self._update_publish_button)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.out_dir_edit, 1)
        folder_row.addWidget(self.choose_button)

        self.base_url_edit = QLineEdit()
        self.base_url_edit.setPlaceholderText("https://example.id")
        self.full_check = QCheckBox(self.tr("Rebuild every file (full publish)"))
        self.full_check.setToolTip(
            self.tr("Off: rewrite only what changed since the last publish (faster).")
        )
        self.sidebar_combo = QComboBox()
        self.sidebar_combo.addItem(self.tr("Lists in every page"), "embed")
        self.sidebar_combo.addItem(self.tr("One shared fragment (server-side include)"), "ssi")
        self.sidebar_combo.setToolTip(
            self.tr(
                "A shared fragment keeps a new article from rewriting every page; the web "
                "server must have SSI on (nginx: ssi on; Apache: mod_include)."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Output folder:"), folder_row)
        form.addRow(self.tr("Site address:"), self.base_url_edit)
        form.addRow(self.tr("Populer and UPDATE:"), self.sidebar_combo)
        form.addRow("", self.full_check)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label = QLabel(self.tr("Ready."))
        self.status_label.setWordWrap(True)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setPlaceholderText(self.tr("The publish report appears here."))

        self.buttons = QDialogButtonBox()
        self.publish_button = self.buttons.addButton(
            self.tr("Publish"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.publish_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.buttons)

    def _load_choices(self) -> None:
        from editor.sysconfig import load_system_config

        stored = QSettings()
        # IT's publish folder (system-wide config) is the default, or the only choice if locked.
        system = load_system_config()
        preset = str(system.publish_dir or "")
        locked = system.is_locked("publish_dir") and bool(preset)
        self.out_dir_edit.setText(preset if locked else str(stored.value(OUT_DIR_KEY, preset)))
        self.out_dir_edit.setReadOnly(locked)
        self.choose_button.setVisible(not locked)
        self.base_url_edit.setText(str(stored.value(BASE_URL_KEY, self._settings.base_url)))
        mode = str(stored.value(SIDEBAR_KEY, "embed"))
        self.sidebar_combo.setCurrentIndex(max(0, self.sidebar_combo.findData(mode)))

    def _save_choices(self) -> None:
        stored = QSettings()
        stored.setValue(OUT_DIR_KEY, self.out_dir_edit.text().strip())
        stored.setValue(BASE_URL_KEY, self.base_url_edit.text().strip())
        stored.setValue(SIDEBAR_KEY, self.sidebar_combo.currentData())

    # Actions ------------------------------------------------------------------------

    @Slot()
    def _choose_folder(self) -> None:
        folder = existing_directory(
            self, self.tr("Publish the site into"), self.out_dir_edit.text()
        )
        if folder:
            self.out_dir_edit.setText(folder)

    @Slot()
    def _update_publish_button(self) -> None:
        running = self._thread is not None
        self.publish_button.setEnabled(not running and bool(self.out_dir_edit.text().strip()))

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.out_dir_edit,
            self.choose_button,
            self.base_url_edit,
            self.full_check,
            self.sidebar_combo,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self._update_publish_button()

    def _options(self) -> dict[str, Any]:
        base_url = self.base_url_edit.text().strip() or None
        return {
            "base_url": base_url,
            "full": self.full_check.isChecked(),
            "sidebar_mode": self.sidebar_combo.currentData(),
        }

    @Slot()
    def start(self) -> None:
        """Start a publish with the chosen options (does nothing while one runs)."""
        folder = self.out_dir_edit.text().strip()
        if self._thread is not None or not folder:
            return
        self._save_choices()
        publish = self._publish
        if publish is None:
            from editor.publish import publish_site

            publish = publish_site
        self.report_view.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first count arrives
        self.status_label.setText(self.tr("Publishing…"))
        thread = PublishThread(
            publish, self._db, self._settings, Path(folder).expanduser(), self._options(), self
        )
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        thread.finished.connect(self._on_thread_finished)
        self._thread = thread
        self._set_running(True)
        thread.start()

    def _said_cancelling(self) -> None:
        self.status_label.setText(self.tr("Cancelling…"))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        if self._thread is not None and not self._thread.cancelled():
            self.status_label.setText(message)

    @Slot(object)
    def _on_success(self, report: Any) -> None:
        self.last_report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        self.status_label.setText(self.tr("Published."))
        self.report_view.setPlainText("\n".join(report.lines()))
        self.published.emit(report)

    @Slot(str, bool)
    def _on_failure(self, message: str, was_cancel: bool) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if was_cancel:
            self.status_label.setText(self.tr("Cancelled. The previous site is unchanged."))
        else:
            self.status_label.setText(self.tr("Publishing failed. The previous site is unchanged."))
        self.report_view.setPlainText(message)
