"""The revisions of one article: list, side-by-side difference, restore.

Pick one revision to compare it with the one before it, or two (Ctrl+click) to compare
those. Restore puts the chosen revision's content back; the core first keeps the
current state as a "restore" revision, so a restore can itself be undone.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.articles import get_article
from editor.config import DEFAULT_ZONE
from editor.database import Database
from editor.errors import RedaksiError
from editor.i18n import current_language
from editor.records import ArticleRecord, RevisionRecord
from editor.revisions import diff_revisions, list_revisions, restore_revision
from ui.child_windows import closes_on_keys, open_within_screen
from ui.i18n import format_moment
from ui.preview.diff_html import side_by_side
from ui.preview.paper import use_paper


class RevisionsDialog(QDialog):
    """Emits ``restored(ArticleRecord)`` after a restore, so the editor can reload."""

    restored = Signal(object)

    def __init__(
        self,
        db: Database,
        article_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        zone: str = DEFAULT_ZONE,
        author_id: uuid.UUID | None = None,
        read_only: bool = False,
    ) -> None:
        """``author_id``: who restores (the revision keeping the state before a restore is
        theirs); ``read_only``: compare only (nobody signed in where the newsroom signs in)."""
        super().__init__(parent)
        self.setObjectName("revisionsDialog")
        self.setWindowTitle(self.tr("Revisions"))
        open_within_screen(self, 1100, 680)
        closes_on_keys(self)
        self.db = db
        self.article_id = article_id
        self.author_id = author_id
        self.read_only = read_only
        self.zone = ZoneInfo(zone)
        self.revisions: list[RevisionRecord] = []

        columns = [self.tr("No."), self.tr("Time"), self.tr("Author"), self.tr("Kind")]
        self.model = QStandardItemModel(0, len(columns), self)
        self.model.setHorizontalHeaderLabels(columns)
        self.view = QTreeView()
        self.view.setObjectName("revisionList")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff = QTextBrowser()
        self.diff.setObjectName("revisionDiff")
        use_paper(self.diff)
        self.hint = QLabel(self.tr("Select one revision, or two with Ctrl+click, to compare."))
        self.hint.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore this revision"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.diff)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 770])
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    # --- the list --------------------------------------------------------------------

    def reload(self) -> None:
        try:
            self.revisions = list_revisions(self.db, self.article_id)
        except RedaksiError as error:
            self.hint.setText(str(error))
            self.revisions = []
        self.model.removeRows(0, self.model.rowCount())
        for revision in self.revisions:
            local = revision.created_at.astimezone(self.zone)
            when = format_moment(local, current_language(), seconds=True)
            kind = self.kind_label(revision.kind)
            row = [QStandardItem(str(revision.number)), QStandardItem(when)]
            row += [QStandardItem(revision.author or "—"), QStandardItem(kind)]
            self.model.appendRow(row)
        for column in range(self.model.columnCount()):
            self.view.resizeColumnToContents(column)
        if self.revisions:
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.diff.setHtml("<p>" + self.tr("No revisions yet: Ctrl+S keeps one.") + "</p>")

    def kind_label(self, kind: str) -> str:
        labels = {
            "save": self.tr("Saved"),
            "restore": self.tr("Before restore"),
            "import": self.tr("Imported"),
            "submit": self.tr("Submitted"),
            "takeover": self.tr("Kept at a take-over"),
            "conflict": self.tr("Lost a save conflict"),
        }
        return labels.get(kind, kind)

    def selected(self) -> list[RevisionRecord]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.revisions[row] for row in rows]

    def select_rows(self, *rows: int) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.model.index(row, 0),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )

    # --- comparing -------------------------------------------------------------------

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(len(chosen) == 1 and not self.read_only)
        if not chosen:
            return
        if len(chosen) == 1:
            newer = chosen[0]
            index = self.revisions.index(newer)
            older = self.revisions[index + 1] if index + 1 < len(self.revisions) else None
        else:
            newer, older = chosen[0], chosen[-1]  # the list is newest first
        self.show_difference(older, newer)

    def show_difference(self, older: RevisionRecord | None, newer: RevisionRecord) -> None:
        if older is None:
            older = replace(newer, number=0, headline="", kicker="", lead="", body="", metadata={})
            left = self.tr("(nothing before)")
        else:
            left = self.tr("Revision %1").replace("%1", str(older.number))
        right = self.tr("Revision %1").replace("%1", str(newer.number))
        difference = diff_revisions(older, newer)
        if not difference.fields and all(hunk.op == "equal" for hunk in difference.body):
            self.diff.setPlainText(
                self.tr("No differences: %1 and %2 are the same.")
                .replace("%1", left)
                .replace("%2", right)
            )
            return
        self.diff.setHtml(side_by_side(left, right, difference.body, difference.fields))

    # --- restoring -------------------------------------------------------------------

    def restore_selected(self) -> ArticleRecord | None:
        chosen = self.selected()
        if len(chosen) != 1 or self.read_only:
            return None
        revision = chosen[0]
        try:
            current = get_article(self.db, self.article_id)
            record = restore_revision(
                self.db,
                self.article_id,
                revision.id,
                expected_version=current.version,
                author_id=self.author_id,
            )
        except RedaksiError as error:
            QMessageBox.warning(self, self.tr("Could not restore"), str(error))
            return None
        self.reload()
        self.hint.setText(
            self.tr("Revision %1 restored. The state before it was kept as a revision.").replace(
                "%1", str(revision.number)
            )
        )
        self.restored.emit(record)
        return record
