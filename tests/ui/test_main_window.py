"""The main window, driven like a reporter would: keys, clicks, typing; checked on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from editor.articles import get_article
from editor.listing import list_articles
from editor.records import ArticleQuery
from editor.sections import list_sections
from ui.article_list.model import COLUMNS, ID_ROLE
from ui.main_window import MainWindow


@pytest.fixture
def window(laptop_window: MainWindow) -> MainWindow:
    return laptop_window


def shown(main: MainWindow, column: str) -> list[str]:
    model = main.list_pane.model
    return [model.index(row, COLUMNS.index(column)).data() for row in range(model.rowCount())]


def test_window_opens_first_article_in_editor_and_preview(qtbot, window, demo_db):
    first = window.list_pane.model.summary(0)
    assert window.list_pane.current_id() == first.id
    assert window.editor.current_record().id == first.id
    assert window.editor.form.headline.text() == first.headline
    qtbot.waitUntil(lambda: first.headline in window.preview.html(), timeout=3000)
    assert window.list_pane.count_label.text() == f"{window.list_pane.model.total()} articles"


def test_ctrl_n_creates_an_article_that_appears_in_the_list(qtbot, window, demo_db):
    before = window.list_pane.model.total()
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.list_pane.model.total() == before + 1
    new_id = window.list_pane.current_id()
    assert window.editor.current_record().id == new_id
    assert window.list_pane.model.index(0, 0).data() == "(no headline)"
    # Give it a headline; switching away saves it and the list shows it.
    window.editor.form.headline.setFocus()
    qtbot.keyClicks(window.editor.form.headline, "Gempa Guncang Cianjur")
    assert window.status.save_label.text() == "Not saved yet"
    assert window.flush()
    assert get_article(demo_db, new_id).headline == "Gempa Guncang Cianjur"
    assert shown(window, "headline")[0] == "Gempa Guncang Cianjur"
    assert window.status.save_label.text().startswith("Saved ")


def test_switching_article_saves_the_one_being_typed(qtbot, window, demo_db):
    first = window.list_pane.current_id()
    window.editor.body.setFocus()
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(window.editor.body, " Kalimat tambahan.")
    assert window.editor.is_dirty()
    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Down)
    assert window.list_pane.current_id() != first
    assert get_article(demo_db, first).body.endswith(" Kalimat tambahan.")


def test_typing_in_search_filters_the_list(qtbot, window, demo_db):
    headline = window.list_pane.model.summary(3).headline
    word = max(headline.split(), key=len)
    expected = list_articles(demo_db, ArticleQuery(text=word)).total
    assert 0 < expected < window.list_pane.model.total()
    qtbot.keyClicks(window.list_pane.filter_bar.search, word)
    qtbot.waitUntil(lambda: window.list_pane.model.total() == expected, timeout=2000)
    assert headline in shown(window, "headline")
    window.list_pane.filter_bar.search.clear()
    qtbot.waitUntil(lambda: window.list_pane.model.total() > expected, timeout=2000)


def test_filter_by_status_and_section(qtbot, window, demo_db):
    bar = window.list_pane.filter_bar
    bar.status.setCurrentIndex(bar.status.findData("published"))
    statuses = set(shown(window, "status"))
    assert statuses == {"Published"}
    published = window.list_pane.model.total()
    sections = {s.name: s for s in list_sections(demo_db)}
    name = window.list_pane.model.summary(0).section_name
    bar.select_section(sections[name].id)
    assert bar.section.currentText().strip() == name
    query = ArticleQuery(statuses=("published",), section_id=sections[name].id)
    assert window.list_pane.model.total() == list_articles(demo_db, query).total
    assert 0 < window.list_pane.model.total() < published
    bar.clear()
    assert window.list_pane.model.total() == list_articles(demo_db).total


def test_clicking_a_header_sorts_in_sql(qtbot, window):
    header = window.list_pane.view.horizontalHeader()
    x = header.sectionViewportPosition(0) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    query = window.list_pane.model.query()
    assert query.sort == "headline"
    titles = [t.casefold() for t in shown(window, "headline")]
    assert titles in (sorted(titles), sorted(titles, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert window.list_pane.model.query().descending != query.descending
    again = [t.casefold() for t in shown(window, "headline")]
    assert again == list(reversed(titles))


def test_delete_trashes_and_delete_in_trash_restores(qtbot, window, demo_db):
    view = window.list_pane.view
    victim = window.list_pane.current_id()
    before = window.list_pane.model.total()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.list_pane.model.total() == before - 1
    assert window.list_pane.model.row_of(victim) is None
    assert get_article(demo_db, victim).status == "trashed"

    window.registry.action("view.trash").trigger()
    assert window.list_pane.showing_trash()
    assert window.list_pane.trash_banner.isVisible()
    assert window.list_pane.model.row_of(victim) is not None
    window.list_pane.select_article(victim)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert get_article(demo_db, victim).status != "trashed"
    window.registry.action("view.trash").trigger()
    assert window.list_pane.model.total() == before


def test_keyboard_enter_goes_to_editor_and_ctrl_f_to_search(qtbot, window):
    view = window.list_pane.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.list_pane.filter_bar.search
    qtbot.keyClick(window.list_pane.filter_bar.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.editor.body


def test_duplicate_makes_a_copy_and_opens_it(qtbot, window, demo_db):
    original = window.editor.current_record()
    before = window.list_pane.model.total()
    window.registry.action("article.duplicate").trigger()
    assert window.list_pane.model.total() == before + 1
    copy_id = window.list_pane.current_id()
    assert copy_id != original.id
    assert window.editor.current_record().id == copy_id
    assert (
        window.list_pane.model.index(window.list_pane.model.row_of(copy_id), 0).data(ID_ROLE)
        == copy_id
    )


def test_status_bar_counts_words_as_you_type(qtbot, window):
    window.editor.body.setFocus()
    window.editor.body.selectAll()
    qtbot.keyClicks(window.editor.body, "satu dua tiga empat")
    qtbot.waitUntil(lambda: window.status.stats_label.text() == "4 words, 19 characters")
    assert window.status.reading_label.text() == "1 min read"


def test_about_names_the_version(qtbot, window, qt_messages):
    from editor import __version__

    window.registry.action("help.about").trigger()
    assert qt_messages[0][0] == "about"
    assert __version__ in qt_messages[0][1]


def test_splitter_sizes_and_geometry_are_remembered(qtbot, window, demo_db, tmp_path):
    # The offscreen screen is 800x800 and the window's minimum width is wider, so Qt
    # fits the restored width to the screen; the height shows the geometry came back.
    window.resize(1000, 560)
    qtbot.waitUntil(lambda: window.height() == 560)
    window.splitter.setSizes([400, 350, 230])
    remembered = window.splitter.sizes()
    window.save_layout()
    again = MainWindow(window.context)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.height() == 560
    again.attach_database(demo_db)  # as the app does after the first paint
    again.resize(window.size())
    qtbot.waitUntil(lambda: again.splitter.sizes() == remembered)
    again.autosave.shutdown()


def test_a_save_that_meets_a_newer_version_asks_and_overwrites_nothing(
    qtbot, window, demo_db, monkeypatch
):
    from dataclasses import replace

    from editor.articles import save_article
    from ui.autosave import ConflictChoice
    from ui.conflict_dialog import ConflictDialog

    article_id = window.list_pane.current_id()
    # Another workstation saves first.
    theirs = save_article(demo_db, replace(get_article(demo_db, article_id), headline="Versi lain"))
    asked: list[tuple[str, str]] = []

    def choose_theirs(dialog: ConflictDialog) -> int:
        asked.append((dialog.mine.headline, dialog.theirs.headline))
        dialog._choose(ConflictChoice.TAKE_THEIRS)
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", choose_theirs)
    window.editor.form.headline.setText("Versi saya")
    assert not window.flush()
    assert asked == [("Versi saya", "Versi lain")]
    assert get_article(demo_db, article_id).headline == theirs.headline
    assert window.editor.form.headline.text() == "Versi lain"


def test_workflow_panel_is_a_tab_beside_the_preview_where_the_room_is_short(qtbot, window):
    window.fit_splitter(1366)
    qtbot.wait(50)
    assert not window.side.is_side_by_side()
    assert window.side.tabs.count() == 2, "Preview and Workflow, one tab each"
    window.resize(1920, 1080)
    window.fit_splitter(1920)
    qtbot.waitUntil(window.side.is_side_by_side)
