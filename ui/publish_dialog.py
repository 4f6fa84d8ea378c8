"""The Publish dialog: choose where and how, watch progress, cancel, read the report.

``publish_site`` runs in a ``QThread``; its progress callback emits a signal, which Qt
queues to the GUI thread, so the bar moves while the window stays responsive. Cancel sets
a flag the publish checks between files: the previous site stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
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

    def _report_progress(self, done: int, total: int, message: str) -> None:
        if self.worth_showing(done, total):
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
        self.out_dir_edit.textChanged.connect(self._update_start_button)
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

        self.publish_button = self._build_run_area(
            form, self.tr("Publish"), self.tr("The publish report appears here.")
        )

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

    def _ready(self) -> bool:
        return bool(self.out_dir_edit.text().strip())

    def _inputs(self) -> Sequence[QWidget]:
        return (
            self.out_dir_edit,
            self.choose_button,
            self.base_url_edit,
            self.full_check,
            self.sidebar_combo,
        )

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
        thread = PublishThread(
            publish, self._db, self._settings, Path(folder).expanduser(), self._options(), self
        )
        thread.progressed.connect(self._show_progress)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        self._begin(thread, self.tr("Publishing…"))

    @Slot(object)
    def _on_success(self, report: Any) -> None:
        self.last_report = report
        self._show_bar_ended(completed=True)
        self.status_label.setText(self.tr("Published."))
        self.report_view.setPlainText("\n".join(report.lines()))
        self.published.emit(report)

    @Slot(str, bool)
    def _on_failure(self, message: str, was_cancel: bool) -> None:
        self._show_bar_ended(completed=False)
        if was_cancel:
            self.status_label.setText(self.tr("Cancelled. The previous site is unchanged."))
        else:
            self.status_label.setText(self.tr("Publishing failed. The previous site is unchanged."))
        self.report_view.setPlainText(message)
