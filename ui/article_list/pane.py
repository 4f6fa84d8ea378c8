"""The article list pane: filter bar, the SQL-paged table and a count of what matches.

Keyboard: Up/Down move (and open) articles, Enter jumps into the editor, Delete moves
the article to the trash, Ctrl+F while in the list goes to the search box.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.records import ArticleQuery
from ui.article_list.filter_bar import FilterBar
from ui.article_list.labels import status_labels
from ui.article_list.model import COLUMNS, ID_ROLE, ArticleListModel

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticlePage, PersonRecord, SectionRecord
    from ui.actions import ActionRegistry

#: Narrower than this, a headline is cut to a word or two: hide other columns first.
MIN_HEADLINE_WIDTH = 180
#: Keys the list handles itself even when a window-wide shortcut uses them too.
_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ArticleListPane(QWidget):
    #: The highlighted article changed (uuid.UUID, or None when nothing is selected).
    currentArticleChanged = Signal(object)
    #: Enter or double-click: the user wants to work on this article (uuid.UUID).
    articleActivated = Signal(object)
    #: The list switched between the working list (False) and the trash (True).
    trashShown = Signal(bool)

    def __init__(self, registry: ActionRegistry | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleListPane")
        self._registry = registry
        self._showing_trash = False
        self.model = ArticleListModel(parent=self)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._apply_filters)
        self.filter_bar.leaveDown.connect(self._enter_list)

        self.trash_banner = QLabel(self)
        self.trash_banner.setObjectName("trashBanner")
        self.trash_banner.setWordWrap(True)
        self.trash_banner.hide()

        self.notice = QLabel(self)
        self.notice.setObjectName("recoveryBanner")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()

        self.view = QTableView(self)
        self.view.setObjectName("articleTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the editor; walking cell by cell would open each article.
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(COLUMNS.index("updated"), Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)
        self._size_columns()
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.notice.installEventFilter(self)
        self.view.doubleClicked.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.totalChanged.connect(lambda _total: self._update_count())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("articleCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.trash_banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.view)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------

    def set_database(
        self,
        db: Database | None,
        *,
        zone: str = "Asia/Jakarta",
        first_page: ArticlePage | None = None,
    ) -> None:
        self.model.set_zone(zone)
        self.filter_bar.set_zone(zone)
        self.model.set_database(db, first_page=first_page)

    def set_choices(self, sections: list[SectionRecord], people: list[PersonRecord]) -> None:
        self.filter_bar.set_sections(sections)
        self.filter_bar.set_people(people)

    def refresh(self, *, keep: uuid.UUID | None = None) -> None:
        """Run the query again (after new, duplicate, trash...) and re-select ``keep``."""
        keep = keep if keep is not None else self.current_id()
        self.model.reload()
        if keep is not None:
            self.select_article(keep, notify=False)

    def catch_up(self) -> None:
        """Show what another program committed, keeping the selection and, unless
        articles came or went, the scroll position."""
        if self.model.catch_up():
            self.refresh()

    def show_notice(self, text: str) -> None:
        """A message above the list that stays until the user clicks it away (one shown
        already stays above the new one)."""
        shown = self.notice.text() if not self.notice.isHidden() else ""
        if text and shown and text not in shown:
            text = f"{shown}\n\n{text}"
        self.notice.setText(text)
        self.notice.setToolTip(self.tr("Click to hide"))
        self.notice.setVisible(bool(text))

    def showing_trash(self) -> bool:
        return self._showing_trash

    def show_trash(self, on: bool) -> None:
        """Switch between the working list and the trash."""
        self._showing_trash = on
        self.trash_banner.setVisible(on)
        self.filter_bar.status.setEnabled(not on)
        self._apply_filters()
        self._update_count()
        self.trashShown.emit(on)

    # --- selection ----------------------------------------------------------------------

    def initial_query(self) -> ArticleQuery:
        """The query the list runs first: what start-up may fetch ahead of time."""
        return self.filter_bar.apply_to(self.model.query())

    def current_id(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_article(self, article_id: uuid.UUID, *, notify: bool = True) -> bool:
        """Highlight ``article_id`` if it is loaded; False when it is not in the list."""
        row = self.model.row_of(article_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        selection = self.view.selectionModel()
        if not notify:
            selection.blockSignals(True)
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
        finally:
            selection.blockSignals(False)
        self.view.scrollTo(index)
        return True

    def select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.select_article(self.model.summary(0).id)

    def _enter_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.select_first()

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    # --- internals ----------------------------------------------------------------------

    def _apply_filters(self) -> None:
        keep = self.current_id()
        query = self.filter_bar.apply_to(self.model.query())
        if self._showing_trash:
            query = replace(query, statuses=("trashed",), include_trashed=True)
        else:
            query = replace(query, include_trashed=False)
        self.model.set_query(query)
        if keep is not None and not self.select_article(keep, notify=False):
            self.currentArticleChanged.emit(None)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.currentArticleChanged.emit(current.data(ID_ROLE) if current.isValid() else None)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.articleActivated.emit(index.data(ID_ROLE))

    def _update_count(self) -> None:
        total = self.model.total()
        if self.model.counting():
            text = self.tr("%n or more article(s), counting…", "", total)
        elif self._showing_trash:
            text = self.tr("%n article(s) in the trash", "", total)
        else:
            text = self.tr("%n article(s)", "", total)
        self.count_label.setText(text)

    def _fit_columns(self) -> None:
        """In a narrow list drop byline, then section, so headlines stay readable."""
        available = self.view.viewport().width()
        fixed = self._column_widths
        shown = list(COLUMNS[1:])
        for optional in ("byline", "section"):
            if available - sum(fixed[name] for name in shown) >= MIN_HEADLINE_WIDTH:
                break
            shown.remove(optional)
        for name in COLUMNS[1:]:
            self.view.setColumnHidden(COLUMNS.index(name), name not in shown)

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        widths = {
            "section": metrics.horizontalAdvance("Internasional") + 16,
            "status": max(metrics.horizontalAdvance(t) for t in status_labels().values()) + 16,
            "byline": metrics.horizontalAdvance("Sarah Meiliana") + 16,
            "updated": metrics.horizontalAdvance("00-00 00:00") + 28,
        }
        self._column_widths = widths
        for name, width in widths.items():
            self.view.setColumnWidth(COLUMNS.index(name), width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if watched is self.notice and event.type() == QEvent.Type.MouseButtonRelease:
            self.notice.hide()
            return True
        if watched is self.view and event.type() in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            assert isinstance(event, QKeyEvent)
            handled = self._list_key(event, act=event.type() == QEvent.Type.KeyPress)
            if handled:
                event.accept()
                return event.type() == QEvent.Type.KeyPress
        return super().eventFilter(watched, event)

    def _list_key(self, event: QKeyEvent, *, act: bool) -> bool:
        """Keys the list owns; ``act`` is False while Qt only asks whether we want them."""
        if event.matches(QKeySequence.StandardKey.Find):
            if act:
                self.focus_search()
            return True
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in _OPEN_KEYS:
            if act:
                self._activate(self.view.currentIndex())
            return True
        if plain and event.key() == Qt.Key.Key_Delete and self._registry is not None:
            action_id = "article.restore" if self._showing_trash else "article.trash"
            if self._registry.has(action_id) and act:
                self._registry.action(action_id).trigger()
            return self._registry.has(action_id)
        return False

    def retranslate(self) -> None:
        self.trash_banner.setText(
            self.tr(
                "Showing the trash. Delete (or Article → Restore from trash) takes the "
                "selected article out of the trash."
            )
        )
        self.model.retranslate()
        self._update_count()
        self._size_columns()  # status names differ in length between languages
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
