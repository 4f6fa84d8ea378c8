"""The editorial calendar: a week of days by hours, with what is scheduled in each slot.

Drag a scheduled story to another slot to reschedule it. Rescheduling is a status change
(``scheduled`` → ``scheduled`` at the new time), so the core checks the role and audits it;
published stories stay where they went out and cannot be dragged.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import current_language
from ui.child_windows import closes_on_keys, open_within_screen
from ui.i18n import format_clock
from ui.workflow import prompts
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.workflow.calendar import CalendarEntry
    from ui.workflow.session import WorkflowSession

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-redaksi-article-ids"
SCHEDULED_TINT = QColor(60, 120, 200, 45)
PUBLISHED_TINT = QColor(60, 160, 90, 45)
# On the dark theme a faint tint is lost on the dark grid: solid, deeper colours that the
# light text still reads on (contrast above 4.5:1).
SCHEDULED_TINT_DARK = QColor("#335f96")
PUBLISHED_TINT_DARK = QColor("#2c7045")


def story_tint(scheduled: bool) -> QColor:
    """The background of a slot holding stories, for the theme now on."""
    dark = QApplication.palette().base().color().lightness() < 128
    if scheduled:
        return SCHEDULED_TINT_DARK if dark else SCHEDULED_TINT
    return PUBLISHED_TINT_DARK if dark else PUBLISHED_TINT


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def _clock(moment: datetime) -> str:
    """10.42 in Indonesian, 10:42 in English, as the rest of the window writes times."""
    return format_clock(moment.hour, moment.minute, current_language())


class CalendarModel(QAbstractTableModel):
    """Rows are hours 0–23, columns the seven days of the week from ``start``."""

    #: The core refused a reschedule: its message.
    refused = Signal(str)
    #: A reschedule went through: the article's new record.
    rescheduled = Signal(object)

    def __init__(self, session: WorkflowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.start = week_start(datetime.now(ZoneInfo(session.zone)).date())
        self.slots: dict[tuple[int, int], list[CalendarEntry]] = {}
        self.labels = WorkflowLabels(self)

    # --- loading ---------------------------------------------------------------------

    def set_week(self, start: date) -> None:
        self.start = week_start(start)
        self.reload()

    def reload(self) -> None:
        from editor.workflow.calendar import calendar

        zone = ZoneInfo(self.session.zone)
        begin = datetime.combine(self.start, time(0, 0), tzinfo=zone)
        end = datetime.combine(self.start + timedelta(days=7), time(0, 0), tzinfo=zone)
        entries = calendar(self.session.db, begin, end, zone=self.session.zone)
        self.beginResetModel()
        self.slots = {}
        for entry in entries:
            column = (entry.local_day - self.start).days
            if 0 <= column < 7:
                self.slots.setdefault((entry.local_hour, column), []).append(entry)
        self.endResetModel()

    def day(self, column: int) -> date:
        return self.start + timedelta(days=column)

    def entries_at(self, hour: int, column: int) -> list[CalendarEntry]:
        return self.slots.get((hour, column), [])

    def slot_of(self, article_id: uuid.UUID) -> tuple[int, int] | None:
        for slot, entries in self.slots.items():
            if any(entry.article_id == article_id for entry in entries):
                return slot
        return None

    # --- table -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 24

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return format_clock(section, 0, current_language())
        day = self.day(section)
        return f"{self._weekday(day.weekday())} {day:%d-%m}"

    def _weekday(self, weekday: int) -> str:
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        return names[weekday]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entries = self.entries_at(index.row(), index.column())
        if not entries:
            return None
        zone = ZoneInfo(self.session.zone)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(
                f"{_clock(e.when.astimezone(zone))} {e.headline or self.tr('Untitled')}"
                for e in entries
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(
                f"{_clock(e.when.astimezone(zone))} {e.headline}\n"
                f"{self.labels.status(e.status)} · {e.section} · {e.byline} · "
                + self.tr("%1 words").replace("%1", str(e.word_count))
                for e in entries
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.BackgroundRole:
            scheduled = any(e.status == "scheduled" for e in entries)
            return QBrush(story_tint(scheduled))
        return None

    # --- drag and drop ---------------------------------------------------------------

    def _may_schedule(self) -> bool:
        from editor.workflow.roles import has_permission

        return has_permission(self.session.role, "schedule")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return flags
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        entries = self.entries_at(index.row(), index.column())
        if self._may_schedule() and any(e.status == "scheduled" for e in entries):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [
            str(entry.article_id)
            for index in indexes[:1]
            for entry in self.entries_at(index.row(), index.column())
            if entry.status == "scheduled"
        ]
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray("\n".join(ids).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not parent.isValid() and row >= 0 and column >= 0:
            parent = self.index(row, column)  # dropped between cells: the nearest slot
        if not data.hasFormat(MIME_TYPE) or not parent.isValid():
            return False
        ids = [uuid.UUID(text) for text in bytes(data.data(MIME_TYPE).data()).decode().split()]
        moved = [self.reschedule(article_id, parent.row(), parent.column()) for article_id in ids]
        # The model has no setData/removeRows, so the view's "move" clean-up changes nothing;
        # the reload in reschedule() redraws the week.
        return any(moved)

    def reschedule(self, article_id: uuid.UUID, hour: int, column: int) -> bool:
        """Move a scheduled article to ``hour`` on day ``column``, keeping its minutes."""
        from editor.errors import RedaksiError
        from editor.workflow.checklist import ChecklistError
        from editor.workflow.roles import has_permission
        from editor.workflow.transitions import change_status

        if self.session.actor_id is None:
            self.refused.emit(self.tr("Choose your profile first (Article > Switch profile)."))
            return False
        entry = next(
            (e for entries in self.slots.values() for e in entries if e.article_id == article_id),
            None,
        )
        if entry is None:
            return False
        zone = ZoneInfo(self.session.zone)
        minutes = entry.when.astimezone(zone).minute
        when = datetime.combine(self.day(column), time(hour, minutes), tzinfo=zone)
        if when == entry.when.astimezone(zone):
            return False
        reason = ""
        while True:
            try:
                record = change_status(
                    self.session.db,
                    article_id,
                    "scheduled",
                    actor_id=self.session.actor_id,
                    scheduled_at=when,
                    override_reason=reason or None,
                )
                break
            except ChecklistError as error:
                # The refusal says editors may override with a reason: offer it here.
                if reason or not has_permission(self.session.role, "override_checklist"):
                    self.refused.emit(str(error))
                    return False
                reason = self._ask_override(str(error))
                if not reason:
                    return False
            except RedaksiError as error:
                self.refused.emit(str(error))
                return False
        self.reload()
        self.rescheduled.emit(record)
        return True

    def _ask_override(self, refusal: str) -> str:
        """The reason an editor gives to go ahead anyway ("" when they cancel)."""
        parent = self.parent()
        answer = prompts.ask_note(
            parent if isinstance(parent, QWidget) else None,
            self.tr("Checklist not complete"),
            self.tr("%1\n\nTo go ahead anyway, give the reason the audit log keeps:").replace(
                "%1", refusal
            ),
        )
        return (answer or "").strip()


class CalendarView(QWidget):
    """Week navigation over the grid."""

    #: Double-click (or Enter) on a slot: open its first article in the main window.
    openArticle = Signal(object)

    def __init__(self, session: WorkflowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        self.model = CalendarModel(session, self)
        self.model.refused.connect(self._refused)
        self.table = QTableView(self)
        self.table.setObjectName("calendarTable")
        self.table.setModel(self.model)
        self.table.activated.connect(self._open)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(True)  # a drop lands on a slot, never between
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Hours at least three lines tall so the grid reads as a day; a busy hour grows to
        # show every headline in full rather than cutting them off.
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Heights follow the columns' real widths, known only once they have stretched.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.model.modelReset.connect(self._fit_rows)
        self.title = QLabel(self)
        self.title.setObjectName("calendarTitle")
        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(
            lambda: self.show_week(self.model.start - timedelta(days=7))
        )
        self.today_button = QPushButton(self)
        self.today_button.clicked.connect(self.show_this_week)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(
            lambda: self.show_week(self.model.start + timedelta(days=7))
        )
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The stretched columns get their widths after this event; fit the rows then.
        QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        """Each hour as tall as its longest cell once wrapped at the column's width."""
        metrics = self.table.fontMetrics()
        minimum = metrics.lineSpacing() * 3 + 8
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.model.rowCount()):
            height = minimum
            for column in range(self.model.columnCount()):
                text = self.model.index(row, column).data()
                if text:
                    box = QRect(0, 0, max(40, self.table.columnWidth(column) - 10), 10_000)
                    height = max(height, metrics.boundingRect(box, flags, text).height() + 10)
            self.table.setRowHeight(row, height)

    def show_week(self, start: date) -> None:
        self.model.set_week(start)
        self._update_title()
        first = min((hour for hour, _column in self.model.slots), default=7)
        self.table.scrollTo(
            self.model.index(max(0, first - 1), 0), QAbstractItemView.ScrollHint.PositionAtTop
        )

    def show_this_week(self) -> None:
        self.show_week(datetime.now(ZoneInfo(self.model.session.zone)).date())

    def _update_title(self) -> None:
        first, last = self.model.start, self.model.start + timedelta(days=6)
        self.title.setText(
            self.tr("Week of %1 to %2")
            .replace("%1", f"{first:%d-%m-%Y}")
            .replace("%2", f"{last:%d-%m-%Y}")
        )

    def _open(self, index: QModelIndex) -> None:
        entries = self.model.entries_at(index.row(), index.column())
        if entries:
            self.openArticle.emit(entries[0].article_id)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not rescheduled"), message)

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("‹ Previous week"))
        self.today_button.setText(self.tr("This week"))
        self.next_button.setText(self.tr("Next week ›"))
        if self.model._may_schedule():
            self.hint.setText(
                self.tr("Drag a scheduled story to another hour or day to reschedule it.")
            )
        else:
            self.hint.setText(self.tr("Only editors can reschedule stories."))
        self._update_title()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CalendarDialog(QDialog):
    def __init__(self, session: WorkflowSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDialog")
        self.setWindowTitle(self.tr("Editorial calendar"))
        self.view = CalendarView(session, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.show_this_week()
        open_within_screen(self, 1100, 640)
        closes_on_keys(self)
