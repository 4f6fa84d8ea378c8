"""Incremental publishes: byte-identical to a full rebuild, and touching only what changed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from editor.articles import create_article
from editor.records import ArticleDraft
from tests.publish.conftest import BodyEdit, PublishFn, site_files
from tests.publish.newsroom import NATO_TIME, NOW, Newsroom


def _change_everything(room: Newsroom) -> None:
    room.edit(room.others[0], body="Isi yang diperbarui.\n")
    room.edit(room.others[1], headline="Judul yang diperbarui")
    room.edit(room.others[2], status="killed")
    create_article(
        room.db,
        ArticleDraft(
            headline="Artikel terbaru hari ini",
            section_id=room.nato.section_id,
            status="published",
            tags=("Baru",),
            published_at=NATO_TIME + timedelta(hours=1),
        ),
    )


@pytest.mark.parametrize("mode", ["embed", "ssi"])
def test_incremental_and_full_give_the_same_bytes(
    room: Newsroom, publish: PublishFn, tmp_path: Path, mode: str
):
    incremental, full = tmp_path / "incremental", tmp_path / "full"
    publish(incremental, sidebar_mode=mode)
    _change_everything(room)
    report = publish(incremental, sidebar_mode=mode)
    assert report.reused > 0  # it really was incremental
    publish(full, sidebar_mode=mode, full=True, cache_dir=tmp_path / "cold-cache")
    assert site_files(incremental) == site_files(full)


def test_same_data_and_clock_give_the_same_bytes(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish(tmp_path / "one")
    publish(tmp_path / "two", cache_dir=None, full=True)
    assert site_files(tmp_path / "one") == site_files(tmp_path / "two")
    later = publish(tmp_path / "one")
    assert later.written == []


def test_a_body_edit_rewrites_only_its_page_copies_feeds_and_sitemap(
    publish: PublishFn, body_edit: BodyEdit
):
    publish()
    report, expected = body_edit()
    assert sorted(report.written) == expected


def test_in_ssi_mode_a_new_article_leaves_other_article_pages_alone(
    room: Newsroom, publish: PublishFn
):
    publish(sidebar_mode="ssi")
    create_article(
        room.db,
        ArticleDraft(
            headline="Kabar paling baru",
            section_id=room.nato.section_id,
            status="published",
            published_at=NOW - timedelta(minutes=5),
        ),
    )
    report = publish(sidebar_mode="ssi")
    pages = [p for p in report.written if p.startswith("read/") and p.endswith("index.html")]
    assert len(pages) == 1 and "kabar-paling-baru" in pages[0]
    assert "sidebar/sidebar.inc" in report.written
    assert "update/index.html" in report.written


def test_in_embed_mode_a_new_article_updates_every_page_sidebar(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish()
    create_article(
        room.db,
        ArticleDraft(
            headline="Kabar paling baru",
            section_id=room.nato.section_id,
            status="published",
            published_at=NOW - timedelta(minutes=5),
        ),
    )
    report = publish()
    pages = [p for p in report.written if p.startswith("read/") and p.endswith("index.html")]
    assert len(pages) == 2 + len(room.others)
    nato_page = next(p for p in pages if room.nato.id.hex[:8] in p)
    assert "Kabar paling baru" in (tmp_path / "site" / nato_page).read_text()


def test_rendered_bodies_are_cached_between_publishes(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    first = publish(tmp_path / "a")
    assert first.bodies_rendered == 1 + len(room.others)
    second = publish(tmp_path / "b", full=True)
    assert (second.bodies_rendered, second.bodies_cached) == (0, 1 + len(room.others))


def test_full_publish_repairs_a_file_edited_by_hand(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish()
    publish()  # both trees populated, sharing files
    good = site_files(tmp_path / "site")
    page = tmp_path / "site" / "index.html"
    with page.open("r+b") as handle:  # in place, as an editor would
        handle.write(b"<!-- vandal -->")
    publish(full=True)
    assert site_files(tmp_path / "site") == good
    publish()  # the next publish swaps to the other tree: it must be repaired too
    assert site_files(tmp_path / "site") == good


def test_bodies_rendered_in_parallel_match_serial_rendering(
    room: Newsroom, publish: PublishFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from editor.publish import body

    publish(tmp_path / "serial", cache_dir=None)
    monkeypatch.setattr(body, "PARALLEL_FROM", 2)  # nine bodies: two worker processes
    report = publish(tmp_path / "parallel", cache_dir=None)
    assert report.bodies_rendered == 1 + len(room.others)
    assert site_files(tmp_path / "parallel") == site_files(tmp_path / "serial")


def test_bodies_render_in_worker_processes_from_a_background_thread(
    room: Newsroom, publish: PublishFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import threading

    from editor.publish import body

    publish(tmp_path / "serial", cache_dir=None)
    monkeypatch.setattr(body, "PARALLEL_FROM", 2)
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(publish(tmp_path / "threaded", cache_dir=None))
    )
    worker.start()
    worker.join(timeout=60)
    assert outcome and outcome[0].bodies_rendered == 1 + len(room.others)  # type: ignore[attr-defined]
    assert site_files(tmp_path / "threaded") == site_files(tmp_path / "serial")


def test_a_new_story_rewrites_the_first_pages_of_its_lists_not_their_archive(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    room.add_dunia_stories(59)  # with the NATO story: 60 in Dunia, numbered pages 1 and 2
    publish(sidebar_mode="ssi")
    room.add_dunia_stories(1, first=-60)  # newer than the other Dunia stories
    report = publish(sidebar_mode="ssi")
    lists = {p for p in report.written if not p.startswith("read/")}
    assert "berita/dunia/index.html" in lists and "update/index.html" in lists
    assert not {p for p in lists if "/page/" in p}
    # Every twentieth story moves the oldest of the first page onto a new numbered page.
    room.add_dunia_stories(19, first=-80)
    report = publish(sidebar_mode="ssi")
    numbered = sorted(p for p in report.written if p.startswith("berita/dunia/page/"))
    assert numbered == ["berita/dunia/page/2/index.html", "berita/dunia/page/3/index.html"]
    full = tmp_path / "full"
    publish(full, sidebar_mode="ssi", full=True)
    assert site_files(tmp_path / "site") == site_files(full)
