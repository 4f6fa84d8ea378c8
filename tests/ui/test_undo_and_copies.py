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
from tests.ui.screens import save_screenshot
from ui.revisions_dialog import RevisionsDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def type_at_end(qtbot, main, text: str) -> None:
    body = main.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, text)


def restore_revision_ending(qtbot, words: str):
    """An answer for the revisions dialog: restore the revision whose body ends with
    ``words``, with a click on its button."""

    def act(dialog: RevisionsDialog) -> None:
        older = next(
            row for row, revision in enumerate(dialog.revisions) if revision.body.endswith(words)
        )
        dialog.select_rows(older)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        dialog.accept()

    return act


def test_ctrl_z_takes_back_a_revision_restore(qtbot, laptop_window):
    main = laptop_window
    article_id = main.editor.record_id()
    type_at_end(qtbot, main, " Versi pertama.")
    qtbot.keyClick(main.editor.body, Qt.Key.Key_S, CTRL)  # a revision with it
    type_at_end(qtbot, main, " Versi kedua.")
    assert main.flush()
    typed = main.editor.body.toPlainText()

    when_modal(RevisionsDialog, restore_revision_ending(qtbot, "Versi pertama."))
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


def retype(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_undo_takes_back_everything_a_restore_changed_and_redo_brings_it_again(
    qtbot, laptop_window
):
    main = laptop_window
    article_id = main.editor.record_id()
    form = main.editor.form
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    retype(qtbot, form.headline, "Judul Lama")
    retype(qtbot, form.caption, "Keterangan lama")
    type_at_end(qtbot, main, " Versi pertama.")
    qtbot.keyClick(main.editor.body, Qt.Key.Key_S, CTRL)  # a revision with all of it
    retype(qtbot, form.headline, "Judul Baru")
    retype(qtbot, form.kicker, "EKSKLUSIF")
    retype(qtbot, form.caption, "Keterangan baru")
    type_at_end(qtbot, main, " Versi kedua.")
    assert main.flush()
    typed = main.editor.current_record()

    when_modal(RevisionsDialog, restore_revision_ending(qtbot, "Versi pertama."))
    menu_action(main, "article.revisions").trigger()
    restored = main.editor.current_record()
    assert restored.headline == "Judul Lama" and restored.lead_image_caption == "Keterangan lama"
    assert restored.kicker != "EKSKLUSIF" and restored.body.endswith("Versi pertama.")

    save_screenshot(main, "restore-before-undo")
    menu_action(main, "edit.undo").trigger()
    save_screenshot(main, "restore-undone")
    back = main.editor.current_record()
    assert (back.headline, back.kicker, back.lead_image_caption, back.body) == (
        typed.headline,
        typed.kicker,
        typed.lead_image_caption,
        typed.body,
    )
    assert main.flush()
    stored = get_article(main.db, article_id)
    assert (stored.headline, stored.kicker, stored.lead_image_caption, stored.body) == (
        "Judul Baru",
        "EKSKLUSIF",
        "Keterangan baru",
        typed.body,
    )

    menu_action(main, "edit.redo").trigger()
    again = main.editor.current_record()
    assert (again.headline, again.kicker, again.body) == (
        restored.headline,
        restored.kicker,
        restored.body,
    )
    assert main.flush()
    assert get_article(main.db, article_id).headline == "Judul Lama"


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
