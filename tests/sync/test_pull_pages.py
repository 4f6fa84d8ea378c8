"""A pull that takes many pages (each written table by table, the next fetched meanwhile)
leaves the replica as the server has it, searchable; and the long-poll takes any wait."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from editor.articles import create_article, get_article
from editor.records import ArticleDraft
from editor.search import search_articles
from editor.sync import replica as replica_module
from editor.sync.replica import Replica
from editor.workflow.corrections import add_correction
from editor.workflow.editing import edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

FIELDS = ("headline", "kicker", "lead", "body", "status", "tags", "version", "section_id")


def test_a_newsroom_pulled_in_many_pages_arrives_whole_and_searchable(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replica_module, "PULL_BATCH", 3)
    made = [
        create_article(
            newsroom.db,
            ArticleDraft(
                headline=f"Halaman {n}",
                kicker="Laporan",
                lead=f"Ringkasan {n}.",
                body=f"Paragraf pertama.\n\nKata{n}unik muncul di sini.\n",
                status="published" if n % 2 else "draft",
                byline_ids=(newsroom.reporter.id,),
                tags=(f"halaman-{n % 3}", "uji"),
            ),
        )
        for n in range(11)
    ]
    add_correction(newsroom.db, made[1].id, actor_id=newsroom.editor.id, note="Ralat nama.")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    report = sync(sarah)
    assert report.pulled >= len(made)  # type: ignore[attr-defined]
    for article in made:
        here, there = get_article(sarah, article.id), get_article(newsroom.db, article.id)
        assert {f: getattr(here, f) for f in FIELDS} == {f: getattr(there, f) for f in FIELDS}
        assert [p.id for p in here.bylines] == [newsroom.reporter.id]
    assert get_article(sarah, made[1].id).status == "corrected"
    assert [hit.id for hit in search_articles(sarah, "kata7unik")] == [made[7].id]

    # A later page rewrites an article the replica holds: its search row too.
    story = get_article(newsroom.db, made[7].id)
    edit_article(
        newsroom.db,
        replace(story, body=story.body.replace("Kata7unik", "Ganti7kata")),
        actor_id=newsroom.editor.id,
    )
    sync(sarah)
    assert "Ganti7kata" in get_article(sarah, made[7].id).body
    assert [hit.id for hit in search_articles(sarah, "ganti7kata")] == [made[7].id]
    assert search_articles(sarah, "kata7unik") == []


def test_a_wait_of_part_of_a_second_is_a_long_poll_not_an_error(
    server: ServerProcess, tmp_path: Path
) -> None:
    """The app's listener waits 25.0 s; the server once refused any wait that was not a
    whole number, so the listener failed at once and the app synced without pause."""
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    with Replica(sarah) as client:
        started = time.monotonic()
        assert client.wait_for_changes(timeout=1.5) is False
        assert 1.0 <= time.monotonic() - started < 10
