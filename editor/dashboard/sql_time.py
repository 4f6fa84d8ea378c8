"""Stored UTC times into the newsroom's days and weeks, and durations, in SQL.

Grouping in the database lets it count a 90-day window's twenty thousand articles down to
a few hundred rows (a day or week per section or reporter) on SQLite and PostgreSQL
alike, with the zone's own day boundaries (23- and 25-hour days included) and no times
parsed in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, cast, func, literal


def period_slot(column: Any, boundaries: Sequence[datetime]) -> ColumnElement[int]:
    """How many of the sorted ``boundaries`` are at or before ``column``: the number of
    the period a time falls in, when ``boundaries`` are the starts of all periods but the
    first. A balanced tree of comparisons, about seven per row for a 90-day window."""

    def slot(low: int, high: int) -> ColumnElement[int]:
        if low == high:
            return literal(low, Integer)
        middle = (low + high) // 2
        return case((column < boundaries[middle], slot(low, middle)), else_=slot(middle + 1, high))

    return slot(0, len(boundaries))


def seconds_between(start: Any, end: Any, dialect: str) -> ColumnElement[int]:
    """``end - start`` in whole seconds (half a second up), 0 when ``end`` comes first."""
    if dialect == "sqlite":
        # julianday arithmetic leaves float noise (7199.9999996 s): rounding removes it.
        took = (func.julianday(end) - func.julianday(start)) * 86400.0
        return cast(func.max(took, 0.0) + 0.5, Integer)
    took = func.extract("epoch", end - start)
    return cast(func.floor(func.greatest(took, 0) + 0.5), Integer)
