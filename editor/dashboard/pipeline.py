"""The pipeline: how many articles sit in each status now, and what is due to go out
(scheduled) or to come out from under an embargo in the coming days.

The window does not apply here: the pipeline is the state at ``now``. Section and
reporter do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select

from editor.dashboard.filters import DashboardFilter, article_clause, needs_articles
from editor.database import Database
from editor.models import Article
from editor.records import PUBLIC_STATUSES, STATUSES


@dataclass(frozen=True)
class ComingDay:
    day: date
    scheduled: int
    embargoed: int


@dataclass(frozen=True)
class Pipeline:
    #: Every status in workflow order, with its number of articles (0 included).
    statuses: tuple[tuple[str, int], ...]
    #: Today and the following days on the newsroom's calendar.
    coming: tuple[ComingDay, ...]

    def count(self, status: str) -> int:
        return dict(self.statuses)[status]


def _per_day(times: list[datetime], days: list[date], zone: ZoneInfo) -> dict[date, int]:
    counts = dict.fromkeys(days, 0)
    for when in times:
        day = when.astimezone(zone).date()
        if day in counts:
            counts[day] += 1
    return counts


def pipeline(db: Database, flt: DashboardFilter, *, zone: str, days_ahead: int = 7) -> Pipeline:
    """Status counts, and per day from today: scheduled articles by their scheduled time,
    published ones still under embargo by the embargo's end."""
    if days_ahead < 1:
        raise ValueError("days_ahead must be 1 or more")
    local = ZoneInfo(zone)
    today = flt.now.astimezone(local).date()
    days = [today + timedelta(days=offset) for offset in range(days_ahead)]
    end = datetime.combine(days[-1] + timedelta(days=1), datetime.min.time(), tzinfo=local)
    chosen = article_clause(db, flt)
    with db.transaction() as session:
        status: ColumnElement[str] = Article.status.expression
        if needs_articles(flt):
            # Grouping by the bare status makes SQLite walk the whole status index instead
            # of finding the section's or reporter's few thousand articles; an expression
            # cannot be read from that index, so the filter's index is used.
            status = Article.status.concat("")
        grouped = select(status, func.count()).where(chosen).group_by(status)
        counted = Counter({state: int(n) for state, n in session.execute(grouped)})
        scheduled = session.scalars(
            select(Article.scheduled_at)
            .where(chosen, Article.status == "scheduled")
            .where(Article.scheduled_at >= flt.now, Article.scheduled_at < end)
        ).all()
        embargoed = session.scalars(
            select(Article.embargo_until)
            .where(Article.embargo_until > flt.now, Article.embargo_until < end)
            .where(chosen, Article.status.in_(PUBLIC_STATUSES))
        ).all()
    planned = _per_day([t for t in scheduled if t is not None], days, local)
    held = _per_day([t for t in embargoed if t is not None], days, local)
    coming = tuple(ComingDay(day, planned[day], held[day]) for day in days)
    statuses = tuple((status, int(counted.get(status, 0))) for status in STATUSES)
    return Pipeline(statuses, coming)
