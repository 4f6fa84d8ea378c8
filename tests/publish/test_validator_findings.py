"""What the validators found on the published site, each checked the way a consumer reads it.

Descriptions, JSON-LD (breadcrumbs, publisher logo, author pages), feeds (empty Atom
feeds, descriptions, picture enclosures, advertised section feeds), sitemap dates, the
favicon and the share picture.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import feedparser
import html5lib
import pytest
from lxml import etree
from PIL import Image

from editor.articles import create_article
from editor.publish.site import publish_site
from editor.records import ArticleDraft
from editor.sections import create_section
from tests.publish.conftest import SETTINGS, PublishFn, site_files
from tests.publish.newsroom import NATO_TIME, NOW, Newsroom

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://warta.example.id"


def _page(files: dict[str, bytes], path: str):
    return html5lib.parse(files[path], namespaceHTMLElements=False)


def _meta(doc, attribute: str, name: str) -> str | None:
    for meta in doc.iter("meta"):
        if meta.get(attribute) == name:
            return meta.get("content")
    return None


def _json_ld(doc) -> list[dict]:
    return [
        json.loads(s.text) for s in doc.iter("script") if s.get("type") == "application/ld+json"
    ]


def _nato_page(files: dict[str, bytes], room: Newsroom) -> str:
    return next(p for p in files if room.nato.id.hex[:8] in p and p.endswith("index.html"))


@pytest.fixture
def files(room: Newsroom, publish: PublishFn, tmp_path: Path) -> dict[str, bytes]:
    publish()
    return site_files(tmp_path / "site")


def test_pages_describe_themselves_with_the_lead_else_the_first_sentence(
    files: dict[str, bytes], room: Newsroom
):
    # The NATO article has no lead: its body's first sentence describes it.
    doc = _page(files, _nato_page(files, room))
    sentence = (
        "Pakta Pertahanan Atlantik Utara (NATO) berencana melebarkan sayapnya dengan "
        "membuka kantor penghubung di Jepang."
    )
    assert _meta(doc, "name", "description") == sentence
    assert _meta(doc, "property", "og:description") == sentence
    other = room.others[0]
    doc = _page(files, next(p for p in files if other.id.hex[:8] in p and "index" in p))
    assert _meta(doc, "name", "description") == "Ringkasan berita 1."
    for path in [p for p in files if p.endswith("index.html")]:
        assert _meta(_page(files, path), "name", "description"), path


def test_json_ld_has_breadcrumbs_publisher_logo_and_author_pages(
    files: dict[str, bytes], room: Newsroom
):
    article, crumbs = _json_ld(_page(files, _nato_page(files, room)))
    assert [item["name"] for item in crumbs["itemListElement"]] == [
        "Warta Contoh",
        "Berita",
        "Dunia",
        room.nato.headline,
    ]
    assert crumbs["itemListElement"][2]["item"] == f"{BASE}/berita/dunia/"
    logo = article["publisher"]["logo"]
    picture = Image.open(io.BytesIO(files[logo["url"].removeprefix(BASE + "/")]))
    assert (picture.width, picture.height) == (logo["width"], logo["height"])
    assert picture.width <= 600 and picture.height <= 60
    (author,) = article["author"]
    assert author["url"] == f"{BASE}/penulis/sarah-meiliana-gunawan/"
    author_page = _page(files, "penulis/sarah-meiliana-gunawan/index.html")
    listed = [a.text for a in author_page.iter("a") if a.get("href", "").startswith("/read/")]
    assert room.nato.headline in listed
    assert all(o.headline in listed for o in room.others)


def test_an_empty_section_feed_is_dated_by_the_site_not_1970(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    create_section(room.db, "Olahraga")
    publish()
    files = site_files(tmp_path / "site")
    assert b"1970" not in files["olahraga/atom.xml"]
    feed = feedparser.parse(files["olahraga/atom.xml"])
    assert not feed.bozo and feed.entries == []
    # The site's newest change: what the sitemap says of the newest article.
    entries = list(etree.fromstring(files["sitemap.xml"]).iter(f"{SITEMAP}url"))
    newest = max(e.findtext(f"{SITEMAP}lastmod") or "" for e in entries)
    assert feed.feed.updated == newest
    # The section's page is in the sitemap, without a made-up date.
    olahraga = next(e for e in entries if e.findtext(f"{SITEMAP}loc") == f"{BASE}/olahraga/")
    assert olahraga.find(f"{SITEMAP}lastmod") is None


def test_feed_items_without_a_lead_are_described_and_carry_their_picture(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    (room.media / "2023" / "nato.jpg").write_bytes(_jpeg())
    publish()
    files = site_files(tmp_path / "site")
    rss = feedparser.parse(files["berita/dunia/rss.xml"])
    (item,) = rss.entries
    assert item.summary.startswith("Pakta Pertahanan Atlantik Utara (NATO) berencana")
    (enclosure,) = item.enclosures
    assert enclosure.href == f"{BASE}/media/2023/nato.jpg"
    assert int(enclosure.length) == len(files["media/2023/nato.jpg"])
    assert enclosure.type == "image/jpeg"
    atom = feedparser.parse(files["berita/dunia/atom.xml"])
    assert atom.entries[0].summary.startswith("Pakta Pertahanan")
    assert [link.href for link in atom.entries[0].links if link.rel == "enclosure"] == [
        f"{BASE}/media/2023/nato.jpg"
    ]


def test_section_pages_advertise_their_own_feeds(files: dict[str, bytes]):
    doc = _page(files, "berita/dunia/index.html")
    feeds = {
        (link.get("type"), link.get("href"))
        for link in doc.iter("link")
        if link.get("rel") == "alternate"
    }
    assert ("application/rss+xml", "/berita/dunia/rss.xml") in feeds
    assert ("application/atom+xml", "/berita/dunia/atom.xml") in feeds
    for _kind, href in feeds:
        assert href.lstrip("/") in files


def test_sitemap_dates_lists_by_the_newest_change_of_their_articles(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    room.edit(room.others[3], body="Isi yang diperbaiki.\n")
    publish()
    files = site_files(tmp_path / "site")
    dates = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in etree.fromstring(files["sitemap.xml"]).iter(f"{SITEMAP}url")
    }
    edited = next(loc for loc in dates if room.others[3].id.hex[:8] in loc)
    newest = max(d for loc, d in dates.items() if "/read/" in loc)
    assert dates[edited] == newest  # the edit is the newest change of the site
    assert dates[f"{BASE}/"] == dates[f"{BASE}/berita/"] == dates[f"{BASE}/update/"] == newest
    assert dates[f"{BASE}/berita/dunia/"] == dates[next(loc for loc in dates if "hadapi" in loc)]


def test_every_page_has_a_favicon_and_a_share_picture(files: dict[str, bytes], room: Newsroom):
    icon = Image.open(io.BytesIO(files["favicon.ico"]))
    assert icon.format == "ICO"
    # The NATO page's own picture is a broken file here: so it is shared with the site's.
    other = next(p for p in files if room.others[0].id.hex[:8] in p and "index" in p)
    for path in ("index.html", "berita/dunia/index.html", other):
        doc = _page(files, path)
        assert [lk.get("href") for lk in doc.iter("link") if lk.get("rel") == "icon"] == [
            "/favicon.ico"
        ]
        share = _meta(doc, "property", "og:image")
        assert share == f"{BASE}/assets/share.png", path
    share = Image.open(io.BytesIO(files["assets/share.png"]))
    assert share.size == (1200, 630)


def test_the_newsroom_logo_and_icon_come_from_the_system_configuration(
    room: Newsroom, tmp_path: Path
):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (1200, 200), (0, 80, 160)).save(logo)
    icon = tmp_path / "icon.png"
    Image.new("RGB", (64, 64), (0, 160, 80)).save(icon)
    settings = replace(SETTINGS, site_logo=str(logo), site_icon=str(icon))
    publish_site(room.db, settings, tmp_path / "site", now=NOW, cache_dir=tmp_path / "c")
    files = site_files(tmp_path / "site")
    shown = Image.open(io.BytesIO(files["assets/logo.png"]))
    assert shown.size == (360, 60)  # fitted into 600 x 60, proportions kept
    assert shown.convert("RGB").getpixel((10, 10)) == (0, 80, 160)
    favicon = Image.open(io.BytesIO(files["favicon.ico"])).convert("RGB")
    assert favicon.getpixel((5, 5)) == (0, 160, 80)
    home = _page(files, "index.html")
    (img,) = [i for i in home.iter("img") if i.get("src") == "/assets/logo.png"]
    assert (img.get("alt"), img.get("width"), img.get("height")) == ("Warta Contoh", "360", "60")


def test_an_unusable_logo_is_reported_and_the_drawn_one_used(room: Newsroom, tmp_path: Path):
    fake = tmp_path / "logo.png"
    fake.write_text("<html>not a picture</html>")
    settings = replace(SETTINGS, site_logo=str(fake))
    report = publish_site(room.db, settings, tmp_path / "site", now=NOW, cache_dir=tmp_path / "c")
    (problem,) = [p for p in report.problems if p.path == str(fake)]
    assert "site logo" in problem.reason
    files = site_files(tmp_path / "site")
    assert Image.open(io.BytesIO(files["assets/logo.png"])).height == 60


def test_the_whole_site_parses_as_strict_html5_in_both_sidebar_modes(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    create_article(
        room.db,
        ArticleDraft(
            headline="Tanpa ringkasan",
            body="Kalimat pertama. Kalimat kedua.\n",
            status="published",
            published_at=NATO_TIME - timedelta(days=1),
        ),
    )
    for mode in ("embed", "ssi"):
        publish(sidebar_mode=mode)
        files = site_files(tmp_path / "site")
        html = [path for path in files if path.endswith(".html")]
        assert len(html) > 15
        for path in html:
            assert files[path].startswith(b"<!DOCTYPE html>"), path
            html5lib.HTMLParser(strict=True).parse(files[path])


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(out, format="JPEG")
    return out.getvalue()
