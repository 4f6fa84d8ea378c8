from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.articles import get_article
from editor.records import ArticleDraft
from editor.workflow.editing import draft_article, edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync


def test_a_draft_made_on_one_replica_reaches_another(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    made = draft_article(
        sarah,
        ArticleDraft(headline="Banjir", body="Satu.\n\nDua.\n"),
        actor_id=newsroom.reporter.id,
    )
    print(sync(sarah))
    print(sync(rina))
    seen = get_article(rina, made.id)
    assert seen.headline == "Banjir"
    assert get_article(newsroom.db, made.id).body == "Satu.\n\nDua.\n"
    edit_article(
        sarah,
        replace(get_article(sarah, made.id), headline="Banjir besar"),
        actor_id=newsroom.reporter.id,
    )
    print(sync(sarah), sync(rina))
    assert get_article(rina, made.id).headline == "Banjir besar"
