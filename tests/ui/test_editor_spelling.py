"""Spelling in the editor, used as a reporter would: typing, right-clicking, the fields."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from editor.articles import create_article
from editor.database import Database
from editor.records import ArticleDraft, ArticleRecord
from editor.spelling.ignored import load_ignored
from editor.spelling.personal import load_personal_words
from tests.ui.spelling_helpers import right_click, trigger, type_at_end, underlined, wait_checked
from ui.actions import ActionRegistry
from ui.editor_pane import EditorPane
from ui.spelling.service import ENABLED_KEY, SpellingService


@pytest.fixture
def article(sqlite_db: Database) -> ArticleRecord:
    return create_article(
        sqlite_db,
        ArticleDraft(headline="Banjir Rob di Pluit", body="Warga mengungsi.\n\n"),
    )


@pytest.fixture
def service(qtbot) -> SpellingService:
    return SpellingService()


@pytest.fixture
def pane(qtbot, article: ArticleRecord, service: SpellingService) -> EditorPane:
    widget = EditorPane(ActionRegistry())
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.set_spelling(service)
    widget.load(article, [], [])
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    wait_checked(qtbot, widget)
    return widget


def test_typed_slips_are_underlined_in_two_colours(qtbot, pane: EditorPane) -> None:
    type_at_end(qtbot, pane, "Kemaren pemerintha membagikan sembako di Jakarta.")
    marks = underlined(pane)
    assert set(marks) == {"Kemaren", "pemerintha"}
    assert marks["pemerintha"] != marks["Kemaren"]  # spelling red, house style blue


def test_code_links_and_addresses_are_not_underlined(qtbot, pane: EditorPane) -> None:
    type_at_end(
        qtbot, pane, "Baca [laporan](https://contoh.id/kemaren), `pemerintha`, www.kemaren.id."
    )
    for line in ("```", "kemaren pemerintha", "```"):
        qtbot.keyClick(pane.body, Qt.Key.Key_Return)
        qtbot.keyClicks(pane.body, line)
    wait_checked(qtbot, pane)
    assert underlined(pane) == {}


def test_right_click_offers_suggestions_and_replaces(qtbot, pane: EditorPane) -> None:
    type_at_end(qtbot, pane, "Pemerintha menaikkan anggaran.")
    seen: list[str] = []

    def choose(menu: QMenu) -> None:
        seen.extend(a.text() for a in menu.actions())
        trigger(menu, "spellingFix", "Pemerintah")

    right_click(qtbot, pane, "Pemerintha", choose)
    assert "Pemerintah" in seen and any("dictionary" in text for text in seen)
    assert "Pemerintah menaikkan anggaran." in pane.body.toPlainText()
    wait_checked(qtbot, pane)
    assert underlined(pane) == {}
    assert pane.is_dirty()
    pane.body.undo()  # the fix is one undoable edit
    assert "Pemerintha menaikkan" in pane.body.toPlainText()


def test_style_hint_menu_shows_the_reason_and_fixes(qtbot, pane: EditorPane) -> None:
    type_at_end(qtbot, pane, "Warga antri sejak pagi.")
    reasons: list[str] = []

    def choose(menu: QMenu) -> None:
        reasons.extend(a.text() for a in menu.actions() if a.objectName() == "spellingReason")
        trigger(menu, "spellingFix", "antre")

    right_click(qtbot, pane, "antri", choose)
    assert reasons and "antre" in reasons[0]
    assert "Warga antre sejak pagi." in pane.body.toPlainText()


def test_add_to_my_dictionary_is_kept_for_next_time(qtbot, pane: EditorPane) -> None:
    type_at_end(qtbot, pane, "Tim Basarnas menyisir Kalijodo.")
    assert "Kalijodo" in underlined(pane)
    right_click(qtbot, pane, "Kalijodo", lambda menu: trigger(menu, "spellingAddPersonal"))
    wait_checked(qtbot, pane)
    assert "Kalijodo" not in underlined(pane)
    assert "Kalijodo" in load_personal_words()
    # Only editors see the newsroom entry.
    seen: list[str] = []
    right_click(qtbot, pane, "Basarnas", lambda m: seen.extend(a.objectName() for a in m.actions()))
    assert "spellingAddPersonal" in seen and "spellingAddNewsroom" not in seen


def test_ignore_holds_for_this_article_only(
    qtbot, pane: EditorPane, sqlite_db: Database, article: ArticleRecord
) -> None:
    type_at_end(qtbot, pane, "Warga Kalijodo mengungsi.")
    right_click(qtbot, pane, "Kalijodo", lambda menu: trigger(menu, "spellingIgnore"))
    wait_checked(qtbot, pane)
    assert underlined(pane) == {}
    other = create_article(sqlite_db, ArticleDraft(headline="Lain", body="Warga Kalijodo."))
    pane.load(other, [], [])
    wait_checked(qtbot, pane)
    assert "Kalijodo" in underlined(pane)


def test_ignored_words_are_kept_for_next_time(
    qtbot, pane: EditorPane, article: ArticleRecord
) -> None:
    type_at_end(qtbot, pane, "Warga Kalijodo antri sejak pagi.")
    right_click(qtbot, pane, "antri", lambda menu: trigger(menu, "spellingIgnore"))
    wait_checked(qtbot, pane)
    assert set(underlined(pane)) == {"Kalijodo"}
    assert load_ignored(article.id) == ["antri"]
    # The app started again: a new window with its own spelling service.
    again = EditorPane(ActionRegistry())
    qtbot.addWidget(again)
    again.set_spelling(SpellingService())
    again.load(pane.current_record(), [], [])
    wait_checked(qtbot, again)
    assert set(underlined(again)) == {"Kalijodo"}


def test_english_article_is_checked_in_english(qtbot, pane: EditorPane, article) -> None:
    pane.load(replace(article, language="en", body="The goverment said kemaren."), [], [])
    wait_checked(qtbot, pane)
    assert set(underlined(pane)) == {"goverment", "kemaren"}


def test_headline_marker_lists_and_fixes(qtbot, pane: EditorPane) -> None:
    headline = pane.form.headline
    headline.selectAll()
    qtbot.keyClicks(headline, "Warga Antri Sembako Sejak Kemaren")
    field = pane.spelling.fields[0]
    qtbot.waitUntil(lambda: "Kemaren" in field.marker.toolTip())
    assert field.marker.isVisible() and "Antri" in field.marker.toolTip()
    menu = field.menu()
    trigger(menu, "spellingFix", "Kemarin")
    assert headline.text() == "Warga Antri Sembako Sejak Kemarin"
    assert pane.is_dirty()


def test_spelling_can_be_turned_off(qtbot, pane: EditorPane, service: SpellingService) -> None:
    from PySide6.QtCore import QSettings

    type_at_end(qtbot, pane, "Kemaren pemerintha.")
    assert underlined(pane)
    QSettings().setValue(ENABLED_KEY, False)
    service.reload_preferences()
    qtbot.waitUntil(lambda: not pane.body.spell_check_running())
    assert pane.body.checker() is None
    assert underlined(pane) == {}


def test_underlines_never_mark_the_article_changed(qtbot, article, service) -> None:
    widget = EditorPane(ActionRegistry())
    qtbot.addWidget(widget)
    widget.set_spelling(service)
    changes: list[int] = []
    widget.contentChanged.connect(lambda: changes.append(1))
    widget.load(replace(article, body="Kemaren pemerintha.\n\n" * 400), [], [])
    wait_checked(qtbot, widget)
    assert underlined(widget) and not widget.is_dirty() and changes == []
