"""Opening, in the app, an article whose text the replica does not carry: fetched from
the server while online; offline, one sentence says it is not available offline and the
editor does not show an empty story."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.records import ArticleDraft
from editor.sync.replica import Replica
from editor.workflow.editing import draft_article
from editor.workflow.transitions import change_status
from tests.sync.harness import Newsroom, ServerProcess, replica, sync
from tests.ui.sync.windows import open_window

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
    assert sarah.list_pane.select_article(first.id)
    qtbot.waitUntil(lambda: sarah.editor.record_id() == first.id, timeout=5000)
    assert sarah.editor.body.toPlainText() == first.body

    server.stop()
    qtbot.waitUntil(lambda: sarah.status.sync_state() == "offline", timeout=15000)
    assert sarah.list_pane.select_article(second.id)
    assert sarah.editor.record_id() == first.id  # not an empty editor for the second
    assert any("not available offline" in text for _kind, text in qt_messages)
