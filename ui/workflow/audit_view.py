"""The audit log as a table: per article or for the whole newsroom, newest first."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import current_language
from ui.child_windows import closes_on_keys, open_within_screen
from ui.i18n import format_moment
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.database import Database
    from editor.workflow.audit import AuditRecord

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("at", "article", "person", "action", "change", "outcome", "note")
REFUSED_TINT = QColor(200, 40, 40, 40)


class AuditModel(QAbstractTableModel):
    """Plain ``AuditRecord`` rows; reloaded as a whole (the log is read in pages of 200)."""

    def __init__(self, zone: str = "Asia/Jakarta", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.entries: list[AuditRecord] = []
        self.labels = WorkflowLabels(self)

    def set_entries(self, entries: list[AuditRecord]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def load(self, db: Database, article_id: uuid.UUID | None) -> None:
        from editor.workflow.audit import audit_log

        self.set_entries(audit_log(db, article_id))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            "at": self.tr("When"),
            "article": self.tr("Article"),
            "person": self.tr("Who"),
            "action": self.tr("Action"),
            "change": self.tr("Change"),
            "outcome": self.tr("Outcome"),
            "note": self.tr("Note"),
        }
        return titles[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("note", "article"):
            return self.text(entry, column) or None
        if role == Qt.ItemDataRole.BackgroundRole and entry.outcome == "refused":
            return QBrush(REFUSED_TINT)
        return None

    def text(self, entry: AuditRecord, column: str) -> str:
        if column == "at":
            return format_moment(entry.at.astimezone(ZoneInfo(self.zone)), current_language())
        if column == "article":
            return entry.headline
        if column == "person":
            if entry.actor_id is not None:
                return entry.actor
            return self.tr("scheduler") if entry.article_id is not None else self.tr("system")
        if column == "action":
            return self.labels.action(entry.action)
        if column == "change":
            if not entry.from_status and not entry.to_status:
                return ""
            return (
                f"{self.labels.status(entry.from_status)} → {self.labels.status(entry.to_status)}"
            )
        if column == "outcome":
            return self.labels.outcome(entry.outcome)
        return " · ".join(self._note_line(line) for line in entry.note.splitlines())

    def _note_line(self, line: str) -> str:
        """The core notes a schedule as ``at <ISO time>``; show it in the newsroom's zone."""
        if line.startswith("at "):
            try:
                when = datetime.fromisoformat(line[3:])
            except ValueError:
                return line
            local = format_moment(when.astimezone(ZoneInfo(self.zone)), current_language())
            return self.tr("publish at %1").replace("%1", local)
        return line


class AuditView(QWidget):
    """The table with a scope chooser: this article, or the whole newsroom."""

    def __init__(self, db: Database, *, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.db = db
        self.article_id: uuid.UUID | None = None
        self.model = AuditModel(zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per entry; the full text is in the tooltip
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("note"), QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("article"), QHeaderView.ResizeMode.Interactive)
        self.scope_label = QLabel(self)
        self.scope = QComboBox(self)
        self.scope.currentIndexChanged.connect(lambda _index: self.reload())
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def set_article(self, article_id: uuid.UUID | None) -> None:
        self.article_id = article_id
        self.scope.model().item(0).setEnabled(article_id is not None)  # type: ignore[attr-defined]
        if article_id is None:
            self.scope.setCurrentIndex(1)
        self.reload()

    def whole_newsroom(self) -> bool:
        return self.scope.currentIndex() == 1 or self.article_id is None

    def reload(self) -> None:
        self.model.load(self.db, None if self.whole_newsroom() else self.article_id)
        self.table.setColumnWidth(COLUMNS.index("article"), 260)

    def retranslate(self) -> None:
        current = max(0, self.scope.currentIndex())
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([self.tr("This article"), self.tr("Whole newsroom")])
        self.scope.setCurrentIndex(current)
        self.scope.blockSignals(False)
        self.scope_label.setText(self.tr("Show:"))
        self.refresh_button.setText(self.tr("Refresh"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        super().changeEvent(event)


class AuditDialog(QDialog):
    def __init__(
        self,
        db: Database,
        *,
        zone: str,
        article_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.view = AuditView(db, zone=zone, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.set_article(article_id)
        open_within_screen(self, 1000, 520)
        closes_on_keys(self)
