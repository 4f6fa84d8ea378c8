"""The incremental publish that asks the database what changed: same bytes as --full.

Every test publishes twice first (so both trees are level and the publish remembers what
it made), changes one thing the way a newsroom would, publishes again and compares with a
full publish into a fresh folder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from editor.articles import create_article
from editor.models import Article, ArticleCorrection, PageView, Person, Section, Tag
from editor.publish import site as site_module
from editor.records import ArticleDraft
from tests.media.pictures import jpeg
from tests.publish.conftest import BodyEdit, PublishFn, site_files
from tests.publish.newsroom import NATO_TIME, NOW, Newsroom


def _settled(publish: PublishFn, **options: Any) -> None:
    publish(**options)
    publish(**options)


def _full_equals(publish: PublishFn, tmp_path: Path, **options: Any) -> None:
    full = tmp_path / "full"
    publish(full, full=True, cache_dir=tmp_path / "cold", **options)
    assert site_files(tmp_path / "site") == site_files(full)


@pytest.fixture
def planned_everything(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each time a publish loaded every article (the publish that plans all)."""
    calls: list[bool] = []
    real = site_module.load_site

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(site_module, "load_site", spy)
    return calls


def test_a_body_edit_is_published_from_the_changed_article_alone(
    room: Newsroom,
    publish: PublishFn,
    tmp_path: Path,
    planned_everything: list[bool],
    body_edit: BodyEdit,
):
    _settled(publish)
    planned_everything.clear()
    report, expected = body_edit()
    assert planned_everything == []
    assert sorted(report.written) == expected
    assert report.reused > 0 and report.articles == 1 + len(room.others)
    _full_equals(publish, tmp_path)
    # Both trees stay level: the publish after next still matches.
    planned_everything.clear()
    room.edit(room.nato, body="Isi NATO yang dikoreksi.\n")
    publish()
    assert planned_everything == []
    publish()
    _full_equals(publish, tmp_path)


def test_nothing_changed_writes_nothing_and_plans_nothing(
    room: Newsroom, publish: PublishFn, planned_everything: list[bool]
):
    _settled(publish)
    before = site_files(publish().out_dir)
    planned_everything.clear()
    report = publish()
    assert report.written == [] and report.removed == []
    assert planned_everything == []
    assert site_files(report.out_dir) == before


def test_a_draft_edit_changes_nothing(
    room: Newsroom, publish: PublishFn, planned_everything: list[bool]
):
    draft = create_article(room.db, ArticleDraft(headline="Masih draf", body="Belum.\n"))
    _settled(publish)
    planned_everything.clear()
    room.edit(draft, body="Masih belum.\n")
    assert publish().written == []
    assert planned_everything == []


def _rename(model: Any, column: str, value: str) -> Callable[[Newsroom], None]:
    def change(room: Newsroom) -> None:
        with room.db.transaction() as session:
            first = session.scalars(select(model).limit(1)).one()
            setattr(first, column, value)

    return change


def _new_article(room: Newsroom) -> None:
    create_article(
        room.db,
        ArticleDraft(
            headline="Artikel terbaru",
            body="Baru.\n",
            section_id=room.nato.section_id,
            status="published",
            published_at=NATO_TIME + timedelta(minutes=30),
        ),
    )


def _views(room: Newsroom) -> None:
    with room.db.transaction() as session:
        hour = NOW.replace(minute=0) - timedelta(hours=2)
        session.add(PageView(article_id=room.others[7].id, hour=hour, views=5000))


def _old_stamp_edit(room: Newsroom) -> None:
    """A replica applying a server's edit keeps the server's (older) time of change."""
    with room.db.transaction() as session:
        session.execute(
            update(Article)
            .where(Article.id == room.others[2].id)
            .values(
                lead="Ringkasan dari server.", version=Article.version + 1, updated_at=NATO_TIME
            )
            .execution_options(synchronize_session=False)
        )


def _touch_image(room: Newsroom) -> None:
    image = room.media / "2023" / "nato.jpg"
    image.write_bytes(jpeg(480, 270, colour=(10, 200, 40)))  # another picture, same name
    os.utime(image, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))


def _correction(room: Newsroom) -> None:
    """Straight into the table, as an operator or an older replica would."""
    with room.db.transaction() as session:
        session.add(
            ArticleCorrection(
                article_id=room.others[1].id,
                corrected_at=NOW - timedelta(hours=1),
                note="Angka diperbaiki.",
            )
        )


CHANGES: dict[str, Callable[[Newsroom], None]] = {
    "headline": lambda room: room.edit(room.others[1], headline="Judul baru") and None,
    "lead": lambda room: room.edit(room.others[1], lead="Ringkasan baru.") and None,
    "killed": lambda room: room.edit(room.others[0], status="killed") and None,
    "kicker": lambda room: room.edit(room.nato, kicker="EKSKLUSIF") and None,
    "tags": lambda room: room.edit(room.others[3], tags=("Ekonomi",)) and None,
    "new article": _new_article,
    "section renamed": _rename(Section, "name", "Kabar"),
    "tag renamed": _rename(Tag, "name", "Politika"),
    "person renamed": _rename(Person, "name", "Sarah M. Gunawan"),
    "ranking moved": _views,
    "edit with an older time": _old_stamp_edit,
    "lead image file replaced": _touch_image,
    "correction": _correction,
}


