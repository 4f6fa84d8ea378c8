"""Fixtures for publish tests: a small newsroom like the sample page, and a publish helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from editor.config import Settings
from editor.database import Database
from editor.publish.report import PublishReport
from editor.publish.site import publish_site
from tests.publish.newsroom import NOW, Newsroom, build_newsroom

SETTINGS = Settings(
    database_url="sqlite://", site_name="Warta Contoh", base_url="https://warta.example.id"
)


@pytest.fixture
def room(sqlite_db: Database, tmp_path: Path) -> Newsroom:
    return build_newsroom(sqlite_db, tmp_path / "media")


PublishFn = Callable[..., PublishReport]


@pytest.fixture
def publish(room: Newsroom, tmp_path: Path) -> PublishFn:
    """``publish(out=..., now=..., **options)``: publish the newsroom, tests' defaults filled in."""

    def run(out: Path | None = None, **options: Any) -> PublishReport:
        options.setdefault("now", NOW)
        options.setdefault("media_dir", room.media)
        options.setdefault("cache_dir", tmp_path / "cache")
        return publish_site(room.db, SETTINGS, out or tmp_path / "site", **options)

    return run


BodyEdit = Callable[[], tuple[PublishReport, list[str]]]


@pytest.fixture
def body_edit(room: Newsroom, publish: PublishFn) -> BodyEdit:
    """``body_edit()``: edit one article's body and publish; the report, and the files
    such an edit must write (its page and copy, the feeds that carry it, the sitemap)."""

    def run() -> tuple[PublishReport, list[str]]:
        edited = room.others[4]
        room.edit(edited, body="Isi baru untuk artikel ini.\n")
        report = publish()
        folder = next(p for p in report.written if edited.id.hex[:8] in p).rsplit("/", 1)[0]
        expected = [
            f"{folder}/index.html",
            f"{folder}/ninjs.json",
            "atom.xml",
            "rss.xml",
            "berita/atom.xml",
            "berita/rss.xml",
            "berita/nasional/atom.xml",
            "berita/nasional/rss.xml",
            "sitemap.xml",
        ]
        return report, sorted(expected)

    return run


def site_files(root: Path) -> dict[str, bytes]:
    """Every file of a published site by its path inside the site."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
