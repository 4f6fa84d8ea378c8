"""A table model over ``editor.listing.list_articles``, paged and sorted in SQL.

Only the rows the view has scrolled to are loaded (``canFetchMore``/``fetchMore``, pages
of ``PAGE_SIZE``), so a 100,000-article newsroom opens as quickly as a small one. Clicking
a header changes ``ArticleQuery.sort`` and reloads; the database does the sorting.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from editor.i18n import current_language
from editor.records import ArticlePage, ArticleQuery, ArticleSummary
from ui.article_list import PAGE_SIZE
from ui.article_list.counting import MatchCounter
from ui.article_list.labels import status_labels
from ui.i18n import format_moment

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleRecord

#: Column order on screen, and the ArticleQuery.sort key each column sorts by.
COLUMNS = ("headline", "section", "status", "byline", "updated")
SORT_KEYS = {
    "headline": "headline",
    "section": "section",
    "status": "status",
    "byline": "byline",
    "updated": "updated_at",
}
ID_ROLE = Qt.ItemDataRole.UserRole
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class _Page(NamedTuple):
    items: tuple[ArticleSummary, ...]
    #: None: not counted.
    total: int | None


def short_time(when: datetime, zone: str, *, now: datetime | None = None) -> str:
    """Compact time in the newsroom's zone: ``14:05`` today, ``26-11 14:05`` this year,
    ``26-11-2025`` before that (Indonesian interface: ``14.05``)."""
    tz = ZoneInfo(zone)
    local = when.astimezone(tz)
    today = (now or datetime.now(tz)).astimezone(tz)
    separator = "." if QLocale().language() == QLocale.Language.Indonesian else ":"
    clock = f"{local.hour:02d}{separator}{local.minute:02d}"
    if local.date() == today.date():
        return clock
    if local.year == today.year:
        return f"{local:%d-%m} {clock}"
    return f"{local:%d-%m-%Y}"


class ArticleListModel(QAbstractTableModel):
    """Rows are ArticleSummary values; the model never holds ORM objects."""

    #: Emitted after every (re)load with the number of matching articles.
    totalChanged = Signal(int)
    #: A query failed; the message says what happened and what to do.
    loadFailed = Signal(str)

    def __init__(
        self,
        db: Database | None = None,
        *,
        zone: str = "Asia/Jakarta",
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._zone = zone
        self._page_size = page_size
        self._query = ArticleQuery(limit=page_size)
        self._rows: list[ArticleSummary] = []
        self._total = 0
        #: False while a search's matches are still being counted: ``_total`` is then
        #: only how many are known so far.
        self._total_known = True
        self._counter = MatchCounter(self)
        self._counter.counted.connect(self._counted)
        self._statuses = status_labels()
        self._fetch_pending = False
        if db is not None:
            self._load_first_page()

    # --- what the pane calls ---------------------------------------------------------

    def set_database(self, db: Database | None, *, first_page: ArticlePage | None = None) -> None:
        """Show ``db``'s articles. ``first_page``: already fetched for :meth:`query`
        (start-up fetches it while the window is being built)."""
        self._db = db
        if first_page is None or first_page.offset != 0:
            self.reload()
            return
        self.beginResetModel()
        self._counter.forget()
        self._rows, self._total = list(first_page.items), first_page.total
        self._total_known = True
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def set_zone(self, zone: str) -> None:
        self._zone = zone
        self._emit_column_changed(COLUMNS.index("updated"))

    def query(self) -> ArticleQuery:
        return self._query

    def set_query(self, query: ArticleQuery) -> None:
        """Show the articles ``query`` matches (its offset and limit are managed here)."""
        self._query = replace(query, offset=0, limit=self._page_size)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self._load_first_page(notify=False)
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def total(self) -> int:
        """How many articles match the query (loaded or not); while a search is still
        being counted, how many are known so far (see :meth:`counting`)."""
        return self._total

    def counting(self) -> bool:
        """True while the matches of a search are counted behind the first page."""
        return not self._total_known

    def wait_for_count(self, msecs: int = -1) -> bool:
        return self._counter.wait(msecs)

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: uuid.UUID) -> int | None:
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                return row
        return None

    def update_from_record(self, record: ArticleRecord) -> None:
        """Refresh one loaded row in place after a save (no reload, no lost scroll)."""
        row = self.row_of(record.id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = replace(
            old,
            version=record.version,
            headline=record.headline,
            section_name=record.section_name,
            status=record.status,
            byline=", ".join(person.name for person in record.bylines),
            updated_at=record.updated_at,
            published_at=record.published_at,
            word_count=record.word_count,
            language=record.language,
        )
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def catch_up(self) -> bool:
        """After a commit elsewhere: loaded rows that changed are updated in place. True
        when articles came or went, and the list must be read again."""
        if self._db is None:
            return False
        page = self._fetch(0, count=self._total_known and not self._query.text)
        if page is None:
            return False
        loaded = {item.id: row for row, item in enumerate(self._rows)}
        moved = page.total is not None and page.total != self._total
        if moved or any(item.id not in loaded for item in page.items):
            return True
        for item in page.items:
            row = loaded[item.id]
            if self._rows[row] != item:
                self._rows[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return False

    def retranslate(self) -> None:
        self._statuses = status_labels()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._emit_column_changed(COLUMNS.index("status"))

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "headline":
            return item.headline
        if role == Qt.ItemDataRole.ToolTipRole and column == "updated":
            local = item.updated_at.astimezone(ZoneInfo(self._zone))
            return format_moment(local, current_language())
        if role == ID_ROLE:
            return item.id
        if role == SUMMARY_ROLE:
            return item
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        if 0 <= section < len(COLUMNS):
            return self._headers()[COLUMNS[section]]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        if not self._total_known:  # a full last page: there may be more
            return len(self._rows) % self._page_size == 0
        return len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """Load the next page on the next turn of the event loop.

        Deferred, not immediate, because views (and QAbstractItemModelTester) call this
        from inside their own reset handlers, where inserting rows is not allowed.
        """
        if parent.isValid() or self._db is None or self._fetch_pending:
            return
        self._fetch_pending = True
        QTimer.singleShot(0, self, self.load_next_page)

    def load_next_page(self) -> None:
        """Append the next page of matching articles now (if there is one)."""
        self._fetch_pending = False
        if self._db is None or not self.canFetchMore():
            return
        page = self._fetch(len(self._rows), count=False)
        if page is None:
            return
        if len(page.items) < self._page_size and not self._total_known:
            self._know_total(len(self._rows) + len(page.items))  # the last page: all seen
        if not page.items:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.items) - 1)
        self._rows.extend(page.items)
        if not self._total_known:
            self._total = len(self._rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._query = replace(
            self._query,
            sort=SORT_KEYS[COLUMNS[column]],
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.reload()

    # --- internals ----------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        translate = QCoreApplication.translate
        return {
            "headline": translate("ArticleListModel", "Headline"),
            "section": translate("ArticleListModel", "Section"),
            "status": translate("ArticleListModel", "Status"),
            "byline": translate("ArticleListModel", "Byline"),
            "updated": translate("ArticleListModel", "Updated"),
        }

    def _display(self, item: ArticleSummary, column: str) -> str:
        if column == "headline":
            return item.headline or QCoreApplication.translate("ArticleListModel", "(no headline)")
        if column == "section":
            return item.section_name
        if column == "status":
            return self._statuses.get(item.status, item.status)
        if column == "byline":
            return item.byline
        return short_time(item.updated_at, self._zone)

    def _fetch(self, offset: int, *, count: bool) -> _Page | None:
        """A page, and (``count``) the number of all matches, or None after a failure."""
        from editor.errors import RedaksiError
        from editor.listing import list_articles, list_page

        assert self._db is not None
        query = replace(self._query, offset=offset)
        try:
            if count:
                page = list_articles(self._db, query)
                return _Page(page.items, page.total)
            return _Page(list_page(self._db, query), None)
        except RedaksiError as error:
            self.loadFailed.emit(str(error))
            return None

    def _load_first_page(self, *, notify: bool = True) -> None:
        self._counter.forget()
        self._total_known = True
        if self._db is None:
            return
        # A search is counted behind its first page; other filters count quickly.
        page = self._fetch(0, count=not self._query.text)
        if page is None:
            return
        self._rows = list(page.items)
        if page.total is not None:
            self._total = page.total
        elif len(page.items) < self._page_size:
            self._total = len(page.items)  # the first page holds every match
        else:
            self._total, self._total_known = len(page.items), False
            self._counter.count(self._db, self._query)
        if notify:
            self.totalChanged.emit(self._total)

    def _counted(self, number: int, total: int | None) -> None:
        if self._counter.is_latest(number) and total is not None and not self._total_known:
            self._know_total(max(total, len(self._rows)))

    def _know_total(self, total: int) -> None:
        self._counter.forget()
        self._total, self._total_known = total, True
        self.totalChanged.emit(total)

    def _emit_column_changed(self, column: int) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
