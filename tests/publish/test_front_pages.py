"""Home and section pages laid out like a portal's, the navigation, and the list pages.

The demo newsroom (photos and desk illustrations in the media library) is published and
read back as a reader's browser would: what sits in the headline story, the secondary
row and the section blocks, which links the navigation offers without any script, and
that every picture is described, sized and really there.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from editor.config import Settings
from editor.database import Database
from editor.demo import load_demo
from editor.publish.site import publish_site
from tests.publish.conftest import PublishFn
from tests.publish.newsroom import Newsroom

DEMO_NOW = datetime(2026, 1, 17, 0, 0, tzinfo=UTC)


def _page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url.strip("/") / "index.html").read_bytes())


def _texts(page: lxml.html.HtmlElement, selector: str) -> list[str]:
    return [element.text_content().strip() for element in page.cssselect(selector)]


@pytest.fixture
def demo_site(sqlite_db: Database, tmp_path: Path) -> Path:
    load_demo(sqlite_db, now=DEMO_NOW)
    site = tmp_path / "site"
    settings = Settings(database_url=sqlite_db.url, site_name="Warta")
    publish_site(sqlite_db, settings, site, now=DEMO_NOW, cache_dir=tmp_path / "cache")
    return site


def test_the_demo_home_page_reads_like_a_portal(demo_site: Path):
    home = _page(demo_site, "/")
    (story,) = home.cssselect("article.headline-story")
    # The newest story has a picture (its desk's illustration), so it leads, large.
    assert _texts(story, "h2") == ["Tembok Pertahanan Persib Kunci Sukses Juara Paruh Musim"]
    (lead_picture,) = story.cssselect("picture img")
    assert lead_picture.get("loading") is None  # above the fold: loads at once
    assert "46rem" in lead_picture.get("sizes")
    cards = home.cssselect("ul.secondary li.card")
    assert len(cards) == 4
    assert all(card.cssselect("picture img") for card in cards)
    assert _texts(cards[0], "h2") == ["Tabur Bunga Dharma Samudera"]
    # Then the latest of each section, in the navigation's order, never repeating a story
    # shown above.
    blocks = home.cssselect("section.section-block")
    names = [_texts(block, "h2.block-title")[0] for block in blocks]
    assert names == ["Dunia", "Ekonomi", "Hukum", "Politik"]
    above = set(_texts(home, ".headline-story h2, .card h2"))
    for block in blocks:
        titles = _texts(block, "li.teaser h3")
        assert 1 <= len(titles) <= 4 and not above & set(titles)
        assert block.cssselect("li.teaser")[0].cssselect("picture img")
        assert block.cssselect("p.more a")[0].get("href") == block.cssselect("h2 a")[0].get("href")
    assert _texts(home, "aside.sidebar h2") == ["Populer", "UPDATE"]
    assert _texts(home, "h1") == ["Warta"]


def test_navigation_offers_every_section_without_script_and_marks_the_current_one(
    demo_site: Path,
):
    home = _page(demo_site, "/")
    assert _texts(home, "nav.site-nav ul.nav-main a") == ["Beranda", "Berita"]
    subsections = ["Dunia", "Ekonomi", "Hukum", "Metropolitan", "Nusantara", "Olahraga", "Politik"]
    assert _texts(home, "nav.site-nav ul.nav-sub a") == subsections
    assert not home.cssselect("script:not([type='application/ld+json'])")
    assert [a.get("aria-current") for a in home.cssselect("ul.nav-main a")] == ["page", None]
    dunia = _page(demo_site, "/berita/dunia/")
    current = {a.text_content(): a.get("aria-current") for a in dunia.cssselect("nav.site-nav a")}
    assert current["Berita"] == "true" and current["Dunia"] == "page"
    assert current["Beranda"] is None and current["Politik"] is None
    # An article marks its section as where the reader is, not as the page itself.
    link = dunia.cssselect(".headline-story h2 a")[0].get("href")
    article = _page(demo_site, link)
    current = {a.text_content(): a.get("aria-current") for a in article.cssselect("nav.site-nav a")}
    assert current["Berita"] == current["Dunia"] == "true"
    # Every section link leads to a page that exists.
    for href in {a.get("href") for a in home.cssselect("nav.site-nav a")}:
        assert (demo_site / href.strip("/") / "index.html").is_file(), href


def test_the_populer_and_update_pages_do_not_repeat_their_list_beside_themselves(
    demo_site: Path,
):
    populer = _page(demo_site, "/populer/")
    assert _texts(populer, "aside.sidebar h2") == ["UPDATE"]
    assert populer.cssselect("ol.teasers.numbered li.teaser")
    update = _page(demo_site, "/update/")
    assert _texts(update, "aside.sidebar h2") == ["Populer"]
    article = _page(demo_site, _page(demo_site, "/").cssselect(".card h2 a")[0].get("href"))
    assert _texts(article, "aside.sidebar h2") == ["Populer", "UPDATE"]


def test_author_pages_list_the_reporters_stories_with_their_pictures(demo_site: Path):
    page = _page(demo_site, "/penulis/sarah-meiliana-gunawan/")
    assert _texts(page, "p.eyebrow") == ["Penulis"]
    assert _texts(page, "h1") == ["Sarah Meiliana Gunawan"]
    titles = _texts(page, "li.teaser h2")
    assert "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang" in titles
    assert all(item.cssselect("picture img") for item in page.cssselect("li.teaser"))
    # The article names its writer with a link to that page.
    nato = next((demo_site / "read/2023/05/04").glob("*/*/index.html"))
    links = lxml.html.fromstring(nato.read_bytes()).cssselect("p.authors a[rel=author]")
    assert [a.get("href") for a in links] == ["/penulis/sarah-meiliana-gunawan/"]


def test_every_picture_of_the_demo_site_is_described_sized_and_present(demo_site: Path):
    checked = 0
    for path in demo_site.rglob("*.html"):
        page = lxml.html.fromstring(path.read_bytes())
        for img in page.iter("img"):
            where = f"{path.relative_to(demo_site)}: {img.get('src')}"
            assert img.get("alt", "").strip(), where
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0, where
            checked += 1
        for element in [*page.iter("img"), *page.iter("source")]:
            urls = [element.get("src") or ""]
            urls += [
                part.strip().split(" ")[0] for part in (element.get("srcset") or "").split(",")
            ]
            for url in filter(None, urls):
                assert (demo_site / url.lstrip("/")).is_file(), f"{path}: {url}"
    assert checked > 100


def test_an_edit_far_down_a_section_changes_the_home_page_block_that_shows_it(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    """The home page's section blocks reach past the newest stories: their fingerprint
    must too, or an incremental publish would keep a stale headline there."""
    publish()
    site = tmp_path / "site"
    block = _texts(_page(site, "/"), "section.section-block li.teaser h3")
    assert "Berita nasional nomor 6" in block
    room.edit(room.others[5], headline="Judul yang diperbaiki")
    report = publish()
    assert "index.html" in report.written
    block = _texts(_page(site, "/"), "section.section-block li.teaser h3")
    assert "Judul yang diperbaiki" in block and "Berita nasional nomor 6" not in block
