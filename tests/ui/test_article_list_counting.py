"""A search in the article list shows its first page at once and counts its matches on
a worker thread; a count for a search typed over since never reaches the list."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from editor.articles import create_article
from editor.import_bulk import NewArticle, insert_new_articles
from editor.listing import list_articles
from editor.records import ArticleDraft, ArticleQuery
from editor.sections import list_sections
from ui.article_list import PAGE_SIZE
from ui.article_list.model import ID_ROLE, ArticleListModel
from ui.article_list.pane import ArticleListPane


def _fill(db, words: list[str]) -> None:
    for number, word in enumerate(words):
        create_article(db, ArticleDraft(headline=f"Berita {number}", body=f"Isi {word}."))


def test_a_search_shows_its_first_page_and_counts_behind_it(qtbot, db):
    _fill(db, ["banjir", "gempa"] * 6 + ["banjir"])
    model = ArticleListModel(db, page_size=3)
    model.set_query(ArticleQuery(text="banjir"))
    # No event has been handled yet, so the count cannot have arrived.
    assert model.rowCount() == 3
    assert model.counting()
    assert model.total() == 3
    assert model.canFetchMore()
    qtbot.waitUntil(lambda: not model.counting())
    assert model.total() == 7 == list_articles(db, ArticleQuery(text="banjir")).total
    while model.canFetchMore():
        model.load_next_page()
    ids = [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 7


def test_paging_to_the_end_settles_the_count_without_waiting(qtbot, sqlite_db):
    _fill(sqlite_db, ["banjir"] * 5)
    model = ArticleListModel(sqlite_db, page_size=3)
    model.set_query(ArticleQuery(text="banj"))
    assert model.counting()
    model.load_next_page()  # the second page is short: every match has been seen
    assert not model.counting()
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (5, 5, False)


def test_the_count_of_an_older_search_is_dropped(qtbot, db):
    _fill(db, ["banjir"] * 6 + ["gempa"] * 4)
    model = ArticleListModel(db, page_size=3)
    totals: list[int] = []
    model.totalChanged.connect(totals.append)
    for typed in ("b", "ba", "banjir", "gem", "gempa"):
        model.set_query(ArticleQuery(text=typed))
    assert model.wait_for_count(10_000)
    qtbot.waitUntil(lambda: not model.counting())
    qtbot.wait(50)  # any late answer for an older search would arrive now
    assert model.total() == 4
    assert totals[-1] == 4
    assert 6 not in totals  # "banjir"'s six matches were never shown as the total


def _bulk(db, count: int, word: str) -> None:
    sections = list(list_sections(db))
    with db.transaction() as session:
        insert_new_articles(
            session,
            [
                NewArticle(
                    article_id=uuid.uuid4(),
                    draft=ArticleDraft(headline=f"Kabar {number}", body=f"Tentang {word}."),
                    bylines=(),
                    revision_note="",
                    audit_note="",
                    source_digest="",
                )
                for number in range(count)
            ],
            author_id=None,
            sections=sections,
        )


def test_typing_a_common_word_fills_the_list_and_then_the_count(qtbot, sqlite_db):
    _bulk(sqlite_db, PAGE_SIZE + 5, "banjir")
    _bulk(sqlite_db, 3, "gempa")
    pane = ArticleListPane()
    qtbot.addWidget(pane)
    pane.set_database(sqlite_db)
    pane.show()
    pane.focus_search()
    qtbot.keyClicks(pane.filter_bar.search, "banjir")
    qtbot.keyClick(pane.filter_bar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.model.rowCount() == PAGE_SIZE)
    # (No translator here: English plurals read "article(s)".)
    qtbot.waitUntil(
        lambda: pane.count_label.text() == f"{PAGE_SIZE + 5} article(s)", timeout=10_000
    )
    assert pane.model.wait_for_count(10_000)
