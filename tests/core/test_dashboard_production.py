"""Production, speed and pipeline series on the hand-made newsroom (both backends)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from editor.dashboard import DashboardFilter, pipeline, production, speed_distribution
from editor.dashboard.speed import histogram, quantile
from tests.core.test_dashboard_support import NOW, ZONE, make_newsroom

WEEK = timedelta(days=7)


def week(**changes) -> DashboardFilter:
    values = {"window": WEEK, "section_id": None, "reporter_id": None, "now": NOW}
    values.update(changes)
    return DashboardFilter(**values)


def by_name(series) -> dict[str, dict[date, int]]:
    days = [start.date() for start in series.periods]
    return {
        group.name: {day: n for day, n in zip(days, group.counts, strict=True) if n}
        for group in series.groups
    }


def test_production_per_day_by_section(db):
    make_newsroom(db)
    series = production(db, week(), period="day", grouping="section", zone=ZONE)
    assert series.periods[0].date() == date(2026, 1, 8)
    assert len(series.periods) == 8
    assert by_name(series) == {
        "Dunia": {date(2026, 1, 12): 1, date(2026, 1, 15): 1},
        "Berita": {date(2026, 1, 14): 1},
        "Olahraga": {date(2026, 1, 13): 1},
    }
    assert [group.name for group in series.groups] == ["Dunia", "Berita", "Olahraga"]
    assert series.totals() == (0, 0, 0, 0, 1, 1, 1, 1)


def test_production_by_reporter_counts_a_shared_byline_for_both(db):
    room = make_newsroom(db)
    series = production(db, week(), period="day", grouping="reporter", zone=ZONE)
    assert by_name(series) == {
        "Budi": {date(2026, 1, 12): 1, date(2026, 1, 13): 1, date(2026, 1, 14): 1},
        "Sarah": {date(2026, 1, 13): 1, date(2026, 1, 15): 1},
    }
    only_sarah = production(
        db, week(reporter_id=room.sarah.id), period="day", grouping="reporter", zone=ZONE
    )
    assert by_name(only_sarah) == {"Sarah": {date(2026, 1, 13): 1, date(2026, 1, 15): 1}}
    sarahs_sections = production(db, week(reporter_id=room.sarah.id), zone=ZONE)
    assert by_name(sarahs_sections) == {
        "Dunia": {date(2026, 1, 15): 1},
        "Olahraga": {date(2026, 1, 13): 1},
    }


def test_production_per_week_starts_on_monday(db):
    room = make_newsroom(db)
    series = production(db, week(section_id=room.berita.id), period="week", zone=ZONE)
    assert [start.date() for start in series.periods] == [date(2026, 1, 5), date(2026, 1, 12)]
    assert by_name(series) == {"Dunia": {date(2026, 1, 12): 2}, "Berita": {date(2026, 1, 12): 1}}


def test_speed_is_a_distribution_per_section(db):
    make_newsroom(db)
    result = speed_distribution(db, week())
    sections = {item.name: item for item in result.sections}
    assert list(sections) == ["Berita", "Dunia", "Olahraga"]
    dunia = sections["Dunia"]
    assert dunia.count == 2
    assert (dunia.minimum, dunia.p25, dunia.median, dunia.p75, dunia.maximum) == (2, 3, 4, 5, 6)
    assert dunia.p90 == pytest.approx(5.6)
    assert dunia.mean == 4
    # Bins: <1, 1-2, 2-4, 4-8, 8-24, 24-48, 48-168, 168+ hours.
    assert dunia.bins == (0, 0, 1, 1, 0, 0, 0, 0)
    assert sections["Berita"].median == 0.5
    assert sections["Berita"].bins == (1, 0, 0, 0, 0, 0, 0, 0)
    assert sections["Olahraga"].bins == (0, 0, 0, 0, 0, 0, 1, 0)


def test_speed_follows_the_filter(db):
    room = make_newsroom(db)
    narrowed = speed_distribution(db, week(window=timedelta(days=2)))
    assert {item.name: item.count for item in narrowed.sections} == {"Berita": 1, "Dunia": 1}
    budi = speed_distribution(db, week(reporter_id=room.budi.id))
    assert {item.name: item.median for item in budi.sections} == {
        "Berita": 0.5,
        "Dunia": 2,
        "Olahraga": 48,
    }


def test_quantiles_and_bins_by_hand():
    assert quantile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert quantile([7.0], 0.9) == 7.0
    assert histogram([0.0, 0.99, 1.0, 170.0, 500.0]) == (2, 1, 0, 0, 0, 0, 0, 2)
    with pytest.raises(ValueError):
        quantile([], 0.5)


def test_pipeline_counts_statuses_and_the_coming_days(db):
    make_newsroom(db)
    state = pipeline(db, week(), zone=ZONE)
    assert state.count("published") == 6
    assert state.count("draft") == 1
    assert state.count("scheduled") == 1
    assert state.count("in_review") == 0
    assert [day.day for day in state.coming][:3] == [
        date(2026, 1, 15),
        date(2026, 1, 16),
        date(2026, 1, 17),
    ]
    assert len(state.coming) == 7
    assert {d.day: d.scheduled for d in state.coming if d.scheduled} == {date(2026, 1, 16): 1}
    assert {d.day: d.embargoed for d in state.coming if d.embargoed} == {date(2026, 1, 17): 1}


def test_pipeline_follows_section_and_reporter_not_the_window(db):
    room = make_newsroom(db)
    budi = pipeline(db, week(reporter_id=room.budi.id, window=timedelta(hours=24)), zone=ZONE)
    assert (budi.count("published"), budi.count("draft"), budi.count("scheduled")) == (4, 1, 0)
    assert not any(day.scheduled or day.embargoed for day in budi.coming)
    dunia = pipeline(db, week(section_id=room.dunia.id), zone=ZONE, days_ahead=2)
    assert (dunia.count("published"), dunia.count("scheduled")) == (2, 1)
    assert [(d.day, d.scheduled) for d in dunia.coming] == [
        (date(2026, 1, 15), 0),
        (date(2026, 1, 16), 1),
    ]
    later = pipeline(db, week(now=NOW + timedelta(days=3)), zone=ZONE)
    assert not any(day.scheduled or day.embargoed for day in later.coming)


def test_unknown_period_and_grouping_are_refused(sqlite_db):
    with pytest.raises(ValueError, match="day or week"):
        production(sqlite_db, week(), period="month", zone=ZONE)
    with pytest.raises(ValueError, match="section or reporter"):
        production(sqlite_db, week(), grouping="tag", zone=ZONE)
