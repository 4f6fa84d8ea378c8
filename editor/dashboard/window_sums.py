"""Views per article over a dashboard window: whole UTC days from the rollup, edges by hour.

A window ``(start, now]`` of 90 days is 2.5 million hourly rows at newsroom scale, but
only about 90 rows per article in ``page_view_days``. The rollup is kept per UTC day, so it
serves the UTC days lying wholly inside the window; the hours of the partial days at
either end come from ``page_views``. Both sums count each stored hour exactly once, so the
result equals summing the hourly rows of the window.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from editor.dashboard.filters import DashboardFilter
from editor.dashboard.ids import stored_id
from editor.models import PageView, PageViewDay

DAY = timedelta(days=1)


def whole_days(start: datetime, now: datetime) -> tuple[date, date] | None:
    """The first and last UTC day whose every moment lies in ``(start, now]``, if any."""
    start, now = start.astimezone(UTC), now.astimezone(UTC)
    first = start.date() + DAY  # midnight after start: later than start
    last = now.date() - DAY  # its day ends at now's midnight at the latest
    return (first, last) if first <= last else None


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _key(column: Any, dialect: str) -> Any:
    # Grouping by (or filtering on) the bare id makes SQLite walk the (article, ...)
    # primary key through every article (or every chosen one); an expression keeps it on
    # the covering time index, reading only the window's rows (the 0006 and 0007 indexes).
    if dialect == "sqlite":
        return stored_id(column).concat("")
    return column


def _chosen(column: Any, key: Any, chosen: Select[Any], flt: DashboardFilter) -> Any:
    """The condition keeping the chosen articles' rows: a reporter's few hundred articles
    are sought one by one through the primary key; a section's thousands are picked out
    while reading the window's range of the time index."""
    return column.in_(chosen) if flt.reporter_id is not None else key.in_(chosen)


def views_per_article(
    session: Session, flt: DashboardFilter, chosen: Select[Any] | None, dialect: str
) -> dict[Any, int]:
    """Views per article in the window, keyed by the article id as the database returns it
    (:func:`editor.dashboard.ids.stored_id`); ``chosen`` narrows to those article ids."""
    # A reporter's few hundred articles: their hours read through the primary key cost
    # less than three queries would, so the rollup is only for the site and sections.
    days = None if flt.reporter_id is not None else whole_days(flt.start, flt.now)
    # Each query reads one tight range of its index: the hours before the first whole
    # day, the whole days, the hours after the last (an OR would scan the whole window).
    hour = PageView.hour
    hour_ranges = [(hour > flt.start, hour <= flt.now)]
    if days is not None:
        first, last = days
        hour_ranges = [
            (hour > flt.start, hour < _midnight(first)),
            (hour >= _midnight(last + DAY), hour <= flt.now),
        ]
    queries = []
    hourly_key = _key(PageView.article_id, dialect)
    for hour_range in hour_ranges:
        hourly = select(hourly_key, func.sum(PageView.views)).where(*hour_range)
        if chosen is not None:
            hourly = hourly.where(_chosen(PageView.article_id, hourly_key, chosen, flt))
        queries.append(hourly.group_by(hourly_key))
    if days is not None:
        daily_key = _key(PageViewDay.article_id, dialect)
        daily = select(daily_key, func.sum(PageViewDay.views)).where(
            PageViewDay.day >= days[0], PageViewDay.day <= days[1]
        )
        if chosen is not None:
            daily = daily.where(_chosen(PageViewDay.article_id, daily_key, chosen, flt))
        queries.append(daily.group_by(daily_key))
    totals: dict[Any, int] = {}
    for query in queries:
        for ident, views in session.execute(query):
            totals[ident] = totals.get(ident, 0) + int(views or 0)
    return totals
