"""Views over time and the dashboard's Populer, on the hand-made newsroom (both backends)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from editor.dashboard import DashboardFilter, popular_in_window, views_over_time
from editor.errors import ValidationError
from tests.core.test_dashboard_support import NOW, ZONE, make_newsroom, utc

WEEK = timedelta(days=7)


def week(**changes) -> DashboardFilter:
    values = {"window": WEEK, "section_id": None, "reporter_id": None, "now": NOW}
    values.update(changes)
    return DashboardFilter(**values)


def nonzero(series) -> dict[datetime, int]:
    return {point.start.astimezone(UTC): point.value for point in series.points if point.value}


def test_site_views_per_hour_cover_every_hour_of_the_window(db):
    make_newsroom(db)
    series = views_over_time(db, week(), bucket="hour", zone=ZONE)
    assert len(series.points) == 7 * 24  # empty hours are there, as 0
    assert series.points[0].start == utc(1, 8, 13)  # the start hour itself is not counted
    assert series.points[-1].start == utc(1, 15, 12)
    assert nonzero(series) == {
        utc(1, 13, 10): 5,
        utc(1, 14, 4): 30,
        utc(1, 14, 18): 20,
        utc(1, 15, 2): 100,
        utc(1, 15, 3): 50,
        utc(1, 15, 5): 3,
        utc(1, 15, 11): 17,
    }
    assert series.total == 225


def test_days_are_the_newsrooms_days(db):
    make_newsroom(db)
    series = views_over_time(db, week(), bucket="day", zone=ZONE)
    days = {point.start.date(): point.value for point in series.points}
    # 18:00 UTC on the 14th is 01:00 WIB on the 15th.
    assert days == {
        date(2026, 1, 8): 0,
        date(2026, 1, 9): 0,
        date(2026, 1, 10): 0,
        date(2026, 1, 11): 0,
        date(2026, 1, 12): 0,
        date(2026, 1, 13): 5,
        date(2026, 1, 14): 30,
        date(2026, 1, 15): 190,
    }
    # In UTC the same views fall on other days.
    utc_days = views_over_time(db, week(), bucket="day", zone="UTC")
    assert {p.start.date(): p.value for p in utc_days.points if p.value} == {
        date(2026, 1, 13): 5,
        date(2026, 1, 14): 50,
        date(2026, 1, 15): 170,
    }


def test_section_reporter_and_article_narrow_the_views(db):
    room = make_newsroom(db)
    # Berita includes its subsection Dunia.
    assert views_over_time(db, week(section_id=room.berita.id), zone=ZONE).total == 220
    assert views_over_time(db, week(section_id=room.dunia.id), zone=ZONE).total == 160
    assert views_over_time(db, week(section_id=room.olahraga.id), zone=ZONE).total == 5
    assert views_over_time(db, week(reporter_id=room.sarah.id), zone=ZONE).total == 172
    assert views_over_time(db, week(reporter_id=room.budi.id), zone=ZONE).total == 58
    both = week(section_id=room.olahraga.id, reporter_id=room.budi.id)
    assert views_over_time(db, both, zone=ZONE).total == 5
    one = views_over_time(db, week(), zone=ZONE, article_id=room.ids["dunia"])
    assert one.article_id == room.ids["dunia"]
    assert nonzero(one) == {utc(1, 15, 2): 100, utc(1, 15, 3): 50, utc(1, 15, 11): 10}


def test_a_longer_window_reaches_older_views(db):
    make_newsroom(db)
    month = week(window=timedelta(days=30))
    assert views_over_time(db, month, bucket="day", zone=ZONE).total == 1225


def test_populer_ranks_public_articles_over_the_window(db):
    room = make_newsroom(db)
    ranked = popular_in_window(db, week())
    names = {ident: name for name, ident in room.ids.items()}
    # The embargoed story has views but readers cannot see it yet: it never ranks.
    assert [(names[e.article_id], e.views) for e in ranked] == [
        ("dunia", 160),
        ("berita", 50),
        ("bola", 5),
        ("lama", 3),
    ]
    assert ranked[0].headline == "Berita dunia"
    day = popular_in_window(db, week(window=timedelta(hours=24)))
    assert [(names[e.article_id], e.views) for e in day] == [
        ("dunia", 160),
        ("berita", 20),
        ("lama", 3),
    ]
    sport = popular_in_window(db, week(section_id=room.olahraga.id))
    assert [(names[e.article_id], e.views) for e in sport] == [("bola", 5)]
    assert len(popular_in_window(db, week(), limit=2)) == 2


def test_a_filter_refuses_naive_times_and_empty_windows():
    with pytest.raises(ValidationError, match="timezone-aware"):
        DashboardFilter(WEEK, None, None, datetime(2026, 1, 15))
    with pytest.raises(ValidationError, match="longer than zero"):
        DashboardFilter(timedelta(0), None, None, NOW)


def test_an_unknown_bucket_is_refused_with_the_choices(sqlite_db):
    with pytest.raises(ValueError, match="hour, day, week"):
        views_over_time(sqlite_db, week(), bucket="minute", zone=ZONE)


@pytest.mark.parametrize("hours", [24, 24 * 7, 24 * 30])
def test_populer_ranks_as_the_published_site_does(db, hours):
    from editor.rankings import popular

    make_newsroom(db)
    window = timedelta(hours=hours)
    site = popular(db, now=NOW, window=window, limit=10)
    dashboard = popular_in_window(db, week(window=window), limit=10)
    assert [(e.article_id, e.views) for e in dashboard] == [(r.article_id, r.views) for r in site]
    assert dashboard  # the comparison is not between two empty lists


def test_populer_looks_past_candidates_readers_cannot_see(sqlite_db, monkeypatch):
    from sqlalchemy import update

    from editor.dashboard import audience
    from editor.models import Article

    room = make_newsroom(sqlite_db)
    # The two most-read stories are taken back (killed): the ranking reaches further down.
    with sqlite_db.transaction() as session:
        session.execute(
            update(Article)
            .where(Article.id.in_([room.ids["dunia"], room.ids["berita"]]))
            .values(status="killed")
        )
    monkeypatch.setattr(audience, "BATCH", 1)  # one candidate per query: every path taken
    ranked = popular_in_window(sqlite_db, week(), limit=2)
    assert [(e.article_id, e.views) for e in ranked] == [
        (room.ids["bola"], 5),
        (room.ids["lama"], 3),
    ]
