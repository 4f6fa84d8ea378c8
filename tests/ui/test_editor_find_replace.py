"""Find and replace under the body editor: Ctrl+F, Ctrl+H, next, case, whole word, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from ui.find_replace import FindReplaceBar

TEXT = "Banjir di Jakarta. banjir rob di Jakarta Utara. Banjiran bukan banjir."


@pytest.fixture
def bar(qtbot) -> FindReplaceBar:
    editor = QPlainTextEdit()
    editor.setPlainText(TEXT)
    find_bar = FindReplaceBar(editor)
    qtbot.addWidget(editor)
    qtbot.addWidget(find_bar)
    return find_bar


def test_find_next_walks_the_matches_and_wraps_around(bar: FindReplaceBar) -> None:
    bar.open_find()
    bar.find_field.setText("jakarta")
    editor = bar._editor
    first = editor.textCursor().selectionStart()
    assert editor.textCursor().selectedText() == "Jakarta"
    bar.find_next()
    second = editor.textCursor().selectionStart()
    assert second > first
    bar.find_next()
    assert editor.textCursor().selectionStart() == first  # wrapped around
    bar.find_previous()
    assert editor.textCursor().selectionStart() == second


def test_case_and_whole_word_narrow_the_matches(bar: FindReplaceBar) -> None:
    bar.open_replace()
    bar.find_field.setText("banjir")
    bar.replace_field.setText("BANJIR")
    bar.case_box.setChecked(True)
    bar.word_box.setChecked(True)
    assert bar.replace_all() == 2
    assert bar._editor.toPlainText() == TEXT.replace(" banjir", " BANJIR")


def test_replace_all_is_one_undo_step(bar: FindReplaceBar) -> None:
    bar.open_replace()
    bar.find_field.setText("jakarta")
    bar.replace_field.setText("Bekasi")
    assert bar.replace_all() == 2
    editor = bar._editor
    assert editor.toPlainText().count("Bekasi") == 2 and "Jakarta" not in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == TEXT


def test_replace_one_then_move_to_the_next(bar: FindReplaceBar) -> None:
    bar.open_replace()
    bar.find_field.setText("Jakarta")
    bar.replace_field.setText("Depok")
    bar.replace()
    assert bar._editor.toPlainText() == TEXT.replace("Jakarta", "Depok", 1)
    assert bar._editor.textCursor().selectedText() == "Jakarta"


def test_not_found_says_so(bar: FindReplaceBar) -> None:
    bar.open_find()
    bar.find_field.setText("Surabaya")
    assert not bar.find_next()
    assert bar.status.text() == bar.tr("Not found")


def test_shortcuts_open_the_bar_in_the_editor_pane(qtbot, sqlite_db) -> None:
    from editor.articles import create_article
    from editor.records import ArticleDraft
    from ui.actions import ActionRegistry
    from ui.editor_pane import EditorPane

    pane = EditorPane(ActionRegistry())
    qtbot.addWidget(pane)
    pane.load(create_article(sqlite_db, ArticleDraft(headline="H", body=TEXT)), [], [])
    pane.show()
    pane.activateWindow()  # shortcuts only reach the active window
    qtbot.waitUntil(pane.isActiveWindow)
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible() and pane.find_bar._replace_row.isVisible()
    qtbot.keyClick(pane.find_bar.find_field, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible() and not pane.find_bar._replace_row.isVisible()
