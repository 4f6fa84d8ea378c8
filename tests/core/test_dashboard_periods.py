"""Production and speed, grouped by the database, against the same numbers worked out in
Python article by article: random newsrooms, zones with half-hour offsets and daylight
saving, windows up to 90 days (both backends)."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from editor.articles import create_article
from editor.dashboard import DashboardFilter, production, speed_distribution
from editor.dashboard.buckets import bucket_of
from editor.dashboard.speed import histogram, quantile
from editor.models import Article
from editor.publish.visibility import is_public
from editor.records import ArticleDraft
from editor.sections import create_section

#: Just after Europe's clocks went back (26 October 2025): 90 days span the change.
NOW = datetime(2025, 11, 2, 13, 25, tzinfo=UTC)


def random_newsroom(db, seed: int, days: int) -> list[dict]:
    """60 stories published over the last ``days`` and a bit more, some not public."""
    rng = random.Random(seed)
    sections = [create_section(db, name).id for name in ("Berita", "Olahraga")] + [None]
    stories = []
    for n in range(60):
        published = NOW - timedelta(seconds=rng.randrange((days + 3) * 24 * 3600))
        created = published - timedelta(seconds=rng.randrange(-3600, 10 * 24 * 3600))
        status = rng.choice(["published"] * 5 + ["draft", "corrected"])
        embargo = NOW + timedelta(days=1) if rng.random() < 0.1 else None
        draft = ArticleDraft(
            headline=f"Berita {n}",
            section_id=rng.choice(sections),
            status=status,
            published_at=published,
            embargo_until=embargo,
        )
        ident = create_article(db, draft).id
        with db.transaction() as session:
            session.execute(update(Article).where(Article.id == ident).values(created_at=created))
        story = {"id": ident, "section_id": draft.section_id, "status": status}
        story |= {"published_at": published, "created_at": created, "embargo_until": embargo}
        stories.append(story)
    return stories


def counted(stories: list[dict], flt: DashboardFilter) -> list[dict]:
    class Row:
        def __init__(self, story: dict) -> None:
            self.__dict__.update(story)

    return [s for s in stories if is_public(Row(s), flt.now) and s["published_at"] > flt.start]


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Kolkata", "Europe/Berlin"])
@pytest.mark.parametrize("period", ["day", "week"])
@pytest.mark.parametrize("days", [7, 90])
def test_production_counts_each_article_in_its_local_day_or_week(db, zone, period, days):
    stories = random_newsroom(db, seed=days, days=days)
    flt = DashboardFilter(timedelta(days=days), None, None, NOW)
    series = production(db, flt, period=period, zone=zone)
    index = {start: slot for slot, start in enumerate(series.periods)}
    expected: dict[uuid.UUID | None, list[int]] = {}
    for story in counted(stories, flt):
        # Published in the window's first, partial hour: the first period.
        slot = index.get(bucket_of(story["published_at"], period, ZoneInfo(zone)), 0)
        expected.setdefault(story["section_id"], [0] * len(series.periods))[slot] += 1
    assert {group.key: list(group.counts) for group in series.groups} == expected
    assert sum(series.totals()) > 20  # the comparison is not between two empty series


def test_a_half_hour_zone_starts_the_day_at_its_own_midnight(db):
    section = create_section(db, "Berita")
    # Midnight in India (UTC+5:30) is 18:30 UTC: 18:40 UTC is already the next day there.
    when = datetime(2025, 11, 1, 18, 40, tzinfo=UTC)
    draft = ArticleDraft(
        headline="Larut", section_id=section.id, status="published", published_at=when
    )
    create_article(db, draft)
    flt = DashboardFilter(timedelta(days=7), None, None, NOW)
    series = production(db, flt, period="day", zone="Asia/Kolkata")
    days = {start.date(): n for start, n in zip(series.periods, series.totals(), strict=True)}
    assert days[datetime(2025, 11, 2).date()] == 1
    assert sum(days.values()) == 1


@pytest.mark.parametrize("days", [7, 90])
def test_speed_per_section_equals_the_times_worked_out_per_article(db, days):
    stories = random_newsroom(db, seed=days + 1, days=days)
    flt = DashboardFilter(timedelta(days=days), None, None, NOW)
    hours: dict[uuid.UUID | None, list[float]] = {}
    for story in counted(stories, flt):
        took = max(0, round((story["published_at"] - story["created_at"]).total_seconds()))
        hours.setdefault(story["section_id"], []).append(took / 3600)
    result = {item.section_id: item for item in speed_distribution(db, flt).sections}
    assert set(result) == set(hours)
    for key, values in hours.items():
        values.sort()
        item = result[key]
        assert item.count == len(values)
        assert (item.minimum, item.maximum) == (values[0], values[-1])
        assert item.median == quantile(values, 0.5)
        assert (item.p25, item.p75, item.p90) == tuple(
            quantile(values, q) for q in (0.25, 0.75, 0.9)
        )
        assert item.mean == pytest.approx(sum(values) / len(values))
        assert item.bins == histogram(values)


def test_the_histogram_puts_each_value_in_its_bin():
    edges = (0, 1, 2, 4)
    assert histogram([-1, 0, 0.5, 1, 1.99, 2, 3.9, 4, 100], edges) == (3, 2, 2, 2)
    assert histogram([], edges) == (0, 0, 0, 0)
