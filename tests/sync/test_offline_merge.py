"""Offline edits on two replicas while the server is down, then restart, sync and merge."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from editor.articles import get_article
from editor.database import Database
from editor.errors import OfflineError
from editor.records import ArticleDraft, ArticleRecord
from editor.revisions import create_revision, list_revisions
from editor.sections import create_section
from editor.sync.replica import Replica
from editor.sync.tables import ArticleConflict, OutboxOp
from editor.workflow.editing import draft_article, edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

BODY = "Paragraf satu tentang banjir.\n\nParagraf dua tentang korban.\n\nParagraf tiga.\n"


def _shared_story(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> tuple[Database, Database, ArticleRecord]:
    section = create_section(newsroom.db, "Berita")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    sync(sarah)
    story = draft_article(
        sarah,
        ArticleDraft(headline="Banjir", body=BODY, section_id=section.id, tags=("banjir",)),
        actor_id=newsroom.reporter.id,
    )
    sync(sarah)
    sync(rina)
    with Replica(rina) as client:
        assert not client.has_body(story.id)  # a reporter's draft: metadata only at first
        assert client.ensure_body(story.id).body == BODY  # fetched while online
    return sarah, rina, story


def _edit(db: Database, article_id: uuid.UUID, actor: uuid.UUID, **changes: object) -> None:
    edit_article(db, replace(get_article(db, article_id), **changes), actor_id=actor)


def test_offline_edits_on_both_sides_merge_text_and_metadata(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah, rina, story = _shared_story(server, newsroom, tmp_path)
    server.stop()

    _edit(
        sarah,
        story.id,
        newsroom.reporter.id,
        headline="Banjir rendam Bekasi",
        body=BODY.replace("Paragraf satu tentang banjir.", "Banjir merendam Bekasi pagi ini."),
    )
    create_revision(sarah, story.id, note="lead rewritten")
    _edit(
        rina,
        story.id,
        newsroom.editor.id,
        kicker="BENCANA",
        tags=("banjir", "bekasi"),
        body=BODY.replace("Paragraf tiga.", "Paragraf tiga, diperiksa redaktur."),
    )
    with pytest.raises(OfflineError), Replica(rina) as client:
        client.sync()
    with rina.transaction() as session:
        assert len(list(session.scalars(select(OutboxOp)))) == 1  # still queued

    server.start()
    first, second = sync(sarah), sync(rina)
    sync(sarah)
    assert (first.applied, second.merged, second.conflicts) == (2, 1, 0)

    merged = get_article(newsroom.db, story.id)
    assert merged.body == (
        "Banjir merendam Bekasi pagi ini.\n\nParagraf dua tentang korban.\n\n"
        "Paragraf tiga, diperiksa redaktur.\n"
    )
    assert (merged.headline, merged.kicker, merged.tags) == (
        "Banjir rendam Bekasi",
        "BENCANA",
        ("banjir", "bekasi"),
    )
    for copy in (sarah, rina):
        local = get_article(copy, story.id)
        assert (local.body, local.headline, local.kicker, local.tags, local.version) == (
            merged.body,
            merged.headline,
            merged.kicker,
            merged.tags,
            merged.version,
        )
    # The explicit save point went up too, authored by its reporter.
    kept = [r for r in list_revisions(newsroom.db, story.id) if r.note == "lead rewritten"]
    assert [r.author for r in kept] == ["Sarah Meiliana Gunawan"]


def test_a_true_conflict_keeps_both_texts_on_both_sides_until_resolved(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah, rina, story = _shared_story(server, newsroom, tmp_path)
    server.stop()
    hers = BODY.replace("Paragraf dua tentang korban.", "Dua warga hilang terseret arus.")
    mine = BODY.replace("Paragraf dua tentang korban.", "Korban dievakuasi ke masjid.")
    _edit(sarah, story.id, newsroom.reporter.id, body=hers)
    _edit(rina, story.id, newsroom.editor.id, body=mine)
    server.start()
    assert sync(sarah).applied == 1
    report = sync(rina)
    sync(sarah)
    assert report.conflicts == 1 and report.notices[0].kind == "conflict"

    # The server kept its text and Rina's beside it, as her revision, and marks it.
    assert get_article(newsroom.db, story.id).body == hers
    kept = [r for r in list_revisions(newsroom.db, story.id) if r.kind == "conflict"]
    assert [(r.author, r.body) for r in kept] == [("Rina Editor", mine)]
    with newsroom.db.transaction() as session:
        assert session.get(ArticleConflict, story.id) is not None
    # Both replicas show the conflict with both versions (what the conflict dialog takes).
    for copy in (sarah, rina):
        with Replica(copy) as client:
            [conflict] = client.conflicts()
            assert (conflict.mine.body, conflict.theirs.body) == (mine, hers)
    # Rina's text is also kept on her computer, as a local revision.
    assert mine in [r.body for r in list_revisions(rina, story.id) if r.kind == "conflict"]

    # Resolving is a normal save from the server's text: the mark goes everywhere.
    both = hers.replace("Paragraf tiga.", "Korban dievakuasi ke masjid.\n\nParagraf tiga.")
    _edit(rina, story.id, newsroom.editor.id, body=both)
    assert sync(rina).applied == 1
    sync(sarah)
    assert get_article(newsroom.db, story.id).body == both
    for copy in (newsroom.db, sarah, rina):
        with copy.transaction() as session:
            assert session.get(ArticleConflict, story.id) is None
    assert get_article(sarah, story.id).body == both


def test_a_replica_knows_whose_save_made_the_version_it_pulled(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    """A version pulled from the server names who saved it, so when a save on this
    computer replaces it after a conflict, it is kept under that person's name."""
    from editor.models import Article
    from editor.workflow.kept_text import keep_stored_version

    sarah, rina, story = _shared_story(server, newsroom, tmp_path)
    _edit(rina, story.id, newsroom.editor.id, kicker="BENCANA")
    sync(rina)
    sync(sarah)

    pulled = get_article(sarah, story.id)
    assert pulled.kicker == "BENCANA"
    with sarah.transaction() as session:
        saved_by = session.get(Article, story.id).updated_by_id  # type: ignore[union-attr]
    assert saved_by == newsroom.editor.id
    kept = keep_stored_version(sarah, story.id, version=pulled.version, note="lost a conflict")
    assert kept is not None and kept.author == "Rina Editor"