@pytest.mark.parametrize("mode", ["embed", "ssi"])
@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_kind_of_change_gives_the_bytes_of_a_full_publish(
    room: Newsroom, publish: PublishFn, tmp_path: Path, change: str, mode: str
):
    _settled(publish, sidebar_mode=mode)
    CHANGES[change](room)
    publish(sidebar_mode=mode)
    _full_equals(publish, tmp_path, sidebar_mode=mode)


@pytest.mark.parametrize(
    "later",
    [
        pytest.param(timedelta(hours=2), id="publish time comes"),
        pytest.param(timedelta(days=3), id="news sitemap window passes"),
        pytest.param(timedelta(days=9), id="views leave the ranking window"),
    ],
)
def test_time_passing_gives_the_bytes_of_a_full_publish(
    room: Newsroom, publish: PublishFn, tmp_path: Path, later: timedelta
):
    create_article(
        room.db,
        ArticleDraft(
            headline="Terbit satu jam lagi",
            body="Nanti.\n",
            section_id=room.nato.section_id,
            status="published",
            published_at=NOW + timedelta(hours=1),
        ),
    )
    _settled(publish)
    publish(now=NOW + later)
    _full_equals(publish, tmp_path, now=NOW + later)


def test_a_publish_for_an_earlier_time_plans_everything(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    _settled(publish)
    publish(now=NOW - timedelta(days=1))
    _full_equals(publish, tmp_path, now=NOW - timedelta(days=1))


def test_a_publish_that_plans_everything_after_small_ones_trusts_none_of_their_files(
    room: Newsroom, publish: PublishFn, tmp_path: Path, planned_everything: list[bool]
):
    """The small publishes leave the trees' manifests behind; the files they wrote must
    not be taken as unchanged by a later publish, even when an edit is undone."""
    _settled(publish)
    original = room.others[4].body
    room.edit(room.others[4], body="Isi sementara.\n")
    publish()
    publish()  # nothing: both trees have the temporary text
    planned_everything.clear()
    room.edit(room.others[4], body=original)
    _new_article(room)
    publish()
    assert planned_everything  # the new article moved the lists
    _full_equals(publish, tmp_path)
    publish()
    _full_equals(publish, tmp_path)


def _set_article(column: str, value: str) -> Callable[[Newsroom], None]:
    """As an import or a replica sets it: the article's version moves, nothing else."""

    def change(room: Newsroom) -> None:
        with room.db.transaction() as session:
            session.execute(
                update(Article)
                .where(Article.id == room.others[1].id)
                .values({column: value, "version": Article.version + 1})
                .execution_options(synchronize_session=False)
            )

    return change


def _join_translation(room: Newsroom) -> None:
    with room.db.transaction() as session:
        session.execute(
            update(Article)
            .where(Article.id == room.others[1].id)
            .values(translation_group="kelompok-1", version=Article.version + 1)
            .execution_options(synchronize_session=False)
        )


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(_set_article("kept_fields", '{"aliases": ["/lama/berita-dua/"]}'), id="alias"),
        pytest.param(_join_translation, id="translation"),
    ],
)
def test_links_to_other_pages_give_the_bytes_of_a_full_publish(
    room: Newsroom, publish: PublishFn, tmp_path: Path, change: Callable[[Newsroom], None]
):
    room.edit(room.others[2], language="en")  # a translation is in another language
    with room.db.transaction() as session:
        session.execute(
            update(Article)
            .where(Article.id == room.others[2].id)
            .values(translation_group="kelompok-1")
            .execution_options(synchronize_session=False)
        )
    _settled(publish)
    change(room)
    publish()
    _full_equals(publish, tmp_path)


def test_an_edit_below_the_home_page_but_in_the_feed_updates_the_feed(
    room: Newsroom, publish: PublishFn, tmp_path: Path, planned_everything: list[bool]
):
    for n in range(5):  # the oldest stories leave the home page's ten but stay in the feed
        create_article(
            room.db,
            ArticleDraft(
                headline=f"Lebih baru {n}",
                body="Baru.\n",
                section_id=room.nato.section_id,
                status="published",
                published_at=NATO_TIME + timedelta(minutes=n + 1),
            ),
        )
    _settled(publish)
    planned_everything.clear()
    room.edit(room.others[-1], body="Isi yang dikoreksi, di feed saja.\n")
    report = publish()
    assert planned_everything == []
    assert "rss.xml" in report.written
    _full_equals(publish, tmp_path)


def test_an_edit_rewrites_only_the_part_of_a_split_sitemap_that_lists_it(
    room: Newsroom,
    publish: PublishFn,
    tmp_path: Path,
    planned_everything: list[bool],
    monkeypatch: pytest.MonkeyPatch,
):
    from editor.publish import sitemaps

    monkeypatch.setattr(sitemaps, "SITEMAP_LIMIT", 4)  # list pages, then articles, 4 a file
    _settled(publish)
    planned_everything.clear()
    room.edit(room.others[-1], body="Isi yang dikoreksi.\n")  # the oldest: in the last part
    report = publish()
    assert planned_everything == []
    written = sorted(p for p in report.written if p.startswith("sitemap"))
    assert len(written) >= 2 and "sitemap.xml" not in written  # the index stays
    _full_equals(publish, tmp_path)
