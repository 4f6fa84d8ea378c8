"""Translations of one page stay linked across the newsroom: the link an import makes
(``translation_group``) goes up from the replica that imported, down to every other
replica, and a change to it on one replica reaches the others."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from editor.articles import get_article
from editor.database import Database
from editor.importer import import_paths
from editor.sync.replica import Replica
from editor.workflow.editing import edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync


def _site(folder: Path, name: str) -> Path:
    for path, text in {
        f"content/id/berita/{name}.md": f"---\ntitle: Pemilu {name}\ndraft: true\n---\nIsi.\n",
        f"content/en/berita/{name}.md": f"---\ntitle: Election {name}\ndraft: true\n---\nText.\n",
    }.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    return folder


def _groups(db: Database, ids: list) -> list[str | None]:
    return [get_article(db, article_id).translation_group for article_id in ids]


def test_a_replicas_import_links_translations_on_the_server_and_the_other_replica(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    sync(sarah)
    report = import_paths(
        sarah, [_site(tmp_path / "site", "daerah")], actor_id=newsroom.reporter.id
    )
    assert report.problems == []
    ids = [f.article_id for f in report.created]
    (group,) = set(_groups(sarah, ids))
    assert group == "path:berita/daerah.md"

    sync(sarah)
    sync(rina)

    assert _groups(newsroom.db, ids) == [group, group]
    assert _groups(rina, ids) == [group, group]

    # Rina unlinks the English page; Sarah's replica learns it at her next sync.
    english = next(f.article_id for f in report.created if "Election" in f.headline)
    with Replica(rina) as client:  # opened, as the editor's window does
        opened = client.ensure_body(english)
    edit_article(
        rina,
        replace(opened, translation_group=None),
        actor_id=newsroom.editor.id,
    )
    sync(rina)
    sync(sarah)
    assert get_article(newsroom.db, english).translation_group is None
    assert _groups(sarah, ids) == _groups(rina, ids)
    assert sorted(_groups(sarah, ids), key=str) == [None, group]


def test_translations_imported_on_the_server_arrive_linked_on_every_replica(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    report = import_paths(
        newsroom.db, [_site(tmp_path / "site", "pusat")], actor_id=newsroom.admin.id
    )
    assert report.problems == []
    ids = [f.article_id for f in report.created]
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    rina = replica(tmp_path / "rina", server.url, "rina-editor")

    sync(rina)
    sync(sarah)

    assert _groups(rina, ids) == ["path:berita/pusat.md"] * 2
    # A reporter's replica carries only what she may read: where it has them, they agree.
    assert all(
        get_article(sarah, article_id).translation_group == "path:berita/pusat.md"
        for article_id in ids
        if _has(sarah, article_id)
    )


def _has(db: Database, article_id: object) -> bool:
    from editor.errors import NotFoundError

    try:
        get_article(db, article_id)  # type: ignore[arg-type]
    except NotFoundError:
        return False
    return True
