"""Two server processes on one PostgreSQL (as behind a load balancer): a save through one
wakes a long-poll waiting on the other (LISTEN/NOTIFY), and the sign-in of one is good on
the other, since neither keeps state of its own."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from editor.articles import get_article
from editor.records import ArticleDraft
from editor.sync.replica import Replica
from editor.workflow.editing import draft_article
from tests.sync.harness import Newsroom, ServerProcess, free_port, replica, sync


def test_a_save_through_one_server_wakes_a_replica_waiting_on_another(
    server: ServerProcess, newsroom: Newsroom, newsroom_url: str, tmp_path: Path
) -> None:
    other = ServerProcess(newsroom_url, free_port(), tmp_path / "other.log").start()
    try:
        sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
        rina = replica(tmp_path / "rina", other.url, "rina-editor")
        sync(rina)
        woke: list[bool] = []

        def wait() -> None:
            with Replica(rina) as client:
                woke.append(client.wait_for_changes(timeout=30))

        waiter = threading.Thread(target=wait)
        waiter.start()
        time.sleep(0.5)
        story = draft_article(
            sarah, ArticleDraft(headline="Dua server"), actor_id=newsroom.reporter.id
        )
        sync(sarah)
        waiter.join(timeout=40)
        assert woke == [True]  # False would mean the wait ran out: no notice crossed over
        sync(rina)
        assert get_article(rina, story.id).headline == "Dua server"
    finally:
        other.stop()
