"""A newsroom's first replicas: what the database held before any server ran arrives too,
and a save made on one replica shows on the other."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.articles import create_article, get_article
from editor.database import open_database
from editor.people import create_person
from editor.records import ArticleDraft
from editor.workflow.editing import draft_article, edit_article
from editor.workflow.passwords import set_password
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess, free_port, replica, sync


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
    sync(sarah)
    sync(rina)
    assert get_article(rina, made.id).headline == "Banjir"
    assert get_article(newsroom.db, made.id).body == "Satu.\n\nDua.\n"
    edited = replace(get_article(sarah, made.id), headline="Banjir besar")
    edit_article(sarah, edited, actor_id=newsroom.reporter.id)
    sync(sarah)
    sync(rina)
    assert get_article(rina, made.id).headline == "Banjir besar"


def test_what_a_newsroom_held_before_its_server_started_reaches_the_replicas(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'newsroom.db'}"
    alone = open_database(url)  # worked on without a server: nothing numbered yet
    editor = create_person(alone, "Rina Editor", role="editor")
    set_password(alone, editor.id, PASSWORD)
    old = create_article(alone, ArticleDraft(headline="Arsip lama", body="Dari dulu."))
    alone.close()
    server = ServerProcess(url, free_port(), tmp_path / "server.log").start()
    try:
        rina = replica(tmp_path / "rina", server.url, "rina-editor")
        sync(rina)
        assert get_article(rina, old.id).headline == "Arsip lama"
        # The command line run on the server's file afterwards feeds the replicas too.
        later = open_database(url)
        assert later.sync_role == "feed"
        newer = create_article(later, ArticleDraft(headline="Baru"))
        later.close()
        sync(rina)
        assert get_article(rina, newer.id).headline == "Baru"
    finally:
        server.stop()
