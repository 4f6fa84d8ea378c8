"""Populer and UPDATE: windows, the public rule and deterministic ties, on both backends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from editor.articles import create_article, trash_article
from editor.database import Database
from editor.models import PageView
from editor.publish.urls import article_path
from editor.rankings import WINDOWS, latest, popular, window_named
from editor.records import ArticleDraft

NOW = datetime(2026, 1, 17, 3, 36, tzinfo=UTC)


def add_article(db: Database, headline: str, *, published: datetime, **fields) -> uuid.UUID:
    draft = ArticleDraft(
        headline=headline,
        status=fields.pop("status", "published"),
        published_at=published,
        **fields,
    )
    return create_article(db, draft).id


def add_views(db: Database, article_id: uuid.UUID, hours_ago: float, views: int) -> None:
    hour = (NOW - timedelta(hours=hours_ago)).replace(minute=0, second=0, microsecond=0)
    with db.transaction() as session:
        session.add(PageView(article_id=article_id, hour=hour, views=views))


@pytest.fixture
def newsroom(db: Database) -> dict[str, uuid.UUID]:
    day = timedelta(days=1)
    ids = {
        "old": add_article(db, "Lama", published=NOW - 40 * day),
        "steady": add_article(db, "Stabil", published=NOW - 10 * day),
        "fresh": add_article(db, "Baru", published=NOW - timedelta(hours=5)),
        "embargoed": add_article(
            db, "Embargo", published=NOW - day, embargo_until=NOW + timedelta(hours=1)
        ),
        "future": add_article(db, "Terjadwal", published=NOW + timedelta(hours=2)),
        "draft": add_article(db, "Draf", published=NOW - day, status="draft"),
        "killed": add_article(db, "Dicabut", published=NOW - day, status="killed"),
        "trashed": add_article(db, "Dibuang", published=NOW - 2 * day),
        "corrected": add_article(db, "Ralat", published=NOW - 3 * day, status="corrected"),
    }
    trash_article(db, ids["trashed"])
    # Heavy views on everything readers must not see: they must never rank.
    for hidden in ("embargoed", "future", "draft", "killed", "trashed"):
        add_views(db, ids[hidden], 1, 1000)
    add_views(db, ids["old"], 20 * 24, 500)  # only inside 30 days
    add_views(db, ids["steady"], 3 * 24, 40)  # inside 7 and 30 days
    add_views(db, ids["steady"], 2, 5)
    add_views(db, ids["fresh"], 2, 30)
    add_views(db, ids["fresh"], 1, 1)
    add_views(db, ids["corrected"], 30, 10)  # 30 hours ago: outside 24 h
    add_views(db, ids["fresh"], -3, 999)  # an hour after now does not count yet
    return ids


def ranking(db: Database, window: str) -> list[tuple[str, int]]:
    return [(item.headline, item.views) for item in popular(db, now=NOW, window=WINDOWS[window])]


def test_popular_over_each_window_counts_only_public_articles(db: Database, newsroom) -> None:
    assert ranking(db, "24h") == [("Baru", 31), ("Stabil", 5)]
    assert ranking(db, "7d") == [("Stabil", 45), ("Baru", 31), ("Ralat", 10)]
    assert ranking(db, "30d") == [("Lama", 500), ("Stabil", 45), ("Baru", 31), ("Ralat", 10)]


def test_popular_window_edges_are_exclusive_at_the_start_inclusive_at_now(db: Database) -> None:
    article = add_article(db, "Tepi", published=NOW - timedelta(days=9))
    add_views(db, article, 24, 7)  # the hour starting exactly 24 h before now (minus minutes)
    hour_at_start = (NOW - timedelta(hours=24)).replace(minute=0)
    assert hour_at_start < NOW - WINDOWS["24h"]
    assert popular(db, now=NOW, window=WINDOWS["24h"]) == []
    assert [item.views for item in popular(db, now=NOW, window=timedelta(hours=25))] == [7]


def test_popular_ties_break_by_newer_publish_then_id(db: Database) -> None:
    same_time = NOW - timedelta(days=2)
    older = add_article(db, "Lebih lama", published=NOW - timedelta(days=3))
    twins = sorted(
        [
            add_article(db, "Kembar A", published=same_time),
            add_article(db, "Kembar B", published=same_time),
        ]
    )
    newer = add_article(db, "Lebih baru", published=NOW - timedelta(days=1))
    for article_id in (older, *twins, newer):
        add_views(db, article_id, 3, 12)
    ranked = popular(db, now=NOW)
    assert [item.article_id for item in ranked] == [newer, twins[0], twins[1], older]


def test_popular_limit_and_url_paths(db: Database, newsroom) -> None:
    ranked = popular(db, now=NOW, window=WINDOWS["30d"], limit=2, zone="Asia/Makassar")
    assert [item.headline for item in ranked] == ["Lama", "Stabil"]
    first = ranked[0]
    assert first.article_id == newsroom["old"]
    assert first.url_path == article_path(
        first.published_at, first.article_id, "lama", "Asia/Makassar"
    )
    assert first.published_at.tzinfo is not None


def test_latest_is_newest_first_and_public_only(db: Database, newsroom) -> None:
    headlines = [item.headline for item in latest(db, now=NOW)]
    assert headlines == ["Baru", "Ralat", "Stabil", "Lama"]
    assert [item.headline for item in latest(db, now=NOW, limit=1)] == ["Baru"]
    # Once the embargo lifts and the scheduled time passes, both appear.
    later = NOW + timedelta(hours=3)
    assert [item.headline for item in latest(db, now=later, limit=3)] == [
        "Terjadwal",
        "Baru",
        "Embargo",
    ]


def test_latest_ties_break_by_id(db: Database) -> None:
    when = NOW - timedelta(hours=1)
    ids = sorted(add_article(db, f"Sama {n}", published=when) for n in range(4))
    assert [item.article_id for item in latest(db, now=NOW)] == ids


def test_window_names_and_bad_input() -> None:
    assert window_named("24h") == timedelta(hours=24)
    assert window_named("30d") == timedelta(days=30)
    with pytest.raises(ValueError, match="24h, 7d, 30d"):
        window_named("1y")


def test_naive_now_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        popular(db, now=NOW.replace(tzinfo=None))
