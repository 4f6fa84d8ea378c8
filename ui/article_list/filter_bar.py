"""The filter bar above the article list: search as you type, status, section, author, dates.

It only turns what the user picked into an ``ArticleQuery``; the model does the querying.
Typing in the search box is debounced so a fast typist does not run a query per key.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.records import STATUSES, ArticleQuery
from editor.time_range import LAST_YEAR
from ui.article_list.labels import status_labels
from ui.icons import icon
from ui.typed_dates import make_typable

if TYPE_CHECKING:
    from editor.records import PersonRecord, SectionRecord

SEARCH_DEBOUNCE_MS = 200
#: The first date a date edit can show stands for "no limit" (shown as a dash).
NO_DATE = QDate(2000, 1, 1)
#: The last day Redaksi accepts (editor.time_range): "the day after" it is still a date.
LAST_DATE = QDate(LAST_YEAR, 12, 31)
FILTERS_VISIBLE_KEY = "articleList/filtersVisible"


class FilterBar(QWidget):
    """Emits ``changed`` whenever the filters mean a different query."""

    changed = Signal()
    #: Down arrow in the search box: the user wants to move into the results.
    leaveDown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = "Asia/Jakarta"
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.changed)

        self.search = QLineEdit(self)
        self.search.setObjectName("articleSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.installEventFilter(self)

        self.toggle = QToolButton(self)
        self.toggle.setObjectName("filterToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setIcon(icon("filter"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._show_filters)

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.section = QComboBox(self)
        self.section.setObjectName("sectionFilter")
        self.author = QComboBox(self)
        self.author.setObjectName("authorFilter")
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        for combo in (self.status, self.section, self.author):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

        self.dash = QLabel("–", self)
        # With the filters hidden, a line says they still filter and clears them.
        self.hidden_filters = QToolButton(self)
        self.hidden_filters.setObjectName("hiddenFilters")
        self.hidden_filters.setAutoRaise(True)
        self.hidden_filters.clicked.connect(self.clear_filters)
        self.hidden_filters.hide()
        self.changed.connect(self._show_active)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.toggle)

        self.filters = QWidget(self)
        grid = QGridLayout(self.filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        # Two compact rows: the combos' first entries ("Any status", "All sections",
        # "Anyone") and the date placeholders say what each one filters.
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.setSpacing(4)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(self.dash)
        dates.addWidget(self.date_to, 1)
        grid.addWidget(self.status, 0, 0)
        grid.addWidget(self.section, 0, 1)
        grid.addWidget(self.author, 1, 0)
        grid.addLayout(dates, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.hidden_filters, 0, Qt.AlignmentFlag.AlignLeft)

        self._sections: list[SectionRecord] = []
        self._people: list[PersonRecord] = []
        self.retranslate()
        visible = QSettings().value(FILTERS_VISIBLE_KEY, True, type=bool)
        self.toggle.setChecked(bool(visible))
        self.filters.setVisible(bool(visible))
        self._show_active()

    # --- choices ------------------------------------------------------------------------

    def set_zone(self, zone: str) -> None:
        self._zone = zone

    def set_sections(self, sections: list[SectionRecord]) -> None:
        """Offer the section tree (already in tree order), indented by depth."""
        self._sections = list(sections)
        self._refill_sections()

    def set_people(self, people: list[PersonRecord]) -> None:
        self._people = list(people)
        self._refill_people()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear(self) -> None:
        """Back to "everything": no text, any status, section, author and date."""
        with _Quiet(self):
            self.search.clear()
            self.status.setCurrentIndex(0)
            self.section.setCurrentIndex(0)
            self.author.setCurrentIndex(0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
        self._search_timer.stop()
        self.changed.emit()

    def clear_filters(self) -> None:
        """Any status, section, author and date; the search text stays."""
        with _Quiet(self):
            self.status.setCurrentIndex(0)
            self.section.setCurrentIndex(0)
            self.author.setCurrentIndex(0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
        self.changed.emit()

    def active_filters(self) -> int:
        """How many of status, section, author and the two dates narrow the list."""
        chosen = [combo.currentIndex() > 0 for combo in (self.status, self.section, self.author)]
        chosen += [edit.date() != NO_DATE for edit in (self.date_from, self.date_to)]
        return sum(chosen)

    def _show_active(self) -> None:
        count = self.active_filters()
        self.toggle.setText(
            self.tr("Filters (%1)").replace("%1", str(count)) if count else self.tr("Filters")
        )
        self.hidden_filters.setText(
            self.tr("%1 filters on, hidden — clear them").replace("%1", str(count))
        )
        self.hidden_filters.setVisible(bool(count) and not self.toggle.isChecked())

    # --- the query ----------------------------------------------------------------------

    def apply_to(self, query: ArticleQuery) -> ArticleQuery:
        """``query`` with this bar's filters set (sorting and trash left as they are)."""
        text = self.search.text().strip()
        status = self.status.currentData()
        return replace(
            query,
            text=text or None,
            statuses=(status,) if status else None,
            section_id=_uuid(self.section.currentData()),
            author_id=_uuid(self.author.currentData()),
            date_from=self._start_of(self.date_from.date()),
            date_to=self._start_of(self.date_to.date(), days_after=1),
        )

    def _start_of(self, day: QDate, *, days_after: int = 0) -> datetime | None:
        if day == NO_DATE or not day.isValid():
            return None
        local = date(day.year(), day.month(), day.day()) + timedelta(days=days_after)
        return datetime(local.year, local.month, local.day, tzinfo=ZoneInfo(self._zone))

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.changed.emit()

    # --- widgets ------------------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setMaximumDate(LAST_DATE)
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _day: self.changed.emit())
        make_typable(edit)
        return edit

    def _show_filters(self, visible: bool) -> None:
        self.filters.setVisible(visible)
        QSettings().setValue(FILTERS_VISIBLE_KEY, visible)
        self._show_active()

    def _refill_statuses(self) -> None:
        chosen = self.status.currentData()
        with _Quiet(self):
            self.status.clear()
            self.status.addItem(self.tr("Any status"), None)
            labels = status_labels()
            for status in STATUSES:
                if status != "trashed":
                    self.status.addItem(labels[status], status)
            self.status.setCurrentIndex(max(0, self.status.findData(chosen)))

    def _refill_sections(self) -> None:
        chosen = self.section.currentData()
        with _Quiet(self):
            self.section.clear()
            self.section.addItem(self.tr("All sections"), None)
            for record in self._sections:
                depth = record.path.count("/")
                self.section.addItem("    " * depth + record.name, str(record.id))
            self.section.setCurrentIndex(max(0, self._find(self.section, chosen)))

    def _refill_people(self) -> None:
        chosen = self.author.currentData()
        with _Quiet(self):
            self.author.clear()
            self.author.addItem(self.tr("Anyone"), None)
            for person in self._people:
                self.author.addItem(person.name, str(person.id))
            self.author.setCurrentIndex(max(0, self._find(self.author, chosen)))

    @staticmethod
    def _find(combo: QComboBox, value: str | None) -> int:
        return combo.findData(value) if value is not None else 0

    def select_section(self, section_id: uuid.UUID | None) -> None:
        self.section.setCurrentIndex(self._find(self.section, _text(section_id)))

    def select_author(self, person_id: uuid.UUID | None) -> None:
        self.author.setCurrentIndex(self._find(self.author, _text(person_id)))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search headlines and text…"))
        self.search.setToolTip(self.tr("Search articles (Ctrl+F in the list)"))
        self.toggle.setToolTip(self.tr("Show or hide the filters"))
        self.status.setToolTip(self.tr("Only articles with this status"))
        self.section.setToolTip(self.tr("Only articles in this section (and its subsections)"))
        self.author.setToolTip(self.tr("Only articles with this person in the byline"))
        self.date_from.setSpecialValueText(self.tr("from"))
        self.date_from.setToolTip(self.tr("Updated on or after this day"))
        self.date_to.setSpecialValueText(self.tr("until"))
        self.date_to.setToolTip(self.tr("Updated on or before this day"))
        self._refill_statuses()
        self._refill_sections()
        self._refill_people()
        self._show_active()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._search_now()
                self.leaveDown.emit()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _uuid(value: object) -> uuid.UUID | None:
    """Combo items carry ids as text (Qt compares text reliably, Python objects not)."""
    return uuid.UUID(str(value)) if value else None


def _text(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


class _Quiet:
    """Refilling combos must not fire a query per item: block the bar's signals."""

    def __init__(self, bar: FilterBar) -> None:
        self._widgets = [
            bar.status,
            bar.section,
            bar.author,
            bar.search,
            bar.date_from,
            bar.date_to,
        ]

    def __enter__(self) -> None:
        for widget in self._widgets:
            widget.blockSignals(True)

    def __exit__(self, *_exc: object) -> None:
        for widget in self._widgets:
            widget.blockSignals(False)
