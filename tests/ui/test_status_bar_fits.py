"""The status bar at 1366 px with the Workflow tab open, in both languages: the save
state is read whole, a message such as "moved to the trash" is not cut, and what is
shortened to fit keeps its whole text in its tooltip. Screenshots for a person to see."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from editor.database import Database
from tests.ui.conftest import open_laptop_window
from tests.ui.driving import menu_action
from tests.ui.screens import save_screenshot


def shows_whole(widget: QWidget, text: str) -> bool:
    return widget.width() >= widget.fontMetrics().horizontalAdvance(text)


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_status_bar_fits_1366_with_the_workflow_tab_open(
    qtbot, windows, demo_db: Database, tmp_path: Path, language: str
):
    main = open_laptop_window(qtbot, demo_db, tmp_path, language)
    windows.append(main)
    menu_action(main, "view.workflow").trigger()  # View → Workflow, in front
    qtbot.waitUntil(main.workflow.panel.isVisible)
    status = main.status
    model = main.list_pane.model
    longest = max(
        (model.summary(row) for row in range(model.rowCount())), key=lambda a: len(a.headline)
    )
    main.list_pane.select_article(longest.id)
    qtbot.waitUntil(lambda: main.editor.record_id() == longest.id)
    menu_action(main, "article.trash").trigger()  # its message and its Undo button
    message = status.currentMessage()
    assert longest.headline[:20] in message and status.undo_button.isVisible()
    # Meanwhile the longest states each part can be in: a replica signed out with
    # changes and conflicts waiting, a long text, and a save that failed.
    status.set_sync("signed_out", 1234, 12, "sarah@redaksi.example")
    status.set_stats(12345, 87654)
    status.set_failed("disk full")
    qtbot.wait(50)
    save_screenshot(main, f"status-bar-1366-workflow-{language}")
    shown = [w for w in status.findChildren(QWidget) if w.isVisible() and w.parent() is status]
    room = min(w.x() for w in shown if w.x() > 0) - 8
    assert room >= status.fontMetrics().horizontalAdvance(message), "the message is cut"
    save_label = status.save_label
    assert shows_whole(save_label, save_label.text()), "the save state is cut"
    sync = status.sync_label
    if not shows_whole(sync, status.sync_text()):
        assert status.sync_text() in sync.toolTip(), "the server's state is cut, untold"
