"""Publishing the demo newsroom reproduces the house-style sample article.

The anatomy is described in docs/architecture.md §3.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import html5lib
import lxml.html

from editor.config import Settings
from editor.database import Database
from editor.demo import load_demo
from editor.publish.site import publish_site

#: The sample page's sidebar shows UPDATE up to 17 January 2026, 03:36 WIB.
NOW = datetime(2026, 1, 17, 0, 0, tzinfo=UTC)


def test_demo_article_page_has_the_sample_anatomy(sqlite_db: Database, tmp_path: Path):
    load_demo(sqlite_db, now=NOW)
    settings = Settings(database_url=sqlite_db.url)
    publish_site(sqlite_db, settings, tmp_path / "site", now=NOW, cache_dir=tmp_path / "c")
    (page_file,) = (tmp_path / "site" / "read/2023/05/04").glob(
        "*/hadapi-ancaman-china-dan-rusia-nato-akan-buka-kantor-di-jepang/index.html"
    )
    page = lxml.html.fromstring(page_file.read_bytes())
    assert [a.text_content() for a in page.cssselect("nav.breadcrumb a")] == ["Berita", "Dunia"]
    caption = page.cssselect("figure.lead-image figcaption")[0].text_content()
    assert caption == "Ilustrasi: mawar kompas, lambang NATO/Redaksi"
    (picture,) = page.cssselect("figure.lead-image picture img")
    assert picture.get("alt").startswith("Mawar kompas")
    assert (picture.get("width"), picture.get("height")) == ("1600", "900")
    assert page.cssselect("h1.headline")[0].text_content() == (
        "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"
    )
    assert page.cssselect("p.dateline")[0].text_content() == (
        "KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"
    )
    paragraphs = [p.text_content() for p in page.cssselect("div.article-body p")]
    assert paragraphs[0].startswith("Pakta Pertahanan Atlantik Utara (NATO) berencana")
    assert paragraphs[-1].startswith("Jepang dan NATO berusaha")
    headings = [h.text_content() for h in page.cssselect("aside.sidebar h2")]
    assert headings == ["Populer", "UPDATE"]
    update = page.cssselect("section.rank-update li")
    assert update[0].cssselect("a")[0].text_content() == (
        "Tembok Pertahanan Persib Kunci Sukses Juara Paruh Musim"
    )
    assert update[0].cssselect("time")[0].text_content() == "Sabtu, 17 Januari 2026 | 03:36"
    assert len(update) == 10
    assert [a.text_content() for a in page.cssselect("p.more a")] == ["Selengkapnya"] * 2


def test_demo_populer_follows_page_views(sqlite_db: Database, tmp_path: Path):
    # The demo seeds page views over the day before loading, most for the sample's first.
    load_demo(sqlite_db, now=NOW)
    publish_site(
        sqlite_db,
        Settings(database_url=sqlite_db.url),
        tmp_path / "site",
        now=NOW,
        cache_dir=tmp_path / "c",
    )
    home = lxml.html.fromstring((tmp_path / "site/index.html").read_bytes())
    popular = home.cssselect("section.rank-populer li")
    assert popular[0].cssselect("a")[0].text_content() == "Kolaborasi dengan Turki"
    assert popular[0].cssselect("time")[0].text_content() == "Minggu, 11 Januari 2026 | 04:59"


def test_every_page_of_the_demo_site_is_strict_html5_with_whole_pictures(
    sqlite_db: Database, tmp_path: Path
):
    """The demo site as a whole-site checker sees it: every .html file a full HTML5
    document without a parse error, and every picture described, sized and present."""
    load_demo(sqlite_db, now=NOW)
    site = tmp_path / "site"
    publish_site(
        sqlite_db, Settings(database_url=sqlite_db.url), site, now=NOW, cache_dir=tmp_path / "c"
    )
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    pictures = 0
    for path in pages:
        data = path.read_bytes()
        assert data.startswith(b"<!DOCTYPE html>"), path
        try:
            html5lib.HTMLParser(strict=True).parse(data)
        except html5lib.html5parser.ParseError as error:  # pragma: no cover - names the page
            raise AssertionError(f"{path.relative_to(site)}: {error}") from None
        for img in lxml.html.fromstring(data).iter("img"):
            pictures += 1
            where = f"{path.relative_to(site)}: {img.get('src')}"
            assert img.get("alt"), where
            assert int(img.get("width")) > 0 and int(img.get("height")) > 0, where
            for candidate in [img.get("src"), *(img.get("srcset") or "").split(",")]:
                url = candidate.strip().split(" ")[0]
                if url:
                    assert (site / url.lstrip("/")).is_file(), where
    assert pictures > 0
