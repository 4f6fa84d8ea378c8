"""Sitemaps split at the protocol limits, with an index that lists the parts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from lxml import etree

from editor.models import PageView
from editor.publish import sitemaps
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NOW, Newsroom
from tests.publish.sitemap_schemas import sitemap_errors

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _locs(data: bytes) -> list[str]:
    return [loc.text or "" for loc in etree.fromstring(data).iter(f"{NS}loc")]


def test_sitemaps_split_into_parts_with_an_index(
    room: Newsroom, publish: PublishFn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(sitemaps, "SITEMAP_LIMIT", 5)
    monkeypatch.setattr(sitemaps, "NEWS_LIMIT", 4)
    publish()
    files = site_files(tmp_path / "site")
    index = etree.fromstring(files["news-sitemap.xml"])
    assert index.tag == f"{NS}sitemapindex"
    parts = [loc.split("/")[-1] for loc in _locs(files["news-sitemap.xml"])]
    assert parts == ["news-sitemap-1.xml", "news-sitemap-2.xml", "news-sitemap-3.xml"]
    news = [loc for part in parts for loc in _locs(files[part])]
    assert len(news) == len(set(news)) == 1 + len(room.others)
    assert all(len(_locs(files[part])) <= 4 for part in parts)
    pages = [loc.split("/")[-1] for loc in _locs(files["sitemap.xml"])]
    everything = [loc for part in pages for loc in _locs(files[part])]
    assert sum("/read/" in loc for loc in everything) == 1 + len(room.others)
    for name in ["news-sitemap.xml", "sitemap.xml", *parts, *pages]:
        assert not sitemap_errors(files[name]), (name, sitemap_errors(files[name]))


def test_news_sitemap_keeps_only_the_last_two_days(room: Newsroom, publish: PublishFn, tmp_path):
    publish()
    files = site_files(tmp_path / "site")
    assert len(_locs(files["news-sitemap.xml"])) == 1 + len(room.others)
    assert files["robots.txt"].decode().splitlines()[-2:] == [
        "Sitemap: https://warta.example.id/sitemap.xml",
        "Sitemap: https://warta.example.id/news-sitemap.xml",
    ]
    publish(now=NOW + timedelta(days=2, hours=2))
    files = site_files(tmp_path / "site")
    # Two days and two hours after NOW, every article (3 and 4 May) is older than two days:
    # an empty <urlset> breaks the sitemap schema (one <url> at least), so the file goes,
    # and robots.txt stops naming it.
    assert "news-sitemap.xml" not in files
    assert "news-sitemap" not in files["robots.txt"].decode()
    assert "Sitemap: https://warta.example.id/sitemap.xml" in files["robots.txt"].decode()
    assert sum("/read/" in loc for loc in _locs(files["sitemap.xml"])) == 1 + len(room.others)
    for name, data in files.items():
        if name.endswith(".xml") and b"<urlset" in data:
            assert _locs(data), f"{name} is an empty urlset"


def test_popular_window_is_selectable(room: Newsroom, publish: PublishFn, tmp_path: Path):
    with room.db.transaction() as session:
        session.add(
            PageView(article_id=room.others[7].id, hour=NOW - timedelta(days=10), views=10**6)
        )
    publish(popular_window=timedelta(days=7))
    week = site_files(tmp_path / "site")["sidebar/populer.json"]
    publish(popular_window=timedelta(days=30))
    month = site_files(tmp_path / "site")["sidebar/populer.json"]
    assert room.others[7].headline.encode() not in week
    assert month.index(room.others[7].headline.encode()) < month.index(b'nomor 1"')
