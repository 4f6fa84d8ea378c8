"""Views per article over a dashboard window: whole UTC weeks and days from the rollups,
the edges by hour.

A window ``(start, now]`` of 90 days is 2.5 million hourly rows at newsroom scale, about 90
rows per article in ``page_view_days`` and 13 in ``page_view_weeks``. The rollups are kept
per UTC day and week (from Monday), so they serve the weeks and days lying wholly inside the
window: the whole weeks from ``page_view_weeks``, the days of the partial weeks from
``page_view_days``, the hours of the partial days at either end from ``page_views``. Every
stored hour is counted exactly once, so the result equals summing the hourly rows of the
window.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Result, Select, func, select, union_all
from sqlalchemy.orm import Session

from editor.dashboard.filters import DashboardFilter
from editor.dashboard.ids import stored_id
from editor.models import PageView, PageViewDay, PageViewWeek

DAY = timedelta(days=1)
WEEK = timedelta(days=7)


def whole_days(start: datetime, now: datetime) -> tuple[date, date] | None:
    """The first and last UTC day whose every moment lies in ``(start, now]``, if any."""
    start, now = start.astimezone(UTC), now.astimezone(UTC)
    first = start.date() + DAY  # midnight after start: later than start
    last = now.date() - DAY  # its day ends at now's midnight at the latest
    return (first, last) if first <= last else None


def whole_weeks(first: date, last: date) -> tuple[date, date] | None:
    """The first and last Monday of the weeks (Monday to Sunday) lying wholly within the
    days ``first`` to ``last``, if any."""
    first_monday = first + timedelta(days=-first.weekday() % 7)
    last_sunday = last - timedelta(days=(last.weekday() + 1) % 7)
    last_monday = last_sunday - 6 * DAY
    return (first_monday, last_monday) if first_monday <= last_monday else None


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


def ranked_views(
    session: Session, flt: DashboardFilter, chosen: Select[Any] | None, dialect: str
) -> Result[int, Any]:
    """(views, article id) per article with views in the window, most-read first, read from
    the database as far as the caller fetches. The id is as the database returns it
    (:func:`editor.dashboard.ids.stored_id`); ``chosen`` narrows to those article ids."""
    pieces = []
    for model, conditions in _pieces(flt):
        key = _key(model.article_id, dialect)
        piece = select(key.label("article"), model.views.label("views")).where(*conditions)
        if chosen is not None:
            piece = piece.where(_chosen(model.article_id, key, chosen, flt))
        pieces.append(piece)
    # One sum per article over every piece, ordered by the database: the ranking reads
    # the first few hundred rows, not tens of thousands of Python rows to merge and sort.
    rows = union_all(*pieces).subquery()
    total = func.sum(rows.c.views)
    ranked = select(total, rows.c.article).group_by(rows.c.article).having(total > 0)
    # Core, not the ORM: rows come as the cursor steps, no ORM row objects per article.
    return session.connection().execute(ranked.order_by(total.desc()))


Piece = tuple[type[PageView] | type[PageViewDay] | type[PageViewWeek], tuple[Any, ...]]


def _pieces(flt: DashboardFilter) -> list[Piece]:
    """The window cut into tight ranges of one index each (an OR would scan the whole
    window): hours before the first whole day, days before the first whole week, the whole
    weeks, days after the last, hours after the last whole day."""
    # A reporter's few hundred articles: their hours read through the primary key cost
    # less than several queries would, so the rollups are only for the site and sections.
    days = None if flt.reporter_id is not None else whole_days(flt.start, flt.now)
    hour = PageView.hour
    if days is None:
        return [(PageView, (hour > flt.start, hour <= flt.now))]
    first, last = days
    pieces: list[Piece] = [
        (PageView, (hour > flt.start, hour < _midnight(first))),
        (PageView, (hour >= _midnight(last + DAY), hour <= flt.now)),
    ]
    weeks = whole_weeks(first, last)
    day_ranges = [(first, last)]
    if weeks is not None:
        week = PageViewWeek.week
        pieces.append((PageViewWeek, (week >= weeks[0], week <= weeks[1])))
        day_ranges = [(first, weeks[0] - DAY), (weeks[1] + WEEK, last)]
    day = PageViewDay.day
    pieces += [(PageViewDay, (day >= low, day <= high)) for low, high in day_ranges if low <= high]
    return pieces
