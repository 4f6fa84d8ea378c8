"""What an import keeps about a page travels with its article through the newsroom: the
file it came from (``source_key``), the front matter keys kept (the old addresses the
publish redirects) and the page's own modified time (``lastmod``), from the replica that
imported to the server and on to every other replica, under the same roles as the rest of
the article."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from editor.articles import _load, get_article
from editor.config import Settings
from editor.import_report import ImportedFile
from editor.importer import import_paths
from editor.publish.site import publish_site
from editor.sync.apply import apply_op
from editor.sync.capture import REMOTE, pending_count
from editor.sync.states import content_of
from editor.workflow.transitions import change_status
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

LASTMOD = datetime(2023, 2, 20, 2, 30, tzinfo=UTC)


def _site(folder: Path, slug: str) -> Path:
    post = folder / f"_posts/2023-01-10-{slug}.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(
        f"---\ntitle: Banjir {slug}\ndate: 2023-01-10 08:00:00 +0700\ndraft: true\n"
        f"last_modified_at: 2023-02-20 09:30:00 +0700\n"
        f"redirect_from: [/lama/{slug}/]\nweight: 3\n---\nAir surut.\n",
        "utf-8",
    )
    return folder


def _imported_on_server(newsroom: Newsroom, tmp_path: Path, slug: str) -> list[ImportedFile]:
    report = import_paths(newsroom.db, [_site(tmp_path / "site", slug)], actor_id=newsroom.admin.id)
    assert report.problems == []
    return report.created


def _publish(newsroom: Newsroom, article_id: uuid.UUID) -> None:
    for target in ("submitted", "approved", "published"):
        change_status(
            newsroom.db,
            article_id,
            target,
            actor_id=newsroom.editor.id,
            override_reason="Arsip lama, terbit apa adanya",
        )


def test_a_replicas_import_keeps_its_old_addresses_and_time_on_the_server_and_elsewhere(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    rina = replica(tmp_path / "rina", server.url, "rina-editor")
    sync(sarah)
    report = import_paths(
        sarah, [_site(tmp_path / "site", "sungai")], actor_id=newsroom.reporter.id
    )
    assert report.problems == []
    (created,) = report.created
    mine = get_article(sarah, created.article_id)
    assert mine.modified_at == LASTMOD

    started = datetime.now(UTC)
    sync(sarah)
    on_server = get_article(newsroom.db, created.article_id)
    assert on_server.source_key == mine.source_key == "_posts/2023-01-10-sungai.md"
    assert json.loads(on_server.kept_fields) == json.loads(mine.kept_fields)
    assert json.loads(on_server.kept_fields)["redirect_from"] == ["/lama/sungai/"]
    # The page keeps its own time; the server stamps the change with its own clock.
    assert on_server.modified_at == LASTMOD
    assert on_server.updated_at >= started - timedelta(seconds=5)

    _publish(newsroom, created.article_id)
    out = tmp_path / "out"
    settings = Settings(database_url="", site_name="Kabar", base_url="https://kabar.id")
    publish_site(newsroom.db, settings, out, cache_dir=tmp_path / "cache")
    redirect = (out / "lama/sungai/index.html").read_text("utf-8")
    assert '<link rel="canonical" href="https://kabar.id/read/' in redirect
    assert f'/{str(created.article_id)[:8]}/sungai/"' in redirect
    assert '"/lama/sungai/"' in (out / "redirects.nginx.conf").read_text("utf-8")

    sync(rina)
    sync(sarah)
    for db in (rina, sarah):
        there = get_article(db, created.article_id)
        assert there.source_key == "_posts/2023-01-10-sungai.md"
        assert json.loads(there.kept_fields) == json.loads(on_server.kept_fields)
        assert there.modified_at == LASTMOD
        assert there.status == "published"

    # Imported again on Sarah's replica: found by its file, not made a second time (the
    # pull used to wipe the key); published meanwhile, it is no longer hers to change.
    again = import_paths(sarah, [tmp_path / "site"], actor_id=newsroom.reporter.id)
    assert again.created == []
    assert ["may not edit" in problem.reason for problem in again.problems] == [True]


def test_a_replica_may_not_change_the_kept_addresses_of_an_article_it_may_not_edit(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    (created,) = _imported_on_server(newsroom, tmp_path, "kota")
    _publish(newsroom, created.article_id)
    before = get_article(newsroom.db, created.article_id)
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    # Forged on her computer, as any SQL client could: the server refuses it.
    with sarah.transaction() as session:
        assert not session.info.get(REMOTE)
        article = _load(session, created.article_id)
        article.kept_fields = json.dumps({"redirect_from": ["/phishing/"]})
    with sarah.transaction() as session:
        assert pending_count(session) == 1  # it goes up like any other change
    sync(sarah)
    after = get_article(newsroom.db, created.article_id)
    assert after.kept_fields == before.kept_fields
    assert after.version == before.version
    assert json.loads(get_article(sarah, created.article_id).kept_fields) == json.loads(
        before.kept_fields
    )


def test_what_a_forged_create_carries_is_checked_on_the_server(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    (first,) = _imported_on_server(newsroom, tmp_path, "pasar")

    def create(**content: object) -> dict[str, object]:
        article_id = uuid.uuid4()
        op = {
            "op_id": str(uuid.uuid4()),
            "kind": "create",
            "payload": {"article_id": str(article_id), "content": {"headline": "Palsu", **content}},
        }
        return {"id": article_id, **apply_op(newsroom.db, newsroom.reporter.id, op)}

    for bad in ("[1, 2]", "{not json", "x" * 200_000):
        refused = create(kept_fields=bad)
        assert refused["outcome"] == "refused"
        assert "not a JSON object of at most 100,000 characters" in str(refused["reason"])
        assert refused["article"] is None
    refused = create(modified_at="kemarin sore")
    assert (refused["outcome"], refused["reason"]) == (
        "refused",
        "'kemarin sore' is not a time with its zone; nothing of this change was saved.",
    )

    # The same file imported on two computers: the second article is kept, without the key
    # (one file updates one article), and with its old addresses.
    kept = json.dumps({"redirect_from": ["/lama/pasar-2/"]})
    second = create(source_key="_posts/2023-01-10-pasar.md", kept_fields=kept)
    assert second["outcome"] == "applied"
    stored = get_article(newsroom.db, second["id"])  # type: ignore[arg-type]
    assert (stored.source_key, stored.kept_fields) == (None, kept)
    assert get_article(newsroom.db, first.article_id).source_key == "_posts/2023-01-10-pasar.md"


def test_a_save_from_a_replica_that_never_knew_the_kept_keys_keeps_them(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    (created,) = _imported_on_server(newsroom, tmp_path, "stasiun")
    stored = get_article(newsroom.db, created.article_id)
    # What a replica pulled before these fields travelled: its base names none of them,
    # and its own copy holds no kept keys.
    base = {k: v for k, v in content_of(stored).items() if k not in ("kept_fields", "modified_at")}
    mine = {**base, "kept_fields": "{}", "modified_at": None, "body": "Air surut lagi.\n"}
    op = {
        "op_id": str(uuid.uuid4()),
        "kind": "save",
        "payload": {"article_id": str(stored.id), "base": base, "content": mine},
    }
    result = apply_op(newsroom.db, newsroom.admin.id, op)
    assert result["outcome"] == "applied", result.get("fields")
    after = get_article(newsroom.db, created.article_id)
    assert after.body == "Air surut lagi.\n"
    assert after.kept_fields == stored.kept_fields


def test_a_new_lastmod_imported_on_a_replica_reaches_the_server_as_a_new_version(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    site = _site(tmp_path / "site", "halte")
    (created,) = import_paths(sarah, [site], actor_id=newsroom.reporter.id).created
    sync(sarah)
    before = get_article(newsroom.db, created.article_id)

    post = site / "_posts/2023-01-10-halte.md"
    post.write_text(
        post.read_text("utf-8").replace("2023-02-20 09:30:00", "2023-03-01 10:00:00"), "utf-8"
    )
    report = import_paths(sarah, [site], actor_id=newsroom.reporter.id)
    assert [f.headline for f in report.updated] == ["Banjir halte"]
    sync(sarah)

    after = get_article(newsroom.db, created.article_id)
    assert after.version > before.version
    assert after.modified_at == datetime(2023, 3, 1, 3, 0, tzinfo=UTC)
    assert json.loads(after.kept_fields)["last_modified_at"] == "2023-03-01 10:00:00 +0700"
    assert after.body == before.body
