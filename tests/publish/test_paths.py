"""No slug, section or image path can make a publish write outside its folder."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor.articles import create_article
from editor.publish.assets import relative_media_path
from editor.publish.atomic import TreeWriter
from editor.publish.report import PublishError
from editor.publish.urls import article_path, parse_article_path, section_path
from editor.records import ArticleDraft
from editor.sections import create_section
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NOW, Newsroom
from tests.sqlite_visits import held_inodes


def _all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_hostile_slugs_and_image_paths_stay_inside(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    outside = tmp_path / "secret.txt"
    outside.write_text("do not publish")
    os.symlink(outside, room.media / "link-out.jpg")
    hostile = {
        "../../../escaped": "../secret.txt",
        "/etc/passwd": "/etc/passwd",
        "..\\..\\win": "..\\..\\secret.txt",
        "a/../../b": "link-out.jpg",
        "%2e%2e%2f": "C:/Windows/win.ini",
    }
    for slug, image in hostile.items():
        create_article(
            room.db,
            ArticleDraft(
                headline="Judul biasa",
                slug=slug,
                status="published",
                lead_image=image,
                published_at=NOW,
            ),
        )
    before = _all_files(tmp_path)
    report = publish()
    site = tmp_path / "site"
    files = site_files(site)
    made = _all_files(tmp_path) - before
    # Everything new is the site link, its two trees and the body cache; nothing else.
    assert {p for p in made if not p.startswith(("site", ".site.publish", "cache"))} == set()
    for place in (tmp_path, tmp_path.parent, tmp_path / "site" / "read"):
        assert not (place / "escaped").exists()
    assert b"do not publish" not in b"".join(files.values())
    pages = [p for p in files if p.startswith("read/") and p.endswith("index.html")]
    assert len(pages) == 1 + len(room.others) + len(hostile)  # published, without pictures
    assert all(".." not in p for p in files)
    assert len([p for p in report.problems if "lead image" in p.reason]) == len(hostile)


def test_missing_image_is_reported_not_fatal(room: Newsroom, publish: PublishFn, tmp_path: Path):
    (room.media / "2023" / "nato.jpg").unlink()
    report = publish()
    (problem,) = report.problems
    assert "missing" in problem.reason and "2023/nato.jpg" in problem.reason
    assert room.nato.id.hex[:8] in problem.path
    assert not (tmp_path / "site" / "media").exists()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_the_newsroom_database_is_never_copied_as_a_picture(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    """A picture that is the database itself (a hard link in the media folder): reading it
    outside SQLite would drop this process's locks, so it is left out and reported."""
    database = room.db.sqlite_file
    assert database is not None
    picture = room.media / "2023" / "nato.jpg"
    picture.unlink()
    os.link(database, picture)
    report = publish()
    (problem,) = report.problems
    assert "newsroom database" in problem.reason
    assert not (tmp_path / "site" / "media").exists()
    assert database.stat().st_ino in held_inodes()


def test_tree_writer_refuses_paths_that_leave_it(tmp_path: Path):
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "sneaky").symlink_to(tmp_path)
    writer = TreeWriter(tmp_path / "tree")
    for bad in ("../x.html", "/etc/x", "a/../../x", "", "a/..", "a//b", "sneaky/x.html"):
        with pytest.raises(PublishError):
            writer.target(bad)
    writer.write("ok/index.html", b"fine")
    writer.write("ok/index.html", b"better")
    assert (tmp_path / "tree/ok/index.html").read_bytes() == b"better"
    assert not (tmp_path / "x.html").exists()


def test_image_paths_are_cleaned_or_refused():
    assert str(relative_media_path("2023/./nato.jpg")) == "2023/nato.jpg"
    for bad in ("../x.jpg", "/x.jpg", "a/../../x.jpg", "C:/x.jpg", "", "a/\x00.jpg"):
        assert relative_media_path(bad) is None


def test_article_urls_use_the_newsroom_date_and_a_short_id():
    article_id = uuid.UUID("3d3b7bf3-0000-4000-8000-000000000000")
    late = datetime(2023, 5, 3, 17, 30, tzinfo=UTC)  # 00:30 on 4 May in WIB, 3 May in UTC
    assert article_path(late, article_id, "Jum'at Rp 4,5 triliun", "Asia/Jakarta") == (
        "/read/2023/05/04/3d3b7bf3/jumat-rp-4-5-triliun/"
    )
    assert article_path(late, article_id, "x", "Asia/Jayapura").startswith("/read/2023/05/04/")
    assert article_path(late, article_id, "../../etc", "UTC") == "/read/2023/05/03/3d3b7bf3/etc/"
    assert parse_article_path("/read/2023/05/04/3d3b7bf3/judul/?utm=x") == ("3d3b7bf3", "judul")
    assert parse_article_path("/berita/dunia/") is None


def test_sections_named_like_site_folders_move_under_kanal(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    assert section_path("berita/dunia") == "/berita/dunia/"
    assert section_path("read") == "/kanal/read/"
    assert ".." not in section_path("../..")
    read = create_section(room.db, "Read")
    create_article(
        room.db,
        ArticleDraft(headline="Resensi", section_id=read.id, status="published", published_at=NOW),
    )
    publish()
    files = site_files(tmp_path / "site")
    assert "kanal/read/index.html" in files
    assert b"Resensi" in files["kanal/read/index.html"]
