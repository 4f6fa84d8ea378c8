"""A migrated page's last change (Hugo ``lastmod``, Jekyll ``last_modified_at``) is the
page's modified time: the published page, the sitemap's ``<lastmod>`` and the feed's
``<updated>`` say when it changed on the old site, not the day it moved, while the
article's updated time stays the newsroom's own change stamp."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import html5lib
from lxml import etree

from editor.articles import get_article
from editor.config import Settings
from editor.database import Database
from editor.importer import import_paths
from editor.publish.site import publish_site

SETTINGS = Settings(
    database_url="sqlite://", site_name="Kabar Kota", base_url="https://kabarkota.id"
)
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def test_lastmod_dates_the_page_the_sitemap_and_the_feed(
    sqlite_db: Database, tmp_path: Path
) -> None:
    site = tmp_path / "sources"
    write(
        site / "hugo/content/posts/banjir.md",
        "---\ntitle: Banjir Surut\ndate: 2023-01-10T08:00:00+07:00\n"
        "lastmod: 2023-02-20T09:30:00+07:00\n---\nAir surut.\n",
    )
    write(
        site / "jekyll/_posts/2023-03-01-pasar.md",
        "---\ntitle: Pasar Baru Dibuka\ndate: 2023-03-01 10:00:00 +0700\n"
        "last_modified_at: 2023-04-02 11:00:00 +0700\n---\nPasar dibuka.\n",
    )
    write(
        site / "hugo/content/posts/tanpa.md",
        "---\ntitle: Tanpa Perubahan\ndate: 2023-05-05T07:00:00+07:00\n---\nIsi.\n",
    )
    report = import_paths(sqlite_db, [site / "hugo", site / "jekyll"])
    assert report.problems == []
    updated = {f.headline: get_article(sqlite_db, f.article_id).modified_at for f in report.created}
    assert updated["Banjir Surut"] == datetime(2023, 2, 20, 2, 30, tzinfo=UTC)
    assert updated["Pasar Baru Dibuka"] == datetime(2023, 4, 2, 4, 0, tzinfo=UTC)
    # Without lastmod, as in Hugo, the page changed when it was published.
    assert updated["Tanpa Perubahan"] == datetime(2023, 5, 5, 0, 0, tzinfo=UTC)
    # Still kept, so an export writes them back as they were.
    kept = {f.headline: f.kept_keys for f in report.created}
    assert kept["Banjir Surut"] == ("lastmod",)
    assert kept["Pasar Baru Dibuka"] == ("last_modified_at",)

    out = tmp_path / "out"
    publish_site(sqlite_db, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")

    def page(headline: str) -> tuple[str, str]:
        for path in out.glob("read/*/*/*/*/*/index.html"):
            tree = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
            if tree.find(".//h1").text == headline:
                meta = tree.find(".//meta[@property='article:modified_time']").get("content")
                for script in tree.iterfind(".//script[@type='application/ld+json']"):
                    data = json.loads(script.text)
                    if data.get("@type") == "NewsArticle":
                        return meta, data["dateModified"]
        raise AssertionError(headline)

    assert page("Banjir Surut") == ("2023-02-20T02:30:00Z", "2023-02-20T02:30:00Z")
    assert page("Pasar Baru Dibuka") == ("2023-04-02T04:00:00Z", "2023-04-02T04:00:00Z")

    sitemap = etree.parse(str(out / "sitemap.xml"))
    lastmods = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in sitemap.iter(f"{SITEMAP}url")
    }
    feed = feedparser.parse((out / "atom.xml").read_bytes())
    assert not feed.bozo
    entries = {entry.title: entry for entry in feed.entries}
    assert entries["Banjir Surut"].updated == "2023-02-20T02:30:00Z"
    assert entries["Pasar Baru Dibuka"].updated == "2023-04-02T04:00:00Z"
    assert lastmods[entries["Banjir Surut"].link] == "2023-02-20T02:30:00Z"
    assert lastmods[entries["Pasar Baru Dibuka"].link] == "2023-04-02T04:00:00Z"
    # Without lastmod, not the day of the import either.
    assert entries["Tanpa Perubahan"].updated == "2023-05-05T00:00:00Z"


def test_a_reimport_takes_a_new_lastmod_with_its_change_and_keeps_the_time_without_one(
    sqlite_db: Database, tmp_path: Path
) -> None:
    post = tmp_path / "site/content/posts/harga.md"
    write(
        post,
        "---\ntitle: Harga Cabai\ndate: 2023-01-01T08:00:00+07:00\n"
        "lastmod: 2023-01-05T08:00:00+07:00\n---\nNaik.\n",
    )
    (created,) = import_paths(sqlite_db, [tmp_path / "site"]).created
    first = get_article(sqlite_db, created.article_id)
    assert first.modified_at == datetime(2023, 1, 5, 1, 0, tzinfo=UTC)

    # The same content again (only the header's spacing moved): the time stays.
    post.write_text(post.read_text("utf-8").replace("title: ", "title:   "), "utf-8")
    again = import_paths(sqlite_db, [tmp_path / "site"])
    assert again.unchanged and not again.updated
    assert get_article(sqlite_db, created.article_id).modified_at == first.modified_at

    # Changed on the old site: the new text comes with its new time.
    write(
        post,
        "---\ntitle: Harga Cabai\ndate: 2023-01-01T08:00:00+07:00\n"
        "lastmod: 2023-03-09T10:00:00+07:00\n---\nTurun lagi.\n",
    )
    changed = import_paths(sqlite_db, [tmp_path / "site"])
    assert [f.headline for f in changed.updated] == ["Harga Cabai"]
    article = get_article(sqlite_db, created.article_id)
    assert article.body == "Turun lagi.\n"
    assert article.version == first.version + 1
    assert article.modified_at == datetime(2023, 3, 9, 3, 0, tzinfo=UTC)


def test_a_lastmod_still_ahead_is_not_used_and_the_report_says_so(
    sqlite_db: Database, tmp_path: Path
) -> None:
    write(
        tmp_path / "site/posts/nanti.md",
        "---\ntitle: Nanti\ndate: 2023-01-01\nlastmod: 2999-01-01T00:00:00Z\n---\nIsi.\n",
    )
    report = import_paths(sqlite_db, [tmp_path / "site"])
    (created,) = report.created
    assert any("still ahead" in remark for remark in created.remarks)
    # Not used: the page is dated from its publish time.
    assert get_article(sqlite_db, created.article_id).modified_at == datetime(
        2022, 12, 31, 17, 0, tzinfo=UTC
    )


def test_a_reimport_that_changes_only_lastmod_is_a_change_the_sitemap_and_feed_show(
    sqlite_db: Database, tmp_path: Path
) -> None:
    post = tmp_path / "site/content/posts/harga.md"
    header = "---\ntitle: Harga Cabai\ndate: 2023-01-01T08:00:00+07:00\n"
    write(post, header + "lastmod: 2023-01-05T08:00:00+07:00\n---\nNaik.\n")
    (created,) = import_paths(sqlite_db, [tmp_path / "site"]).created
    first = get_article(sqlite_db, created.article_id)
    out = tmp_path / "out"
    publish_site(sqlite_db, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")

    write(post, header + "lastmod: 2023-02-07T08:00:00+07:00\n---\nNaik.\n")
    report = import_paths(sqlite_db, [tmp_path / "site"])
    assert [f.headline for f in report.updated] == ["Harga Cabai"]
    article = get_article(sqlite_db, created.article_id)
    assert article.version == first.version + 1  # what the incremental publish looks for
    assert article.modified_at == datetime(2023, 2, 7, 1, 0, tzinfo=UTC)
    assert json.loads(article.kept_fields)["lastmod"] == "2023-02-07T08:00:00+07:00"

    publish_site(sqlite_db, SETTINGS, out, now=NOW, cache_dir=tmp_path / "cache")
    sitemap = etree.parse(str(out / "sitemap.xml"))
    lastmods = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in sitemap.iter(f"{SITEMAP}url")
    }
    (entry,) = feedparser.parse((out / "atom.xml").read_bytes()).entries
    assert entry.updated == "2023-02-07T01:00:00Z"
    assert lastmods[entry.link] == "2023-02-07T01:00:00Z"
