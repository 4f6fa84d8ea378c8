"""The per-day page-view rollup and the site's per-hour totals agree with the hourly rows
after every kind of write, and long-window Populer read through the rollup equals the
plain sum of hours (both backends)."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from editor.articles import create_article
from editor.dashboard import DashboardFilter, popular_in_window
from editor.dashboard.window_sums import whole_days, whole_weeks
from editor.database import Database, _alembic_config
from editor.models import Article, PageView, PageViewDay, PageViewHour, PageViewWeek
from editor.records import ArticleDraft
from editor.views import import_view_files
from editor.views.store import ViewKey, add_views

PUBLISHED = datetime(2025, 9, 1, 3, 0, tzinfo=UTC)
#: Not on a whole hour or midnight, so every window has partial edge days.
NOW = datetime(2025, 12, 20, 13, 25, tzinfo=UTC)


def day_sums_from_hours(db: Database) -> dict[tuple[uuid.UUID, date], int]:
    sums: dict[tuple[uuid.UUID, date], int] = {}
    with db.transaction() as session:
        for article_id, hour, views in session.execute(
            select(PageView.article_id, PageView.hour, PageView.views)
        ):
            key = (article_id, hour.astimezone(UTC).date())
            sums[key] = sums.get(key, 0) + views
    return {key: views for key, views in sums.items() if views}


def rollup(db: Database) -> dict[tuple[uuid.UUID, date], int]:
    with db.transaction() as session:
        rows = session.execute(select(PageViewDay.article_id, PageViewDay.day, PageViewDay.views))
        return {(article_id, day): views for article_id, day, views in rows if views}


def week_sums_from_hours(db: Database) -> dict[tuple[uuid.UUID, date], int]:
    sums: dict[tuple[uuid.UUID, date], int] = {}
    for (article_id, day), views in day_sums_from_hours(db).items():
        key = (article_id, day - timedelta(days=day.weekday()))
        sums[key] = sums.get(key, 0) + views
    return {key: views for key, views in sums.items() if views}


def week_rollup(db: Database) -> dict[tuple[uuid.UUID, date], int]:
    with db.transaction() as session:
        rows = session.execute(
            select(PageViewWeek.article_id, PageViewWeek.week, PageViewWeek.views)
        )
        return {(article_id, week): views for article_id, week, views in rows if views}


def hour_sums_from_rows(db: Database) -> dict[datetime, int]:
    sums: dict[datetime, int] = {}
    with db.transaction() as session:
        for hour, views in session.execute(select(PageView.hour, PageView.views)):
            sums[hour] = sums.get(hour, 0) + views
    return {hour: views for hour, views in sums.items() if views}


def hour_totals(db: Database) -> dict[datetime, int]:
    with db.transaction() as session:
        rows = session.execute(select(PageViewHour.hour, PageViewHour.views))
        return {hour: views for hour, views in rows if views}


def published(db: Database, headline: str) -> uuid.UUID:
    draft = ArticleDraft(headline=headline, status="published", published_at=PUBLISHED)
    return create_article(db, draft).id


def random_views(db: Database, seed: int, articles: int = 5) -> dict[ViewKey, int]:
    """300 random hours of views per article over the 101 days before NOW."""
    rng = random.Random(seed)
    ids = [published(db, f"Berita {n}") for n in range(articles)]
    first_hour = NOW.replace(minute=0) - timedelta(days=100)
    counts = {}
    for article in ids:
        for _ in range(300):
            hour = first_hour + timedelta(hours=rng.randrange(101 * 24))
            counts[(article, hour)] = rng.randrange(1, 50)
    with db.transaction() as session:
        add_views(session, counts)
    return counts


def test_csv_imports_reimports_and_replaced_counts_keep_the_rollup_exact(db, tmp_path):
    first, second = published(db, "Satu"), published(db, "Dua")
    data = tmp_path / "views.csv"
    # Times in WIB: 06:30 on the 11th is 23:00 UTC on the 10th, a different UTC day.
    data.write_text(
        "article_id,time,views\n"
        f"{first},2026-01-11 06:30,40\n"
        f"{first},2026-01-11 07:10,5\n"
        f"{second},2026-01-11 07:10,8\n"
    )
    import_view_files(db, [data], zone="Asia/Jakarta")
    expected = {
        (first, date(2026, 1, 10)): 40,
        (first, date(2026, 1, 11)): 5,
        (second, date(2026, 1, 11)): 8,
    }
    assert rollup(db) == day_sums_from_hours(db) == expected
    hours = {datetime(2026, 1, 10, 23, tzinfo=UTC): 40, datetime(2026, 1, 11, tzinfo=UTC): 13}
    assert hour_totals(db) == hour_sums_from_rows(db) == hours
    # Saturday the 10th and Sunday the 11th: one week, from Monday the 5th.
    weeks = {(first, date(2026, 1, 5)): 45, (second, date(2026, 1, 5)): 8}
    assert week_rollup(db) == week_sums_from_hours(db) == weeks

    import_view_files(db, [data], zone="Asia/Jakarta")  # the same file again: nothing moves
    assert rollup(db) == day_sums_from_hours(db) == expected
    assert hour_totals(db) == hours
    assert week_rollup(db) == weeks

    # A corrected export replaces the totals of the same hours, up and down.
    data.write_text(
        f"article_id,time,views\n{first},2026-01-11 06:30,10\n{second},2026-01-11 07:10,20\n"
    )
    import_view_files(db, [data], zone="Asia/Jakarta")
    expected[(first, date(2026, 1, 10))] = 10
    expected[(second, date(2026, 1, 11))] = 20
    assert rollup(db) == day_sums_from_hours(db) == expected
    hours = {datetime(2026, 1, 10, 23, tzinfo=UTC): 10, datetime(2026, 1, 11, tzinfo=UTC): 25}
    assert hour_totals(db) == hour_sums_from_rows(db) == hours
    weeks = {(first, date(2026, 1, 5)): 15, (second, date(2026, 1, 5)): 20}
    assert week_rollup(db) == week_sums_from_hours(db) == weeks


def test_log_imports_and_rotated_logs_keep_the_rollup_exact(db, tmp_path):
    from editor.publish.urls import article_path
    from tests.publish.test_views_import import log_line

    article = published(db, "Hadapi Ancaman")
    with db.transaction() as session:
        slug = session.get_one(Article, article).slug
    page = article_path(PUBLISHED, article, slug, "Asia/Jakarta")
    early = log_line(page, when="11/Jan/2026:06:59:12 +0700", host="10.0.0.1")  # 23:59 UTC
    late = log_line(page, when="11/Jan/2026:07:00:00 +0700", host="10.0.0.2")  # 00:00 UTC
    log = tmp_path / "access.log"
    log.write_text(early + late)
    import_view_files(db, [log])
    rotated = tmp_path / "access.log.1"
    rotated.write_text(late + log_line(page, when="11/Jan/2026:09:00:00 +0700", host="10.0.0.3"))
    import_view_files(db, [log, rotated])  # the first again, then an overlapping one
    assert rollup(db) == day_sums_from_hours(db)
    assert rollup(db) == {(article, date(2026, 1, 10)): 1, (article, date(2026, 1, 11)): 2}
    assert hour_totals(db) == hour_sums_from_rows(db)
    assert sum(hour_totals(db).values()) == 3
    assert week_rollup(db) == week_sums_from_hours(db) == {(article, date(2026, 1, 5)): 3}


def test_the_migration_fills_the_rollup_from_existing_hours(db):
    from alembic import command

    article = published(db, "Lama")
    with db.transaction() as session:
        add_views(session, {(article, datetime(2026, 1, 10, h, tzinfo=UTC)): h for h in range(24)})
        add_views(session, {(article, datetime(2026, 1, 11, 0, tzinfo=UTC)): 7})
        session.execute(delete(PageViewDay))  # as a database from before the rollup
    config = _alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        command.upgrade(config, "head")
    assert rollup(db) == {
        (article, date(2026, 1, 10)): sum(range(24)),
        (article, date(2026, 1, 11)): 7,
    }


def test_whole_days_are_the_utc_days_inside_the_window():
    assert whole_days(NOW - timedelta(days=3), NOW) == (date(2025, 12, 18), date(2025, 12, 19))
    midnight = datetime(2025, 12, 20, tzinfo=UTC)
    assert whole_days(midnight - timedelta(days=2), midnight) == (
        date(2025, 12, 19),
        date(2025, 12, 19),
    )  # the start hour is not counted, so the 18th is not whole
    assert whole_days(NOW - timedelta(hours=24), NOW) is None


def test_whole_weeks_are_the_weeks_from_monday_inside_the_days():
    # Thursday 2025-12-18 to Friday 2026-01-16: the weeks of Monday 22 Dec to Monday 5 Jan.
    assert whole_weeks(date(2025, 12, 18), date(2026, 1, 16)) == (
        date(2025, 12, 22),
        date(2026, 1, 5),
    )
    # A Monday to a Sunday is one whole week; a day short of it is none.
    assert whole_weeks(date(2026, 1, 5), date(2026, 1, 11)) == (date(2026, 1, 5),) * 2
    assert whole_weeks(date(2026, 1, 5), date(2026, 1, 10)) is None
    assert whole_weeks(date(2026, 1, 6), date(2026, 1, 12)) is None


@pytest.mark.parametrize("hours", [24, 36, 24 * 7, 24 * 14, 24 * 30, 24 * 90])
def test_long_window_populer_equals_the_sum_of_its_hours(db, hours):
    counts = random_views(db, seed=hours, articles=6)
    window = timedelta(hours=hours)
    expected: dict[uuid.UUID, int] = {}
    for (article, hour), views in counts.items():
        if NOW - window < hour <= NOW:
            expected[article] = expected.get(article, 0) + views
    flt = DashboardFilter(window=window, section_id=None, reporter_id=None, now=NOW)
    ranked = popular_in_window(db, flt, limit=10)
    assert {entry.article_id: entry.views for entry in ranked} == expected
    assert len(expected) == 6  # every article had views: the test compares numbers


@pytest.mark.parametrize("max_batch", [2, 500])
def test_populer_breaks_many_ties_by_publish_time_as_the_site_does(db, monkeypatch, max_batch):
    from editor.dashboard import audience
    from editor.rankings import popular

    monkeypatch.setattr(audience, "BATCH", 1)
    monkeypatch.setattr(audience, "MAX_BATCH", max_batch)  # 2: the walk by publish time
    ids = []
    for n in range(12):
        when = PUBLISHED + timedelta(hours=n * 7 % 12)  # not in creation order
        draft = ArticleDraft(headline=f"Seri {n}", status="published", published_at=when)
        ids.append(create_article(db, draft).id)
    hidden = create_article(
        db, ArticleDraft(headline="Ditahan", status="draft", published_at=NOW - timedelta(hours=1))
    ).id
    hour = NOW.replace(minute=0) - timedelta(hours=3)
    counts = {(article, hour): 10 for article in [*ids, hidden]}
    counts[(ids[5], hour)] = 11  # one clear leader, then eleven tied and a hidden one
    with db.transaction() as session:
        add_views(session, counts)
    flt = DashboardFilter(window=timedelta(days=7), section_id=None, reporter_id=None, now=NOW)
    ranked = popular_in_window(db, flt, limit=4)
    site = popular(db, now=NOW, window=timedelta(days=7), limit=4)
    assert [(e.article_id, e.views) for e in ranked] == [(r.article_id, r.views) for r in site]
    assert ranked[0].article_id == ids[5]
    assert [e.views for e in ranked] == [11, 10, 10, 10]
    assert hidden not in {e.article_id for e in ranked}
    newest_tied = sorted((e for e in ranked[1:]), key=lambda e: e.published_at, reverse=True)
    assert [e.article_id for e in ranked[1:]] == [e.article_id for e in newest_tied]


@pytest.mark.parametrize("narrow", ["section", "reporter"])
def test_long_window_populer_for_a_section_or_reporter_equals_its_hours(db, narrow):
    from editor.people import ensure_person
    from editor.sections import create_section

    section = create_section(db, "Ekonomi")
    person = ensure_person(db, "Sarah")
    mine, others = [], []
    for n in range(6):
        draft = ArticleDraft(headline=f"Berita {n}", status="published", published_at=PUBLISHED)
        if n % 2:
            draft = replace(draft, section_id=section.id, byline_ids=(person.id,))
        (mine if n % 2 else others).append(create_article(db, draft).id)
    rng = random.Random(7)
    counts = {}
    for article in mine + others:
        for _ in range(200):
            hour = NOW.replace(minute=0) - timedelta(hours=rng.randrange(60 * 24))
            counts[(article, hour)] = rng.randrange(1, 40)
    with db.transaction() as session:
        add_views(session, counts)
    window = timedelta(days=30)
    expected: dict[uuid.UUID, int] = {}
    for (article, hour), views in counts.items():
        if article in mine and NOW - window < hour <= NOW:
            expected[article] = expected.get(article, 0) + views
    chosen = {"section_id": section.id} if narrow == "section" else {"reporter_id": person.id}
    values = {"window": window, "section_id": None, "reporter_id": None, "now": NOW} | chosen
    ranked = popular_in_window(db, DashboardFilter(**values), limit=10)
    assert {entry.article_id: entry.views for entry in ranked} == expected
    assert len(expected) == len(mine)
