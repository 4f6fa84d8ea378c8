"""Correction notes reach readers: a box under the article body and the feed items."""

from __future__ import annotations

from datetime import timedelta
from html import unescape
from pathlib import Path

import feedparser
import html5lib
from lxml import html as lxml_html

from editor.people import create_person
from editor.workflow.corrections import add_correction
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NOW, Newsroom

ZONE = "Asia/Jakarta"
NOTE = "Nama kantor penghubung diperbaiki: <Tokyo>, bukan Osaka."
#: 05 May 2023 09:30 WIB, before the publish clock NOW (10:00 WIB).
CORRECTED_AT = NOW - timedelta(minutes=30)


def _correct(room: Newsroom, note: str = NOTE, when=CORRECTED_AT) -> None:
    editor = create_person(room.db, f"Redaktur {when:%H%M}", role="editor")
    add_correction(room.db, room.nato.id, actor_id=editor.id, note=note, now=when)


def _page_path(files: dict[str, bytes], marker: str) -> str:
    found = [p for p in files if p.startswith("read/") and marker in p and p.endswith(".html")]
    assert len(found) == 1, found
    return found[0]


def _box(page: bytes) -> list[tuple[str, str, str]]:
    """(heading, time text, note) of each correction in the page's box, read by lxml."""
    html5lib.HTMLParser(strict=True).parse(page)  # still valid HTML5
    tree = lxml_html.fromstring(page)
    boxes = tree.xpath('//article//aside[@class="corrections"]')
    if not boxes:
        return []
    (box,) = boxes
    heading = box.xpath("string(h2)")
    return [
        (heading, item.xpath("string(time)"), item.xpath('string(span[@class="note"])'))
        for item in box.xpath(".//li")
    ]


def test_a_correction_shows_under_the_body_with_its_time(room: Newsroom, publish: PublishFn):
    publish()
    _correct(room)
    report = publish()
    files = site_files(report.out_dir)
    page = files[_page_path(files, "nato")]
    assert _box(page) == [("Koreksi", "Jumat, 05 Mei 2023 | 09:30", NOTE)]
    # Under the body: after the body's last paragraph, inside the article.
    text = page.decode()
    assert text.index("Nikkei Asia") < text.index('class="corrections"')
    # The incremental publish re-rendered the page and the feeds that carry it.
    written = set(report.written)
    assert _page_path(files, "nato") in written
    assert {"rss.xml", "atom.xml", "berita/dunia/rss.xml"} <= written
    other = _page_path(files, "nomor-1/")
    assert other not in written
    assert _box(files[other]) == []


def test_feeds_append_the_correction(room: Newsroom, publish: PublishFn):
    _correct(room)
    files = site_files(publish().out_dir)
    for name in ("rss.xml", "atom.xml", "berita/dunia/rss.xml", "berita/atom.xml"):
        feed = feedparser.parse(files[name])
        assert not feed.bozo, name
        (entry,) = [e for e in feed.entries if "NATO" in e.title]
        content = entry.content[0].value
        assert "Koreksi" in content and "Jumat, 05 Mei 2023 | 09:30" in content, name
        assert "&lt;Tokyo&gt;" in content, name  # the note is escaped inside the HTML
        others = [e for e in feed.entries if "NATO" not in e.title]
        assert all("Koreksi" not in e.content[0].value for e in others), name
    rss = feedparser.parse(files["rss.xml"])
    (entry,) = [e for e in rss.entries if "NATO" in e.title]
    # The description is HTML to feed readers: the note's "<Tokyo>" is text, not a tag.
    assert "Koreksi (Jumat, 05 Mei 2023 | 09:30): " + NOTE in unescape(entry.description)


def test_corrections_after_the_publish_clock_wait(room: Newsroom, publish: PublishFn):
    _correct(room)
    _correct(room, note="Koreksi kedua.", when=NOW + timedelta(hours=1))
    files = site_files(publish().out_dir)
    assert [note for *_, note in _box(files[_page_path(files, "nato")])] == [NOTE]
    later = site_files(publish(now=NOW + timedelta(hours=2)).out_dir)
    notes = [note for *_, note in _box(later[_page_path(later, "nato")])]
    assert notes == [NOTE, "Koreksi kedua."]  # oldest first


def test_full_and_incremental_agree_with_corrections(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    publish()
    _correct(room)
    incremental = site_files(publish().out_dir)
    full = site_files(publish(out=tmp_path / "full", full=True).out_dir)
    assert incremental == full
