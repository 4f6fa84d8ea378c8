"""A section's page views per hour (page_view_section_hours) agree with the hourly rows of
its articles after imports, after an article moves to another section and after one is
deleted for good; a section's views over time read through them equal the plain sum of
its articles' hours (both backends)."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select

from editor.articles import create_article, get_article, save_article
from editor.dashboard import DashboardFilter, views_over_time
from editor.dashboard.buckets import bucket_of
from editor.database import Database, _alembic_config
from editor.models import Article, PageView, PageViewSectionHour
from editor.records import ArticleDraft
from editor.sections import create_section
from editor.views.store import ViewKey, add_views
from tests.core.test_dashboard_rollup import NOW, PUBLISHED

ZONE = "Asia/Jakarta"


def section_totals(db: Database) -> dict[tuple[uuid.UUID, datetime], int]:
    with db.transaction() as session:
        rows = session.execute(
            select(
                PageViewSectionHour.section_id, PageViewSectionHour.hour, PageViewSectionHour.views
            )
        )
        return {(section, hour): views for section, hour, views in rows if views}


def section_sums_from_rows(db: Database) -> dict[tuple[uuid.UUID, datetime], int]:
    """What the totals must be: every article's hourly rows summed by its section now."""
    sums: dict[tuple[uuid.UUID, datetime], int] = {}
    with db.transaction() as session:
        rows = session.execute(
            select(Article.section_id, PageView.hour, PageView.views).join(
                Article, Article.id == PageView.article_id
            )
        )
        for section, hour, views in rows:
            if section is not None:
                sums[(section, hour)] = sums.get((section, hour), 0) + views
    return {key: views for key, views in sums.items() if views}


def newsroom_with_views(
    db: Database, seed: int
) -> tuple[dict[str, uuid.UUID], list[uuid.UUID], dict[ViewKey, int]]:
    """Berita with Dunia below it, and Olahraga; two articles in each and one in none,
    200 random hours of views each over the 100 days before NOW."""
    berita = create_section(db, "Berita").id
    sections = {
        "berita": berita,
        "dunia": create_section(db, "Dunia", parent_id=berita).id,
        "olahraga": create_section(db, "Olahraga").id,
    }
    homes = [*sections.values(), *sections.values(), None]
    ids = []
    for number, home in enumerate(homes):
        draft = ArticleDraft(
            headline=f"Berita {number}", status="published", published_at=PUBLISHED, section_id=home
        )
        ids.append(create_article(db, draft).id)
    rng = random.Random(seed)
    first_hour = NOW.replace(minute=0) - timedelta(days=100)
    counts = {
        (article, first_hour + timedelta(hours=rng.randrange(100 * 24))): rng.randrange(1, 50)
        for article in ids
        for _ in range(200)
    }
    with db.transaction() as session:
        add_views(session, counts)
    return sections, ids, counts


def test_imports_keep_each_section_s_hours_equal_to_its_articles_rows(db):
    sections, _ids, counts = newsroom_with_views(db, seed=1)
    with db.transaction() as session:  # a second import of the same hours adds to them
        add_views(session, {key: 2 for key in list(counts)[:300]})
    totals = section_totals(db)
    assert totals == section_sums_from_rows(db)
    assert {section for section, _hour in totals} == set(sections.values())


def test_an_article_moved_to_another_section_takes_its_hours_along(db):
    sections, ids, counts = newsroom_with_views(db, seed=2)
    moved = get_article(db, ids[0])  # in Berita
    save_article(db, replace(moved, section_id=sections["olahraga"]))
    unfiled = get_article(db, ids[1])  # in Dunia: to no section at all
    save_article(db, replace(unfiled, section_id=None))
    homeless = get_article(db, ids[-1])  # in no section: into Dunia
    save_article(db, replace(homeless, section_id=sections["dunia"]))

    assert section_totals(db) == section_sums_from_rows(db)
    flt = DashboardFilter(timedelta(days=90), sections["olahraga"], None, NOW)
    mine = {ids[0], ids[2], ids[5]}  # moved in, and Olahraga's own two
    expected = sum(v for (a, hour), v in counts.items() if a in mine and flt.start < hour <= NOW)
    assert views_over_time(db, flt, bucket="day", zone=ZONE).total == expected


def test_an_article_deleted_for_good_takes_its_hours_out_of_its_section(db):
    sections, ids, counts = newsroom_with_views(db, seed=3)
    with db.transaction() as session:  # the foreign key cascades to page_views
        session.execute(delete(Article).where(Article.id == ids[2]))
    assert section_totals(db) == section_sums_from_rows(db)
    olahraga = sum(
        views
        for (section, _h), views in section_totals(db).items()
        if section == sections["olahraga"]
    )
    assert olahraga == sum(v for (a, _h), v in counts.items() if a == ids[5])


def test_the_migration_fills_the_section_hours_from_existing_rows(db):
    from alembic import command

    newsroom_with_views(db, seed=4)
    expected = section_sums_from_rows(db)
    config = _alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0019")  # as a database from before the section totals
        command.upgrade(config, "head")
    assert section_totals(db) == expected
    assert len(expected) > 500


@pytest.mark.parametrize("bucket", ["hour", "day"])
@pytest.mark.parametrize("days", [1, 7, 90])
def test_a_section_s_views_over_time_equal_the_sum_of_its_articles_hours(db, days, bucket):
    sections, ids, counts = newsroom_with_views(db, seed=days)
    flt = DashboardFilter(timedelta(days=days), sections["berita"], None, NOW)
    in_berita = set(ids[0:2] + ids[3:5])  # Berita's and Dunia's, below it
    expected: dict[datetime, int] = {}
    for (article, hour), views in counts.items():
        if article in in_berita and flt.start < hour <= flt.now:
            key = bucket_of(hour, bucket, ZoneInfo(ZONE))
            expected[key] = expected.get(key, 0) + views
    series = views_over_time(db, flt, bucket=bucket, zone=ZONE)
    assert {point.start: point.value for point in series.points if point.value} == expected
    assert expected
