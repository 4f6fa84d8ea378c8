"""The preview keeps showing the article while a modal dialog from the menus is open
(the issue's "modal dialogs blank the preview"), and after it closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.driving import menu_action, when_modal
from ui.preferences import PreferencesDialog
from ui.publish_dialog import PublishDialog
from ui.revisions_dialog import RevisionsDialog


def ink(main) -> int:
    """Dark sample points in the preview as drawn now (text and picture)."""
    image = main.preview.browser.viewport().grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 128
    )


@pytest.mark.parametrize(
    ("kind", "action_id"),
    [
        (PreferencesDialog, "app.preferences"),
        (RevisionsDialog, "article.revisions"),
        (PublishDialog, "site.publish"),
    ],
)
def test_the_preview_stays_drawn_while_a_dialog_is_open(qtbot, laptop_window, kind, action_id):
    main = laptop_window
    qtbot.waitUntil(
        lambda: bool(main.preview.html()) and not main.preview.is_pending(), timeout=5000
    )
    shown = ink(main)
    assert shown > 200  # the headline, dateline, picture and text
    during: list[int] = []

    def look(dialog) -> None:
        qtbot.wait(300)  # anything the dialog set off has run
        during.append(ink(main))
        dialog.reject()

    when_modal(kind, look)
    menu_action(main, action_id).trigger()
    assert during == [shown]
    qtbot.waitUntil(lambda: not main.preview.is_pending(), timeout=5000)
    assert ink(main) == shown


def test_a_headline_typed_just_before_a_dialog_shows_while_it_is_open(qtbot, laptop_window):
    main = laptop_window
    preview = main.preview
    qtbot.waitUntil(lambda: bool(preview.html()) and not preview.is_pending(), timeout=5000)
    headline = main.editor.form.headline
    headline.setFocus()
    qtbot.keyClick(headline, Qt.Key.Key_End)
    qtbot.keyClicks(headline, " Zebra")
    assert preview.is_pending()  # the dialog opens before the new page is built
    during: list[bool] = []

    def look(dialog: PreferencesDialog) -> None:
        qtbot.waitUntil(lambda: not preview.is_pending(), timeout=5000)
        during.append("Zebra" in preview.browser.toPlainText() and ink(main) > 200)
        dialog.reject()

    when_modal(PreferencesDialog, look)
    menu_action(main, "app.preferences").trigger()
    assert during == [True]
