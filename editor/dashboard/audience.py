"""Audience series: page views over time and the Populer ranking, summed in SQL.

The database sums millions of hourly rows down to one number per hour (or per article);
Python only spreads those few hundred sums over the newsroom's days.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from itertools import islice, takewhile
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Result, Select, func, select
from sqlalchemy.orm import Session

from editor.dashboard.buckets import bucket_of, check_bucket, hours_in
from editor.dashboard.filters import (
    DashboardFilter,
    article_clause,
    needs_articles,
    section_subtree,
)
from editor.dashboard.ids import as_uuid, stored_id
from editor.dashboard.window_sums import ranked_views
from editor.database import Database
from editor.models import Article, PageView, PageViewHour, PageViewSectionHour
from editor.publish.visibility import public_clause

#: Candidates looked up per query while ranking Populer.
BATCH = 50
#: The most looked up in one query: SQLite stops seeking by key for much longer lists.
MAX_BATCH = 500


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
    stmt: Select[datetime, int]
    if article_id is None and not needs_articles(flt):
        # The whole site: one stored total per hour instead of every article's hours.
        total = PageViewHour
        stmt = select(total.hour, total.views).where(total.hour > flt.start, total.hour <= flt.now)
    elif article_id is None and flt.reporter_id is None:
        # One section (with those below it): one stored total per section and hour.
        assert flt.section_id is not None  # needs_articles: a section or a reporter
        section = PageViewSectionHour
        stmt = (
            select(section.hour, func.sum(section.views))
            .where(section.section_id.in_(section_subtree(db, flt.section_id)))
            .where(section.hour > flt.start, section.hour <= flt.now)
            .group_by(section.hour)
        )
    else:
        stmt = (
            select(PageView.hour, func.sum(PageView.views))
            .where(PageView.hour > flt.start, PageView.hour <= flt.now)
            .group_by(PageView.hour)
        )
        if article_id is not None:
            stmt = stmt.where(PageView.article_id == article_id)
        if needs_articles(flt):
            # The chosen articles first, then their hours by the primary key (article,
            # hour): a reporter's few hundred articles, not the site's rows in the window.
            chosen = select(Article.id).where(article_clause(db, flt))
            stmt = stmt.where(PageView.article_id.in_(chosen))
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    local = ZoneInfo(zone)
    # Each hour's bucket worked out once (zone arithmetic is the slow part), for the
    # empty buckets and the sums alike.
    of_hour = {hour: bucket_of(hour, bucket, local) for hour in hours_in(flt.start, flt.now)}
    sums = dict.fromkeys(of_hour.values(), 0)
    for hour, views in rows:
        key = of_hour.get(hour) or bucket_of(hour, bucket, local)
        sums[key] = sums.get(key, 0) + int(views or 0)
    points = tuple(TimePoint(start, value) for start, value in sorted(sums.items()))
    return ViewSeries(bucket=bucket, points=points, article_id=article_id)


def popular_in_window(db: Database, flt: DashboardFilter, *, limit: int = 10) -> list[PopularEntry]:
    """The most-read public articles over the window, as the published Populer ranks them:
    only articles readers can see, ties by publish time then id."""
    if limit < 0:
        raise ValueError("limit must be 0 or more")
    # Sum per article (whole UTC weeks and days from the rollups, the edge hours from
    # page_views), most-read first, then look up the candidates in batches until ``limit``
    # public ones are certain: letting the database join first makes it visit every
    # published article.
    chosen = select(Article.id).where(article_clause(db, flt)) if needs_articles(flt) else None
    entries: list[PopularEntry] = []
    with db.transaction() as session:
        sums = _Sums(ranked_views(session, flt, chosen, db.dialect))
        position, size = 0, BATCH
        while sums.reach(position + 1) and not _settled(entries, limit, sums.views(position)):
            if len(entries) == limit and sums.tied(position, MAX_BATCH + 1) > MAX_BATCH:
                tied = sums.tied_ids(position)
                since = entries[-1].published_at  # an older tied story cannot pass it
                newest = _newest_tied(session, flt, tied, sums.views(position), since, limit)
                entries.extend(newest)
                entries.sort(key=_rank)
                break
            sums.reach(position + size)
            chunk = sums.items[position : position + size]
            # Batches grow: when thousands of articles tie at the cut (equal views, ranked
            # by publish time), every tied one must be looked at, in few queries.
            position, size = position + size, min(size * 2, MAX_BATCH)
            batch = {as_uuid(ident): views for views, ident in chunk}
            lookup = (
                select(Article.id, Article.headline, Article.published_at)
                .where(Article.id.in_(list(batch)))
                .where(public_clause(flt.now))
            )
            if limit and len(entries) == limit:
                # Not settled yet, so these tie with the last ranked one at best: only a
                # story published no earlier can still pass it (ties go to the newest).
                lookup = lookup.where(Article.published_at >= entries[-1].published_at)
            rows = session.execute(lookup)
            for ident, headline, published_at in rows:
                assert published_at is not None  # the public rule guarantees it
                entries.append(PopularEntry(ident, headline, published_at, batch[ident]))
            # Only the best ``limit`` so far can end up ranked: keep the list that short.
            entries.sort(key=_rank)
            del entries[limit:]
    return entries[:limit]


class _Sums:
    """Views per article, most-read first, read from the database only as far as needed."""

    def __init__(self, rows: Result[int, Any]) -> None:
        self._rows = rows
        #: (views, article id as stored), in order.
        self.items: list[tuple[int, Any]] = []

    def reach(self, end: int) -> bool:
        """Read until there are ``end`` sums; whether there are (the rows may run out)."""
        if end > len(self.items):
            rows = self._rows.fetchmany(end - len(self.items))
            self.items += [(int(views), ident) for views, ident in rows]
        return len(self.items) >= end

    def views(self, position: int) -> int:
        return self.items[position][0]

    def tied(self, position: int, most: int) -> int:
        """How many sums from ``position`` on equal the one there (counting up to ``most``)."""
        self.reach(position + most)
        views = self.views(position)
        ahead = islice(self.items, position, position + most)
        return sum(1 for _ in takewhile(lambda pair: pair[0] == views, ahead))

    def tied_ids(self, position: int) -> set[Any]:
        """The ids of every article with as many views as the one at ``position``."""
        views = self.views(position)
        while self.items[-1][0] == views and self.reach(len(self.items) + MAX_BATCH):
            pass
        run = takewhile(lambda pair: pair[0] == views, islice(self.items, position, None))
        return {ident for _views, ident in run}


def _newest_tied(
    session: Session,
    flt: DashboardFilter,
    tied: set[Any],
    views: int,
    since: datetime,
    limit: int,
) -> list[PopularEntry]:
    """Among thousands of articles tied at the cut, those that may still rank: ties go to
    the newest, so walk public stories from the newest back to ``since`` and keep the tied
    ones, instead of looking each tied one up by id. ``tied`` holds ids as stored."""
    newest_first = (
        select(stored_id(Article.id), Article.id, Article.headline, Article.published_at)
        .where(public_clause(flt.now, by_time=True))  # newest first, by the time index
        .where(Article.published_at >= since)
        .order_by(Article.published_at.desc(), Article.id)
        .execution_options(yield_per=BATCH)
    )
    found: list[PopularEntry] = []
    result = session.execute(newest_first)
    for stored, ident, headline, published_at in result:
        if stored in tied:
            assert published_at is not None  # the public rule guarantees it
            found.append(PopularEntry(ident, headline, published_at, views))
            if len(found) == limit:  # the newest ``limit`` of them: no later one can rank
                break
    result.close()
    return found


def _rank(entry: PopularEntry) -> tuple[int, float, uuid.UUID]:
    return (-entry.views, -entry.published_at.timestamp(), entry.article_id)


def _settled(entries: list[PopularEntry], limit: int, next_views: int) -> bool:
    """Whether no article with ``next_views`` or fewer can enter the top ``limit``."""
    if len(entries) < limit:
        return False
    if limit == 0:
        return True
    return next_views < entries[limit - 1].views  # entries are kept ranked
