"""The article list model: a well-behaved Qt model over SQL paging and sorting."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from editor.articles import create_article, get_article, save_article
from editor.listing import list_articles
from editor.records import ArticleDraft, ArticleQuery
from ui.article_list.model import COLUMNS, ID_ROLE, ArticleListModel, short_time


def _fill(db, count: int) -> None:
    for number in range(count):
        create_article(db, ArticleDraft(headline=f"Berita nomor {number:03d}", body="Isi."))


def test_model_passes_qt_model_tester(qtmodeltester, db):
    """On SQLite and on PostgreSQL (the ``db`` fixture runs both)."""
    _fill(db, 12)
    model = ArticleListModel(db, page_size=5)
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_rows_are_loaded_a_page_at_a_time(qtbot, sqlite_db):
    _fill(sqlite_db, 12)
    model = ArticleListModel(sqlite_db, page_size=5)
    assert model.total() == 12
    assert model.rowCount() == 5
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 12)
    assert not model.canFetchMore()
    ids = [model.index(row, 0).data(ID_ROLE) for row in range(12)]
    assert len(set(ids)) == 12, "paging must never show an article twice"


def test_header_sort_goes_to_sql(qtbot, db):
    _fill(db, 7)
    model = ArticleListModel(db, page_size=3)
    model.sort(COLUMNS.index("headline"), Qt.SortOrder.DescendingOrder)
    assert model.query().sort == "headline"
    assert model.query().descending
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown == ["Berita nomor 006", "Berita nomor 005", "Berita nomor 004"]
    model.sort(COLUMNS.index("headline"), Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Berita nomor 000"


def test_status_is_translated_text_and_time_is_in_newsroom_zone(qtbot, sqlite_db):
    record = create_article(sqlite_db, ArticleDraft(headline="Gempa", status="in_review"))
    model = ArticleListModel(sqlite_db, zone="Asia/Jayapura")
    assert model.index(0, COLUMNS.index("status")).data() == "In review"
    local = record.updated_at.astimezone(ZoneInfo("Asia/Jayapura"))
    # Made just now: today's time only, in Jayapura's clock (UTC+9).
    assert model.index(0, COLUMNS.index("updated")).data() == local.strftime("%H:%M")
    tip = model.index(0, COLUMNS.index("updated")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == local.strftime("%d-%m-%Y %H:%M")


def test_short_time_gets_shorter_for_recent_times():
    now = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)  # 14:00 in Jakarta
    zone = "Asia/Jakarta"
    assert short_time(datetime(2026, 11, 26, 3, 5, tzinfo=UTC), zone, now=now) == "10:05"
    assert short_time(datetime(2026, 2, 1, 3, 5, tzinfo=UTC), zone, now=now) == "01-02 10:05"
    assert short_time(datetime(2025, 2, 1, 3, 5, tzinfo=UTC), zone, now=now) == "01-02-2025"
    # 23:30 UTC on the 25th is already the 26th in Jakarta: "today".
    assert short_time(datetime(2026, 11, 25, 23, 30, tzinfo=UTC), zone, now=now) == "06:30"


def test_update_from_record_changes_one_row_in_place(qtbot, sqlite_db):
    _fill(sqlite_db, 3)
    model = ArticleListModel(sqlite_db)
    first_id = model.index(0, 0).data(ID_ROLE)
    saved = save_article(sqlite_db, replace(get_article(sqlite_db, first_id), headline="Baru"))
    with qtbot.waitSignal(model.dataChanged):
        model.update_from_record(saved)
    assert model.index(0, 0).data() == "Baru"
    assert model.rowCount() == 3


def test_filter_query_limits_rows(qtbot, sqlite_db):
    create_article(sqlite_db, ArticleDraft(headline="Draf satu"))
    create_article(sqlite_db, ArticleDraft(headline="Terbit", status="published"))
    model = ArticleListModel(sqlite_db)
    model.set_query(ArticleQuery(statuses=("published",)))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Terbit"]
    assert model.total() == list_articles(sqlite_db, ArticleQuery(statuses=("published",))).total
