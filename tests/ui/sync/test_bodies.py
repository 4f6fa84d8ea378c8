"""Opening, in the app, an article whose text the replica does not carry: fetched from
the server on a worker while online (the editor, locked, says it is loading and the window
keeps working); offline, the locked editor says in one sentence that it is not available
offline, and never shows an empty story that could be saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.records import ArticleDraft
from editor.sync.replica import Replica
from editor.text import word_count
from editor.workflow.editing import draft_article
from editor.workflow.transitions import change_status
from tests.sync.harness import Newsroom, ServerProcess, replica, sync
from tests.ui.screens import save_screenshot
from tests.ui.sync.windows import open_window
from ui.main_window import MainWindow

pytestmark = pytest.mark.postgres


def _someone_elses(newsroom: Newsroom, headline: str, body: str):
    story = draft_article(
        newsroom.db,
        ArticleDraft(headline=headline, body=body),
        actor_id=newsroom.other_reporter.id,
    )
    change_status(newsroom.db, story.id, "submitted", actor_id=newsroom.other_reporter.id)
    return story


def test_a_text_not_carried_is_fetched_online_and_named_not_available_offline(
    qtbot, windows, server: ServerProcess, newsroom: Newsroom, tmp_path: Path, qt_messages
):
    stories = [
        _someone_elses(newsroom, headline, f"Teks lengkap {headline.lower()}.")
        for headline in ("Pilkada", "Harga beras", "Jalan tol")
    ]
    sarah_db = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah_db)
    with Replica(sarah_db) as client:
        assert not any(client.has_body(story.id) for story in stories)
    sarah = open_window(qtbot, windows, sarah_db, tmp_path / "sarah")
    qtbot.waitUntil(lambda: sarah.status.sync_state() == "online", timeout=15000)
    # The window opened one of them at the start; the other two were never opened.
    first, second = [s for s in stories if s.id != sarah.editor.record_id()][:2]

    qtbot.wait(500)  # the first sync's list refresh is done: the click is not undone
    editor = sarah.editor
    click_row(qtbot, sarah, first.id)
    # Not fetched yet when the click returns: the editor is locked and says why.
    assert editor.record_id() is None and not editor.isEnabled()
    assert editor.form.headline.text() == first.headline
    assert "Loading the text" in editor.body.placeholderText()
    # No figure while the text is on its way (not "0 words", nor the last article's),
    # and the word label is wide enough for what it says.
    words = editor.target_label
    assert words.text().startswith("— ") and words.isVisible()
    assert words.width() >= words.fontMetrics().horizontalAdvance(words.text())
    save_screenshot(sarah, "text-loading")
    qtbot.waitUntil(lambda: editor.record_id() == first.id, timeout=10000)
    assert editor.body.toPlainText() == first.body and editor.isEnabled()
    assert words.text().startswith(f"{word_count(first.body)} ")  # counted once it came
    assert words.width() >= words.fontMetrics().horizontalAdvance(words.text())

    server.stop()
    qtbot.waitUntil(lambda: sarah.status.sync_state() == "offline", timeout=15000)
    click_row(qtbot, sarah, second.id)
    qtbot.waitUntil(lambda: "not available offline" in editor.body.placeholderText(), timeout=10000)
    save_screenshot(sarah, "text-not-available-offline")
    assert editor.record_id() is None and not editor.isEnabled()
    assert editor.body.toPlainText() == "" and editor.form.headline.text() == second.headline
    assert "not available offline" in sarah.status.currentMessage()
    assert qt_messages == []  # said in the editor, not in a box to click away
    assert not sarah.registry.action("article.save").isEnabled()

    click_row(qtbot, sarah, first.id)  # carried since it was fetched: opens offline
    assert editor.record_id() == first.id and editor.body.toPlainText() == first.body


def click_row(qtbot, window: MainWindow, article_id) -> None:
    """A click on the article's row in the list."""
    view = window.list_pane.view
    row = window.list_pane.model.row_of(article_id)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
