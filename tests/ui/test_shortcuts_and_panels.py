"""Shortcuts that reach their action, the Workflow panel at 1366x768, and the editor's
"Baca juga" and Image… commands, driven from the menu bar, the toolbar and the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolButton

from editor.people import list_people
from tests.ui.driving import describe_when_asked, menu_action, type_file_path, when_modal
from ui.actions import default_sequences
from ui.editor_pane.related_dialog import RelatedArticleDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(laptop_window: MainWindow) -> MainWindow:
    return laptop_window


def press(qtbot, widget, sequence: QKeySequence) -> None:
    """Press ``sequence`` (one chord) on ``widget`` as the keyboard would."""
    chord = sequence[0]
    qtbot.keyClick(widget, chord.key(), chord.keyboardModifiers())


def test_no_shortcut_is_bound_twice_and_none_overrides_a_standard_key(window):
    standard: dict[str, str] = {}
    for key in QKeySequence.StandardKey:
        for sequence in QKeySequence.keyBindings(key):
            standard.setdefault(sequence.toString(), key.name)
    owners: dict[str, list[str]] = {}
    overrides = []
    for action_id in window.registry.ids():
        shortcut = window.registry.spec(action_id).shortcut
        for sequence in window.registry.action(action_id).shortcuts():
            owners.setdefault(sequence.toString(), []).append(action_id)
        if isinstance(shortcut, str):
            for sequence in default_sequences(shortcut):
                if sequence.toString() in standard:
                    overrides.append(
                        (action_id, sequence.toString(), standard[sequence.toString()])
                    )
    twice = {keys: ids for keys, ids in owners.items() if len(ids) > 1}
    assert twice == {}, f"shortcuts bound twice: {twice}"
    assert overrides == [], f"standard shortcuts overridden: {overrides}"


def test_calendar_and_baca_juga_each_have_their_own_key(qtbot, window):
    calendar = window.registry.action("workflow.calendar").shortcut().toString()
    related = window.registry.action("edit.related").shortcut().toString()
    assert calendar and related and calendar != related


def test_view_workflow_and_f10_show_and_hide_the_panel_at_1366(qtbot, window):
    panel = window.workflow.panel
    assert window.width() == 1366
    assert not panel.isVisible()  # a tab behind the preview on a laptop screen

    menu_action(window, "view.workflow").trigger()
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    assert window.registry.action("view.workflow").isChecked()
    assert panel.width() >= 340

    window.list_pane.view.setFocus()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)
    assert not window.registry.action("view.workflow").isChecked()

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_F10)
    qtbot.waitUntil(panel.isVisible, timeout=2000)
    # The panel's buttons are there to be used: the reporter can submit from it.
    assert window.workflow.bar.isVisible()


def test_the_toolbar_shows_the_workflow_panel(qtbot, window):
    button = window.toolbar.widgetForAction(window.registry.action("view.workflow"))
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.workflow.panel.isVisible, timeout=2000)


def _other_headline(window) -> str:
    model = window.list_pane.model
    mine = window.editor.record_id()
    return next(
        model.summary(row).headline
        for row in range(model.rowCount())
        if model.summary(row).id != mine and model.summary(row).headline
    )


def _choose_first_hit(words: str):
    def act(dialog: RelatedArticleDialog) -> None:
        dialog.query.setText(words)
        dialog.run_search()
        dialog.hits.setCurrentRow(0)
        dialog.accept()

    return act


def test_baca_juga_from_the_edit_menu_inserts_a_link(qtbot, window):
    headline = _other_headline(window)
    when_modal(RelatedArticleDialog, _choose_first_hit(headline))
    menu_action(window, "edit.related").trigger()
    body = window.editor.body.toPlainText()
    assert f"Baca juga: [{headline}](/" in body


def test_baca_juga_from_its_shortcut_and_the_toolbar(qtbot, window):
    headline = _other_headline(window)
    body = window.editor.body
    body.setFocus()
    when_modal(RelatedArticleDialog, _choose_first_hit(headline))
    press(qtbot, body, window.registry.action("edit.related").shortcut())
    assert body.toPlainText().count("Baca juga:") == 1

    button = window.editor.toolbar().widgetForAction(window.registry.action("edit.related"))
    when_modal(RelatedArticleDialog, _choose_first_hit(headline))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert body.toPlainText().count("Baca juga:") == 2


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a6f97"))
    path = tmp_path / "banjir.jpg"
    assert image.save(str(path))
    return path


def test_image_from_the_edit_menu_and_its_shortcut_inserts_a_picture(qtbot, window, photo):
    body = window.editor.body
    # The media library notes who brings a picture: someone works here.
    window.workflow.set_person(next(p for p in list_people(window.db) if p.role == "editor"))
    type_file_path(photo)
    describe_when_asked("Banjir")
    menu_action(window, "edit.image").trigger()
    assert body.toPlainText().count("![Banjir](media:") == 1
    assert QApplication.activeModalWidget() is None

    window.activateWindow()  # the window manager gives the window back its focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    body.setFocus()
    type_file_path(photo)
    press(qtbot, body, window.registry.action("edit.image").shortcut())
    # The same picture again: described once, for every article that shows it.
    assert body.toPlainText().count("![Banjir](media:") == 2
