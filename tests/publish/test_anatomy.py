"""The published article page has the anatomy of the sample page (docs/architecture.md §3)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from tests.publish.conftest import PublishFn
from tests.publish.newsroom import Newsroom


def _page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / url.strip("/") / "index.html").read_bytes())


def _nato_url(site: Path, room: Newsroom) -> str:
    short = room.nato.id.hex[:8]
    (folder,) = (site / "read/2023/05/04" / short).iterdir()
    return f"/read/2023/05/04/{short}/{folder.name}/"


def test_article_page_matches_the_sample(room: Newsroom, publish: PublishFn, tmp_path: Path):
    publish()
    site = tmp_path / "site"
    url = _nato_url(site, room)
    assert url.endswith("/hadapi-ancaman-china-dan-rusia-nato-akan-buka-kantor-di-jepang/")
    page = _page(site, url)

    crumbs = [a.text_content() for a in page.cssselect("nav.breadcrumb a")]
    assert crumbs == ["Berita", "Dunia"]
    assert page.cssselect("figure.lead-image figcaption")[0].text_content() == "NATO/Net"
    assert page.cssselect("figure.lead-image .credit")[0].text_content() == "Net"
    assert page.cssselect("figure.lead-image img")[0].get("src") == "/media/2023/nato.jpg"
    assert page.cssselect("h1.headline")[0].text_content() == room.nato.headline
    assert page.cssselect("p.dateline")[0].text_content() == (
        "KAMIS, 04 MEI 2023 | 07:56 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"
    )
    body = page.cssselect("div.article-body p")
    assert body[0].text_content().startswith("Pakta Pertahanan Atlantik Utara (NATO)")
    assert [a.text_content() for a in page.cssselect("ul.tags a")] == ["NATO", "Jepang"]

    populer, update = page.cssselect("aside.sidebar section.rank-list")
    assert populer.cssselect("h2")[0].text_content() == "Populer"
    assert update.cssselect("h2")[0].text_content() == "UPDATE"
    # Populer follows the page views: article 1 had the most, NATO the fewest of five.
    popular_titles = [a.text_content() for a in populer.cssselect("li a")]
    assert popular_titles[0] == "Berita nasional nomor 1"
    assert popular_titles[-1] == room.nato.headline
    # UPDATE is newest first: NATO (07:56 WIB) then article 1 (06:56 WIB).
    first = update.cssselect("li")[0]
    assert first.cssselect("a")[0].text_content() == room.nato.headline
    assert first.cssselect("time")[0].text_content() == "Kamis, 04 Mei 2023 | 07:56"
    more = [(a.text_content(), a.get("href")) for a in page.cssselect("p.more a")]
    assert more == [("Selengkapnya", "/populer/"), ("Selengkapnya", "/update/")]


def test_article_page_carries_machine_readable_meta(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish()
    site = tmp_path / "site"
    url = _nato_url(site, room)
    page = _page(site, url)
    canonical = "https://warta.example.id" + url
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == canonical
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.cssselect("meta")}
    assert meta["og:title"] == room.nato.headline
    assert meta["og:url"] == canonical
    assert meta["og:image"] == "https://warta.example.id/media/2023/nato.jpg"
    assert meta["twitter:card"] == "summary_large_image"
    script, crumbs = page.cssselect('script[type="application/ld+json"]')
    assert json.loads(crumbs.text)["@type"] == "BreadcrumbList"
    data = json.loads(script.text)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == room.nato.headline
    assert data["datePublished"] == "2023-05-04T00:56:00Z"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Sarah Meiliana Gunawan",
            "url": "https://warta.example.id/penulis/sarah-meiliana-gunawan/",
        }
    ]
    copied = (site / "media/2023/nato.jpg").read_bytes()
    assert copied == (room.media / "2023/nato.jpg").read_bytes()


def test_lists_and_selengkapnya_pages(room: Newsroom, publish: PublishFn, tmp_path: Path):
    publish()
    site = tmp_path / "site"
    update = _page(site, "/update/")
    titles = [a.text_content() for a in update.cssselect("li.teaser h2 a")]
    assert titles[0] == room.nato.headline
    assert len(titles) == 1 + len(room.others)
    populer = _page(site, "/populer/")
    assert [a.text_content() for a in populer.cssselect("li.teaser h2 a")][:2] == [
        "Berita nasional nomor 1",
        "Berita nasional nomor 2",
    ]
    berita = _page(site, "/berita/")
    # A parent section lists its subsections' articles too.
    assert len(_front_titles(berita)) == 1 + len(room.others)
    dunia = _page(site, "/berita/dunia/")
    assert _front_titles(dunia) == [room.nato.headline]
    tag = _page(site, "/tag/politik/")
    assert len(tag.cssselect("li.teaser")) == len(room.others) // 2
    home = _page(site, "/")
    assert _front_titles(home)[0] == room.nato.headline
    assert [a.text_content() for a in home.cssselect("nav.site-nav a")] == [
        "Beranda",
        "Berita",
        "Dunia",
        "Nasional",
    ]


def _front_titles(page) -> list[str]:
    """A front page's stories in reading order: headline story, secondary row, the rest."""
    found = page.cssselect(".headline-story h2 a, .card h2 a, li.teaser h2 a, li.teaser h3 a")
    return [a.text_content() for a in found]


def test_section_pages_keep_older_stories_on_pages_numbered_from_the_oldest(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    room.add_dunia_stories(45)
    publish()
    site = tmp_path / "site"
    first = _page(site, "/berita/dunia/")
    oldest = _page(site, "/berita/dunia/page/1/")
    first_titles = _front_titles(first)
    # 46 stories: the oldest twenty on page 1, the other 26 on the first page.
    assert first_titles[:2] == [room.nato.headline, "Dunia 000"]
    assert len(first_titles) == 26 and first_titles[-1] == "Dunia 024"
    # The first page is the section's front: its headline story, then four secondary.
    assert [a.text_content() for a in first.cssselect(".headline-story h2 a")] == [
        room.nato.headline
    ]
    cards = [a.text_content() for a in first.cssselect(".card h2 a")]
    assert cards == ["Dunia 000", "Dunia 001", "Dunia 002", "Dunia 003"]
    assert _front_titles(oldest) == [f"Dunia {n:03d}" for n in range(25, 45)]
    assert first.cssselect('a[rel="next"]')[0].get("href") == "/berita/dunia/page/1/"
    assert oldest.cssselect('a[rel="prev"]')[0].get("href") == "/berita/dunia/"
    assert not oldest.cssselect('a[rel="next"]')
    assert oldest.cssselect("link[rel=canonical]")[0].get("href").endswith("/berita/dunia/page/1/")
    assert not (site / "berita/dunia/page/2").exists()


def test_a_sidebar_list_without_entries_says_so(room: Newsroom, publish: PublishFn, tmp_path: Path):
    from editor.models import PageView

    with room.db.transaction() as session:
        session.query(PageView).delete()
    publish()
    site = tmp_path / "site"
    page = _page(site, _nato_url(site, room))
    (populer,) = page.cssselect("section.rank-populer")
    assert populer.cssselect("li") == []
    assert populer.cssselect("p.empty")[0].text_content() == "Belum ada data."
    (update,) = page.cssselect("section.rank-update")
    assert update.cssselect("li") and not update.cssselect("p.empty")
