"""Embargo, schedule and unpublish, checked across every file of the site (not only pages)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from editor.articles import create_article, trash_article
from editor.models import PageView
from editor.publish.visibility import is_public, public_clause
from editor.records import ArticleDraft, ArticleRecord
from tests.publish.conftest import PublishFn, site_files
from tests.publish.newsroom import NOW, Newsroom

LATER = NOW + timedelta(days=1)


def mentions(files: dict[str, bytes], record: ArticleRecord) -> list[str]:
    """Every site file that names the article by headline, id or URL id."""
    marks = [record.headline.encode(), str(record.id).encode(), record.id.hex[:8].encode()]
    return sorted(
        path for path, data in files.items() if any(m in data or m.decode() in path for m in marks)
    )


def _with_views(room: Newsroom, record: ArticleRecord, views: int = 1000) -> None:
    with room.db.transaction() as session:
        session.add(PageView(article_id=record.id, hour=NOW - timedelta(hours=2), views=views))
        session.add(PageView(article_id=record.id, hour=LATER - timedelta(hours=2), views=views))


def _article(room: Newsroom, headline: str, **fields: object) -> ArticleRecord:
    draft = ArticleDraft(
        headline=headline,
        body="Isi rahasia.\n",
        section_id=room.nato.section_id,
        tags=("Eksklusif",),
        status="published",
        **fields,  # type: ignore[arg-type]
    )
    return create_article(room.db, draft)


def test_embargoed_article_appears_nowhere_until_the_embargo_ends(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    embargoed = _article(
        room,
        "Laporan Embargo Bank Sentral",
        published_at=NOW - timedelta(hours=3),
        embargo_until=NOW + timedelta(hours=6),
        byline_ids=(room.nato.bylines[0].id,),
    )
    _with_views(room, embargoed)
    publish()
    files = site_files(tmp_path / "site")
    assert mentions(files, embargoed) == []
    assert not any("eksklusif" in path for path in files)

    publish(now=LATER)
    files = site_files(tmp_path / "site")
    found = mentions(files, embargoed)
    for expected in (
        "index.html",
        "rss.xml",
        "atom.xml",
        "berita/dunia/rss.xml",
        "berita/dunia/index.html",
        "sitemap.xml",
        "news-sitemap.xml",
        "update/index.html",
        "populer/index.html",
        "sidebar/update.json",
        "sidebar/populer.json",
        "penulis/sarah-meiliana-gunawan/index.html",
        "tag/eksklusif/index.html",
    ):
        assert expected in found
    assert any(path.endswith("ninjs.json") for path in found)


def test_scheduled_article_appears_on_the_first_publish_after_its_time(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    scheduled = _article(
        room, "Pengumuman Terjadwal Kabinet", published_at=NOW + timedelta(hours=1)
    )
    publish()
    assert mentions(site_files(tmp_path / "site"), scheduled) == []
    report = publish(now=NOW + timedelta(hours=1))
    files = site_files(tmp_path / "site")
    assert any(
        p.endswith("/index.html") and p.startswith("read/") for p in mentions(files, scheduled)
    )
    assert any(path.startswith("read/") and path.endswith("ninjs.json") for path in report.written)


@pytest.mark.parametrize("how", ["killed", "draft", "trashed"])
def test_unpublished_article_disappears_from_every_output(
    room: Newsroom, publish: PublishFn, tmp_path: Path, how: str
):
    _with_views(room, room.nato, views=5000)
    publish()
    before = site_files(tmp_path / "site")
    assert "populer/index.html" in mentions(before, room.nato)
    assert "sidebar/populer.json" in mentions(before, room.nato)
    if how == "trashed":
        trash_article(room.db, room.nato.id)
    else:
        room.edit(room.nato, status=how)
    report = publish()
    after = site_files(tmp_path / "site")
    assert mentions(after, room.nato) == []
    assert any(room.nato.id.hex[:8] in path for path in report.removed)
    # Its tag page goes too when no other public article carries the tag.
    assert "tag/jepang/index.html" not in after


def test_the_rule_in_python_and_sql_agree(room: Newsroom):
    from sqlalchemy import select

    from editor.models import Article

    now = datetime(2023, 5, 4, 12, tzinfo=UTC)
    cases = {
        "public": {"published_at": now - timedelta(hours=1)},
        "future": {"published_at": now + timedelta(hours=1)},
        "embargo": {"published_at": now - timedelta(hours=1), "embargo_until": now + timedelta(1)},
        "embargo-over": {"published_at": now - timedelta(hours=2), "embargo_until": now},
    }
    records = {name: _article(room, f"Kasus {name}", **fields) for name, fields in cases.items()}
    records["draft"] = create_article(room.db, ArticleDraft(headline="Kasus draft"))
    with room.db.transaction() as session:
        visible = set(session.scalars(select(Article.id).where(public_clause(now))))
    for name, record in records.items():
        assert is_public(record, now) == (record.id in visible), name
    assert {n for n, r in records.items() if is_public(r, now)} == {"public", "embargo-over"}
    with pytest.raises(ValueError, match="timezone-aware"):
        is_public(records["public"], datetime(2023, 5, 4))


def test_article_with_status_scheduled_goes_live_at_its_time(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    from editor.articles import get_article

    due = NOW + timedelta(hours=2)
    scheduled = create_article(
        room.db,
        ArticleDraft(
            headline="MRT Jakarta Buka Stasiun Baru di Kota Tua",
            section_id=room.nato.section_id,
            status="scheduled",
            scheduled_at=due,
        ),
    )
    report = publish()
    assert report.promoted == []
    assert mentions(site_files(tmp_path / "site"), scheduled) == []
    assert get_article(room.db, scheduled.id).status == "scheduled"

    report = publish(now=due)
    assert report.promoted == [scheduled.id]
    stored = get_article(room.db, scheduled.id)
    assert (stored.status, stored.published_at) == ("published", due)
    found = mentions(site_files(tmp_path / "site"), scheduled)
    assert {"rss.xml", "sitemap.xml", "news-sitemap.xml", "sidebar/update.json"} <= set(found)
