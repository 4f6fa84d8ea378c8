"""Taking things back and telling copies apart, driven from the menus: a revision restore
undone with Ctrl+Z, identical revisions that say so, a duplicate named as one, and a move
to the trash undone from the message that reports it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.articles import get_article
from editor.revisions import create_revision
from tests.ui.driving import menu_action, when_modal
from ui.revisions_dialog import RevisionsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def type_at_end(qtbot, main, text: str) -> None:
    body = main.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def test_ctrl_z_takes_back_a_revision_restore(qtbot, laptop_window):
    main = laptop_window
    article_id = main.editor.record_id()
    type_at_end(qtbot, main, " Versi pertama.")
    qtbot.keyClick(main.editor.body, Qt.Key.Key_S, CTRL)  # a revision with it
    type_at_end(qtbot, main, " Versi kedua.")
    assert main.flush()
    typed = main.editor.body.toPlainText()

    def restore_the_first(dialog: RevisionsDialog) -> None:
        older = next(
            row
            for row, revision in enumerate(dialog.revisions)
            if revision.body.endswith("Versi pertama.")
        )
        dialog.select_rows(older)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    when_modal(RevisionsDialog, restore_the_first)
    menu_action(main, "article.revisions").trigger()
    assert main.editor.body.toPlainText().endswith("Versi pertama.")

    body = main.editor.body
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText() == typed
    assert main.flush()
    assert get_article(main.db, article_id).body == typed


def test_identical_revisions_say_there_is_no_difference(qtbot, laptop_window):
    main = laptop_window
    article_id = main.editor.record_id()
    create_revision(main.db, article_id, note="sebelum rapat")
    create_revision(main.db, article_id, note="sesudah rapat")
    shown: list[str] = []

    def compare_the_two(dialog: RevisionsDialog) -> None:
        view = dialog.view
        first, second = (view.visualRect(dialog.model.index(row, 0)).center() for row in (0, 1))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, pos=second)
        shown.append(dialog.diff.toPlainText())
        dialog.reject()

    when_modal(RevisionsDialog, compare_the_two)
    menu_action(main, "article.revisions").trigger()
    assert shown and shown[0].startswith("No differences")


def test_a_duplicate_is_named_as_a_copy(qtbot, laptop_window):
    main = laptop_window
    original = main.editor.form.headline.text()
    menu_action(main, "article.duplicate").trigger()
    assert main.editor.form.headline.text() == f"{original} (salinan)"


def test_a_move_to_the_trash_is_undone_from_its_message(qtbot, laptop_window):
    main = laptop_window
    article_id = main.editor.record_id()
    headline = main.editor.form.headline.text()
    menu_action(main, "article.trash").trigger()
    assert main.list_pane.model.row_of(article_id) is None
    assert headline in main.status.currentMessage()
    undo = main.status.undo_button
    assert undo.isVisible()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert get_article(main.db, article_id).status != "trashed"
    qtbot.waitUntil(lambda: main.list_pane.model.row_of(article_id) is not None)
    assert not undo.isVisible()
