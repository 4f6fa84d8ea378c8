"""Every output is read back by a real consumer: html5lib, jsonschema, feedparser, lxml."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import html5lib
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from lxml import etree

from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import Newsroom
from tests.publish.sitemap_schemas import sitemap_errors

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "ninjs-schema_3.1.json").read_text())
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_URLSET = f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">{{}}</urlset>'


@pytest.fixture
def site(room: Newsroom, publish: PublishFn, tmp_path: Path) -> dict[str, bytes]:
    publish()
    return site_files(tmp_path / "site")


def test_every_page_is_valid_html5(site: dict[str, bytes]):
    pages = [path for path in site if path.endswith("index.html")]
    assert len(pages) > 15
    for path in pages:
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(site[path])
        except html5lib.html5parser.ParseError as error:  # pragma: no cover - shows the page
            pytest.fail(f"{path}: {error}")
        assert b"<script" not in site[path].replace(b'<script type="application/ld+json">', b"")


def test_every_ninjs_file_validates_with_format_checks(site: dict[str, bytes], room: Newsroom):
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    checker = FormatChecker()
    # The checks must really run: a bad date-time and a bad URI are refused.
    assert not checker.conforms("4 Mei 2023", "date-time")
    assert not checker.conforms("not a uri", "uri")
    files = [path for path in site if path.endswith("ninjs.json")]
    assert len(files) == 1 + len(room.others)
    for path in files:
        doc = json.loads(site[path])
        errors = sorted(validator.iter_errors(doc), key=str)
        assert not errors, f"{path}: {errors[0].message}"
    nato = next(json.loads(site[p]) for p in files if room.nato.id.hex[:8] in p)
    assert nato["uri"] == f"urn:uuid:{room.nato.id}"
    assert nato["headlines"][0]["value"] == room.nato.headline
    assert nato["by"] == "Sarah Meiliana Gunawan"
    assert nato["associations"][0]["by"] == "Net"
    assert "kantor penghubung di Jepang" in nato["bodies"][0]["value"]


def test_a_broken_ninjs_document_is_caught_by_the_schema():
    validator = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
    assert list(validator.iter_errors({"uri": "urn:uuid:x", "firstCreated": "kemarin"}))


def test_every_feed_parses_without_errors(site: dict[str, bytes], room: Newsroom):
    feeds = [path for path in site if path.endswith(("rss.xml", "atom.xml"))]
    # The site, Berita, Dunia and Nasional each have RSS and Atom.
    assert len(feeds) == 8
    for path in feeds:
        parsed = feedparser.parse(site[path])
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    rss = feedparser.parse(site["rss.xml"])
    assert rss.version == "rss20"
    assert rss.entries[0].title == room.nato.headline
    assert rss.entries[0].link.startswith("https://warta.example.id/read/2023/05/04/")
    atom = feedparser.parse(site["berita/dunia/atom.xml"])
    assert atom.version == "atom10"
    assert [entry.title for entry in atom.entries] == [room.nato.headline]


def test_sitemaps_parse_and_list_every_article(site: dict[str, bytes], room: Newsroom):
    checked = [path for path in site if path.endswith("sitemap.xml")]
    assert checked == ["news-sitemap.xml", "sitemap.xml"]
    for path in checked:
        assert not sitemap_errors(site[path]), (path, sitemap_errors(site[path]))
    tree = etree.fromstring(site["sitemap.xml"])
    assert tree.tag == f"{{{SITEMAP_NS}}}urlset"
    locs = [loc.text for loc in tree.iter(f"{{{SITEMAP_NS}}}loc")]
    articles = [loc for loc in locs if "/read/" in loc]
    assert len(articles) == 1 + len(room.others)
    news = etree.fromstring(site["news-sitemap.xml"])
    titles = [t.text for t in news.iter(f"{{{NEWS_NS}}}title")]
    # NOW is a day after these articles: all are inside the two-day window.
    assert room.nato.headline in titles
    assert len(titles) == 1 + len(room.others)


def test_sidebar_lists_as_json(site: dict[str, bytes], room: Newsroom):
    update = json.loads(site["sidebar/update.json"])["items"]
    assert update[0]["headline"] == room.nato.headline
    assert update[0]["time"] == "Kamis, 04 Mei 2023 | 07:56"
    assert update[0]["url"].startswith("https://warta.example.id/read/")
    popular = json.loads(site["sidebar/populer.json"])["items"]
    assert [item["views"] for item in popular] == [100, 90, 80, 70, 50]
    # Embedded lists need no fragments: nothing else in the site is half a page.
    assert not [path for path in site if path.startswith("sidebar/") and "json" not in path]


def test_ssi_pages_are_valid_html5_and_include_the_shared_fragment(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish(sidebar_mode="ssi")
    files = site_files(tmp_path / "site")
    # Fragments have their own extension: a whole-site check of .html files skips them.
    assert not [p for p in files if p.startswith("sidebar/") and p.endswith(".html")]
    fragment = html5lib.parseFragment(
        files["sidebar/update.inc"].decode(), namespaceHTMLElements=False
    )
    assert fragment.find(".//h2").text == "UPDATE"
    assert b"Populer" not in files["sidebar/update.inc"]
    assert b"Selengkapnya" in files["sidebar/sidebar.inc"]
    # The Populer and UPDATE pages include only the other list: theirs is the page.
    fragments = {"populer/index.html": b"update.inc", "update/index.html": b"populer.inc"}
    for path in [p for p in files if p.endswith("index.html")]:
        html5lib.HTMLParser(strict=True).parse(files[path])
        fragment = fragments.get(path, b"sidebar.inc")
        assert b'<!--#include virtual="/sidebar/' + fragment + b'" -->' in files[path], path
        assert b'<a href="/update/">UPDATE</a>' in files[path]  # for readers without SSI
        assert b"rank-list" not in files[path]


def test_markup_in_user_text_is_escaped_everywhere(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    from editor.articles import create_article
    from editor.records import ArticleDraft
    from tests.publish.newsroom import NOW

    nasty = '</script><script>alert("x")</script> & <b>tebal</b>'
    create_article(
        room.db,
        ArticleDraft(
            headline=nasty,
            lead=nasty,
            body="Teks <script>alert(1)</script> biasa.\n",
            tags=(nasty,),
            status="published",
            published_at=NOW,
        ),
    )
    publish()
    files = site_files(tmp_path / "site")
    for path, data in files.items():
        if not path.endswith(".json"):  # JSON carries the text as data, which is right
            assert b"<script>alert" not in data, path
    page = next(data for path, data in files.items() if "script-alert" in path and "index" in path)
    parsed = html5lib.parse(page, namespaceHTMLElements=False)
    assert parsed.find(".//h1").text == nasty
    script, crumbs = [s for s in parsed.iter("script")]
    assert json.loads(script.text)["headline"] == nasty
    assert json.loads(crumbs.text)["itemListElement"][-1]["name"] == nasty
    for path in [p for p in files if p.endswith(("rss.xml", "atom.xml"))]:
        assert not feedparser.parse(files[path]).bozo, path
    for path in [p for p in files if p.endswith("ninjs.json")]:
        assert "<script" not in json.loads(files[path])["bodies"][0]["value"], path


def test_the_sitemap_schemas_refuse_what_crawlers_would():
    assert sitemap_errors(_URLSET.format("").encode())  # an empty urlset
    news = (
        "<url><loc>https://warta.example.id/a/</loc><news:news><news:publication>"
        "<news:name>Warta</news:name><news:language>{}</news:language></news:publication>"
        "<news:publication_date>2023-05-04T00:56:00Z</news:publication_date>"
        "<news:title>Judul</news:title></news:news></url>"
    )
    assert not sitemap_errors(_URLSET.format(news.format("id")).encode())
    assert sitemap_errors(_URLSET.format(news.format("Bahasa")).encode())
    index = f'<sitemapindex xmlns="{SITEMAP_NS}"><sitemap><loc>{{}}</loc></sitemap></sitemapindex>'
    assert not sitemap_errors(index.format("https://warta.example.id/sitemap-1.xml").encode())
    assert sitemap_errors(index.format("s-1.xml").encode())  # shorter than any absolute URL


def test_characters_xml_forbids_in_a_headline_leave_feeds_and_sitemaps_readable(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    """A vertical tab pasted from a word processor, a non-character: the files stay XML,
    and no page carries them either."""
    from editor.articles import create_article
    from editor.records import ArticleDraft
    from tests.publish.newsroom import NOW

    create_article(
        room.db,
        ArticleDraft(
            headline="Judul\x0bdari\x0cpengolah kata \ufffe",
            body="Isi.\n",
            tags=("Tag\x01",),
            status="published",
            published_at=NOW,
        ),
    )
    publish()
    files = site_files(tmp_path / "site")
    for path in ("sitemap.xml", "news-sitemap.xml"):
        assert not sitemap_errors(files[path]), path
    assert b"<news:title>Judul dari pengolah kata </news:title>" in (files["news-sitemap.xml"])
    for path in [p for p in files if p.endswith(("rss.xml", "atom.xml"))]:
        etree.fromstring(files[path])  # raises on a character XML forbids
        assert not feedparser.parse(files[path]).bozo, path
    forbidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe]")
    texts = {p: d.decode() for p, d in files.items() if p.endswith((".html", ".xml", ".json"))}
    assert len(texts) > 20
    assert not [path for path, text in texts.items() if forbidden.search(text)]
    page = next(data for path, data in files.items() if "judul-dari" in path and "index" in path)
    assert b'<h1 class="headline">Judul dari pengolah kata </h1>' in page
