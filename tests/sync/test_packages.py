"""A reporter with no network sends her replica's edit as a story package; the editor's
import on the newsroom merges it from the server state she edited, and her own sync later
changes nothing twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.articles import get_article
from editor.packages.merge_in import import_package
from editor.packages.writer import export_package
from editor.records import ArticleDraft
from editor.workflow.editing import draft_article, edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

BODY = "Gempa mengguncang.\n\nWarga berhamburan.\n\nBelum ada korban.\n"


def test_an_offline_edit_sent_as_a_package_merges_and_the_later_sync_adds_nothing(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    story = draft_article(
        sarah, ArticleDraft(headline="Gempa", body=BODY), actor_id=newsroom.reporter.id
    )
    sync(sarah)
    # No network now: her edit waits in the outbox, and goes in a package instead.
    mine = get_article(sarah, story.id)
    edit_article(
        sarah,
        replace(mine, body=BODY.replace("mengguncang.", "mengguncang Cianjur.")),
        actor_id=newsroom.reporter.id,
    )
    package = export_package(sarah, [story.id], tmp_path / "gempa").path
    # The desk edited another paragraph meanwhile.
    theirs = get_article(newsroom.db, story.id)
    edit_article(
        newsroom.db,
        replace(theirs, body=BODY.replace("Belum ada korban.", "Dua orang terluka.")),
        actor_id=newsroom.editor.id,
    )

    report = import_package(newsroom.db, package, actor_id=newsroom.editor.id)

    assert [a.outcome for a in report.articles] == ["merged"]
    merged = "Gempa mengguncang Cianjur.\n\nWarga berhamburan.\n\nDua orang terluka.\n"
    assert get_article(newsroom.db, story.id).body == merged
    # Back online: her queued save meets the text that already has it.
    sync(sarah)
    assert get_article(newsroom.db, story.id).body == merged
    assert get_article(sarah, story.id).body == merged
