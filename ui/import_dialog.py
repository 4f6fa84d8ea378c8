"""File → Import: bring a Hugo or Jekyll folder, Markdown files or a WordPress export in,
watch the progress, cancel, and read what happened to every file.

The import runs in a ``QThread``; its progress callback emits a signal Qt queues to the
GUI thread. Cancel sets a flag the import checks between files: what was imported before
it stays, each article with its revision and audit entry (editor.importer writes them in
one unit of work), and the report says the import was cancelled. The report is the one
the command line prints (editor.import_report), refused files in red.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from editor.database import Database
from ui.background_dialog import BackgroundDialog, CancellableThread
from ui.child_windows import closes_on_keys
from ui.file_dialogs import existing_directory, open_file_name

SOURCE_KEY = "import/source"
UPLOADS_KEY = "import/uploads"
MAP_KEY = "import/map_sections"
FOLDERS_KEY = "import/sections_from_folders"
#: Refused files: a red that reads on the light and the dark theme.
PROBLEM_COLOUR = "#e53935"


def parse_section_map(text: str) -> dict[str, str]:
    """``post=berita, blog=opini`` as a mapping; ValueError names a pair without ``=``."""
    mapping: dict[str, str] = {}
    for pair in (part.strip() for part in text.replace(";", ",").split(",")):
        if not pair:
            continue
        name, equals, section = pair.partition("=")
        if not equals or not name.strip() or not section.strip():
            raise ValueError(pair)
        mapping[name.strip()] = section.strip()
    return mapping


class ImportThread(CancellableThread):
    """Runs one import; reports progress, the report or the error by signal."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    #: The message, and whether it is a refusal of who imports (not a fault).
    failed = Signal(str, bool)

    def __init__(self, work: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work

    def _progress(self, done: int, total: int) -> None:
        if self.worth_showing(done, total):
            self.progressed.emit(done, total)

    def run(self) -> None:
        from editor.errors import PermissionDenied

        try:
            report = self._work(progress=self._progress, cancel=self.cancelled)
        except Exception as error:  # shown to the user, never lost in the thread
            refused = isinstance(error, PermissionDenied)
            self.failed.emit(str(error) or type(error).__name__, refused)
        else:
            self.succeeded.emit(report)


class ImportDialog(BackgroundDialog):
    """Choose what to import, run it in the background, show the report."""

    #: Emitted in the GUI thread with the ImportReport when an import ends (cancelled too).
    imported = Signal(object)

    def __init__(
        self,
        db: Database,
        *,
        zone: str,
        actor_id: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        closes_on_keys(self)
        self.setObjectName("importDialog")
        self._db, self._zone, self._actor_id = db, zone, actor_id
        self.last_report: Any = None
        self.setWindowTitle(self.tr("Import articles"))
        self.setMinimumSize(640, 460)
        self._build()
        self._load_choices()
        self._set_running(False)

    def _build(self) -> None:
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            self.tr("A Hugo or Jekyll folder, a Markdown file, or a WordPress export (.xml)")
        )
        self.source_edit.textChanged.connect(self._update_start_button)
        self.folder_button = QPushButton(self.tr("Folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.file_button = QPushButton(self.tr("File…"))
        self.file_button.clicked.connect(self._choose_file)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.folder_button)
        source_row.addWidget(self.file_button)

        self.uploads_edit = QLineEdit()
        self.uploads_edit.setPlaceholderText(
            self.tr("WordPress only: a copy of wp-content/uploads (optional)")
        )
        self.map_edit = QLineEdit()
        self.map_edit.setPlaceholderText(self.tr("post=berita, blog=opini (optional)"))
        self.map_edit.setToolTip(
            self.tr("Categories and sections of the old site, and the section each goes to.")
        )

        self.folders_check = QCheckBox(self.tr("Sections from folders"))
        self.folders_check.setToolTip(
            self.tr(
                "A file that names no section goes to the section its folders spell "
                "(content/berita/dunia/ → Berita › Dunia), made when missing."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Import from:"), source_row)
        form.addRow(self.tr("Images:"), self.uploads_edit)
        form.addRow(self.tr("Map sections:"), self.map_edit)
        form.addRow("", self.folders_check)

        self.import_button = self._build_run_area(
            form,
            self.tr("Import"),
            self.tr("Every file is listed here: imported, updated, unchanged or refused, and why."),
        )
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def _load_choices(self) -> None:
        stored = QSettings()
        self.source_edit.setText(str(stored.value(SOURCE_KEY, "")))
        self.uploads_edit.setText(str(stored.value(UPLOADS_KEY, "")))
        self.map_edit.setText(str(stored.value(MAP_KEY, "")))
        self.folders_check.setChecked(str(stored.value(FOLDERS_KEY, "false")) == "true")

    def _save_choices(self) -> None:
        stored = QSettings()
        stored.setValue(SOURCE_KEY, self.source_edit.text().strip())
        stored.setValue(UPLOADS_KEY, self.uploads_edit.text().strip())
        stored.setValue(MAP_KEY, self.map_edit.text().strip())
        stored.setValue(FOLDERS_KEY, "true" if self.folders_check.isChecked() else "false")

    @Slot()
    def _choose_folder(self) -> None:
        folder = existing_directory(
            self, self.tr("Import from the folder"), self.source_edit.text()
        )
        if folder:
            self.source_edit.setText(folder)

    @Slot()
    def _choose_file(self) -> None:
        name = open_file_name(
            self,
            self.tr("Import a file"),
            self.source_edit.text(),
            self.tr("Markdown or WordPress export (*.md *.markdown *.xml);;All files (*)"),
        )
        if name:
            self.source_edit.setText(name)

    def _ready(self) -> bool:
        return bool(self.source_edit.text().strip())

    def _inputs(self) -> Sequence[QWidget]:
        return (
            self.source_edit,
            self.folder_button,
            self.file_button,
            self.uploads_edit,
            self.map_edit,
            self.folders_check,
        )

    def _work(self, source: Path, section_map: dict[str, str]) -> Callable[..., Any]:
        """The core call for ``source``, waiting only for progress and cancel."""
        common: dict[str, Any] = {
            "zone": self._zone,
            "actor_id": self._actor_id,
            "section_map": section_map,
        }
        from editor.importer import import_paths
        from editor.wordpress.importer import import_wordpress, is_wordpress_export

        if is_wordpress_export(source):
            uploads = self.uploads_edit.text().strip()
            return partial(
                import_wordpress,
                self._db,
                source,
                uploads=Path(uploads).expanduser() if uploads else None,
                **common,
            )
        by_folders = self.folders_check.isChecked()
        return partial(import_paths, self._db, [source], sections_from_folders=by_folders, **common)

    @Slot()
    def start(self) -> None:
        """Start importing what the form names (nothing while an import runs)."""
        text = self.source_edit.text().strip()
        if self._thread is not None or not text:
            return
        source = Path(text).expanduser()
        try:
            section_map = parse_section_map(self.map_edit.text())
        except ValueError as bad:
            self._say_refused(
                self.tr("Map sections as NAME=SECTION, such as post=berita (got '%1').").replace(
                    "%1", str(bad)
                )
            )
            return
        if not source.exists():
            self._say_refused(self.tr("There is no file or folder %1.").replace("%1", str(source)))
            return
        self._save_choices()
        thread = ImportThread(self._work(source, section_map), self)
        thread.progressed.connect(self._on_progress)
        thread.succeeded.connect(self._on_success)
        thread.failed.connect(self._on_failure)
        self._begin(thread, self.tr("Importing…"))

    def _say_refused(self, message: str) -> None:
        self.status_label.setText(message)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        status = self.tr("Importing %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
        self._show_progress(done, total, status)

    @Slot(object)
    def _on_success(self, report: Any) -> None:
        from editor.import_report import report_lines

        self.last_report = report
        if report.cancelled:
            self.status_label.setText(
                self.tr("Cancelled. What was imported before stays, each with its revision.")
            )
        else:
            self._show_bar_ended(completed=True)
            self.status_label.setText(
                self.tr("Imported, with problems: see the lines in red.")
                if report.problems
                else self.tr("Imported.")
            )
        self._show_lines(report_lines(report))
        self.imported.emit(report)

    def _show_lines(self, lines: list[Any]) -> None:
        self.report_view.clear()
        cursor = self.report_view.textCursor()
        plain, red = QTextCharFormat(), QTextCharFormat()
        red.setForeground(QColor(PROBLEM_COLOUR))
        for number, line in enumerate(lines):
            if number:
                cursor.insertBlock()
            cursor.insertText(line.text, red if line.problem else plain)
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        self.report_view.setTextCursor(cursor)

    @Slot(str, bool)
    def _on_failure(self, message: str, refused: bool) -> None:
        self._show_bar_ended(completed=False)
        if refused and self._actor_id is None:
            self.status_label.setText(
                self.tr(
                    "Nothing was imported: sign in first (Article → Switch profile…), "
                    "as an import acts as someone once the newsroom has people."
                )
            )
        else:
            self.status_label.setText(self.tr("Nothing was imported."))
        self.report_view.setPlainText(message)


def open_import(window: Any, db: Database, actor_id: uuid.UUID | None) -> ImportDialog:
    """Show the import window for ``window``'s newsroom (raise it if it is open already);
    the article list refreshes after every import."""

    current = getattr(window, "import_dialog", None)
    if isinstance(current, ImportDialog) and current.isVisible():
        current.raise_()
        current.activateWindow()
        return current
    dialog = ImportDialog(
        db,
        zone=window.context.settings.zone,
        actor_id=actor_id,
        parent=window,
    )
    dialog.imported.connect(lambda _report: window.list_pane.refresh())
    dialog.show()
    return dialog
