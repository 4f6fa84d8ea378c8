"""The site's page views per hour (page_view_hours) agree with the hourly rows after every
kind of write and delete, and views over time read through them equal the plain sum of
the hours, on both backends."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, select

from editor.dashboard import DashboardFilter, views_over_time
from editor.dashboard.buckets import bucket_of
from editor.database import _alembic_config
from editor.models import Article, PageView
from tests.core.test_dashboard_rollup import (
    NOW,
    hour_sums_from_rows,
    hour_totals,
    random_views,
    week_rollup,
    week_sums_from_hours,
)

ZONE = "Asia/Jakarta"


def test_an_article_deleted_for_good_takes_its_views_out_of_the_hours(db):
    counts = random_views(db, seed=3, articles=3)
    gone = next(iter(counts))[0]
    with db.transaction() as session:  # the foreign key cascades to page_views
        session.execute(delete(Article).where(Article.id == gone))
    with db.transaction() as session:
        left = session.scalar(select(PageView.article_id).where(PageView.article_id == gone))
    assert left is None
    assert hour_totals(db) == hour_sums_from_rows(db)
    assert sum(hour_totals(db).values()) == sum(
        views for (article, _hour), views in counts.items() if article != gone
    )


def test_deleting_many_rows_of_the_same_hours_at_once_keeps_the_totals(db):
    random_views(db, seed=4)
    cut = NOW - timedelta(days=50)
    with db.transaction() as session:
        session.execute(delete(PageView).where(PageView.hour < cut))
    assert hour_totals(db) == hour_sums_from_rows(db)
    assert min(hour_totals(db)) >= cut


def test_the_migration_fills_the_hour_and_week_totals_from_existing_rows(db):
    from alembic import command

    random_views(db, seed=5, articles=2)
    expected = hour_sums_from_rows(db)
    weeks = week_sums_from_hours(db)
    config = _alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008")  # as a database from before the totals
        command.upgrade(config, "head")
    assert hour_totals(db) == expected
    assert week_rollup(db) == weeks
    assert len(weeks) > 20
    assert len(expected) > 500  # many hours, several articles in some of them


@pytest.mark.parametrize("bucket", ["hour", "day"])
@pytest.mark.parametrize("days", [1, 7, 30, 90])
def test_site_views_over_time_equal_the_sum_of_their_hours(db, days, bucket):
    counts = random_views(db, seed=days)
    flt = DashboardFilter(timedelta(days=days), section_id=None, reporter_id=None, now=NOW)
    expected: dict[datetime, int] = {}
    for (_article, hour), views in counts.items():
        if flt.start < hour <= flt.now:
            key = bucket_of(hour, bucket, ZoneInfo(ZONE))
            expected[key] = expected.get(key, 0) + views
    series = views_over_time(db, flt, bucket=bucket, zone=ZONE)
    assert {point.start: point.value for point in series.points if point.value} == expected
    assert series.total > 0
