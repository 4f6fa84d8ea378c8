"""Audience series: page views over time and the Populer ranking, summed in SQL.

The database sums millions of hourly rows down to one number per hour (or per article);
Python only spreads those few hundred sums over the newsroom's days.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from editor.dashboard.buckets import bucket_of, buckets_in, check_bucket
from editor.dashboard.filters import DashboardFilter, article_clause, needs_articles
from editor.database import Database
from editor.models import Article, PageView
from editor.publish.visibility import public_clause


@dataclass(frozen=True)
class TimePoint:
    #: Start of the bucket in the newsroom's zone.
    start: datetime
    value: int


@dataclass(frozen=True)
class ViewSeries:
    """Views per hour or per day; every bucket of the window is there, empty ones as 0."""

    bucket: str
    points: tuple[TimePoint, ...]
    #: The one article shown, or None for the site (or the filtered section/reporter).
    article_id: uuid.UUID | None = None

    @property
    def total(self) -> int:
        return sum(point.value for point in self.points)


@dataclass(frozen=True)
class PopularEntry:
    article_id: uuid.UUID
    headline: str
    published_at: datetime
    views: int


def views_over_time(
    db: Database,
    flt: DashboardFilter,
    *,
    bucket: str = "hour",
    zone: str,
    article_id: uuid.UUID | None = None,
) -> ViewSeries:
    """Page views in the window per ``bucket`` ("hour" or "day"): the whole site, the
    filter's section/reporter, or one article."""
    check_bucket(bucket)
    total = func.sum(PageView.views)
    stmt = (
        select(PageView.hour, total)
        .where(PageView.hour > flt.start, PageView.hour <= flt.now)
        .group_by(PageView.hour)
    )
    if article_id is not None:
        stmt = stmt.where(PageView.article_id == article_id)
    if needs_articles(flt):
        # The chosen articles first, then their hours by the primary key (article, hour):
        # a section's few thousand articles, not the whole site's rows in the window.
        chosen = select(Article.id).where(article_clause(db, flt))
        stmt = stmt.where(PageView.article_id.in_(chosen))
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    local = ZoneInfo(zone)
    sums = dict.fromkeys(buckets_in(flt.start, flt.now, bucket, local), 0)
    for hour, views in rows:
        key = bucket_of(hour, bucket, local)
        sums[key] = sums.get(key, 0) + int(views or 0)
    points = tuple(TimePoint(start, value) for start, value in sorted(sums.items()))
    return ViewSeries(bucket=bucket, points=points, article_id=article_id)


def popular_in_window(db: Database, flt: DashboardFilter, *, limit: int = 10) -> list[PopularEntry]:
    """The most-read public articles over the window, as the published Populer ranks them:
    only articles readers can see, ties by publish time then id."""
    if limit < 0:
        raise ValueError("limit must be 0 or more")
    # Sum per article from the covering hour index first, then keep the public ones.
    per_article = (
        select(PageView.article_id, func.sum(PageView.views).label("views"))
        .where(PageView.hour > flt.start, PageView.hour <= flt.now)
        .group_by(PageView.article_id)
    )
    if needs_articles(flt):
        chosen = select(Article.id).where(article_clause(db, flt))
        per_article = per_article.where(PageView.article_id.in_(chosen))
    sums = per_article.subquery()
    stmt = (
        select(Article.id, Article.headline, Article.published_at, sums.c.views)
        .join(sums, sums.c.article_id == Article.id)
        .where(public_clause(flt.now), sums.c.views > 0)
        .order_by(sums.c.views.desc(), Article.published_at.desc(), Article.id)
        .limit(limit)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    entries = []
    for ident, headline, published_at, total in rows:
        assert published_at is not None  # the public rule guarantees it
        entries.append(PopularEntry(ident, headline, published_at, int(total)))
    return entries
