"""Every pane by keyboard: Tab leaves the article list (it does not walk its cells, opening
article after article), Tab in the body moves on instead of typing a tab character the
page would publish, and F10 then Tab reach the Workflow panel's moves and comments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.workflow_newsroom import make_newsroom, open_window


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_tab_leaves_the_article_list_without_opening_articles(qtbot, laptop_window):
    main = laptop_window
    view = main.list_pane.view
    opened = main.editor.record_id()
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert main.editor.record_id() == opened


def test_tab_in_the_body_moves_on_and_types_no_tab_character(qtbot, laptop_window):
    body = laptop_window.editor.body
    before = body.toPlainText()
    focus(qtbot, body)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    assert "\t" not in body.toPlainText() and body.toPlainText() == before
    assert QApplication.focusWidget() is not body


def test_f10_and_tab_reach_the_workflow_moves_and_comments(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    article = room.article("submitted")
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    focus(qtbot, main.list_pane.view)
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_F10)
    panel = main.workflow.panel
    qtbot.waitUntil(lambda: panel.isAncestorOf(QApplication.focusWidget()))
    reached = []
    for _ in range(20):
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    moves = [b for b in main.workflow.bar.buttons.values() if b.isEnabled() and b.isVisible()]
    assert moves and any(button in reached for button in moves)
    assert main.workflow.review.list in reached