def test_taking_the_servers_text_settles_a_conflict_everywhere_and_changes_nothing(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    """The conflict dialog's "Take theirs" changes no text, yet the mark must go: the
    settle queues a save of the server's own text, a fast-forward that clears it."""
    from editor.sync.capture import settle_conflict

    sarah, rina, story = _shared_story(server, newsroom, tmp_path)
    server.stop()
    hers = BODY.replace("Paragraf dua tentang korban.", "Dua warga hilang terseret arus.")
    mine = BODY.replace("Paragraf dua tentang korban.", "Korban dievakuasi ke masjid.")
    _edit(sarah, story.id, newsroom.reporter.id, body=hers)
    _edit(rina, story.id, newsroom.editor.id, body=mine)
    server.start()
    sync(sarah)
    assert sync(rina).conflicts == 1
    version = get_article(newsroom.db, story.id).version

    settle_conflict(rina, story.id)
    with rina.transaction() as session:
        assert session.get(ArticleConflict, story.id) is None
    assert sync(rina).applied == 1
    sync(sarah)
    stored = get_article(newsroom.db, story.id)
    assert (stored.body, stored.version) == (hers, version)  # nothing rewritten
    for copy in (newsroom.db, sarah, rina):
        with copy.transaction() as session:
            assert session.get(ArticleConflict, story.id) is None
