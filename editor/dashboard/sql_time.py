"""Truncating stored UTC times to the hour in SQL, on SQLite and PostgreSQL alike.

Grouping by the hour lets the database count thousands of articles down to a few hundred
rows; the newsroom's days and weeks are then made from those hours in Python.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, func


def hour_of(column: Any, dialect: str) -> ColumnElement[Any]:
    """The hour a stored time falls in: text "YYYY-MM-DD HH" on SQLite, a timestamp on PG."""
    if dialect == "sqlite":
        # SQLite keeps UTC times as uniform naive text, "2026-01-11 04:59:00.000000".
        return func.substr(column, 1, 13)
    return func.date_trunc("hour", func.timezone("UTC", column))


def parse_hour(value: Any) -> datetime:
    """A value of :func:`hour_of` as an aware UTC datetime."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.strptime(str(value), "%Y-%m-%d %H").replace(tzinfo=UTC)


def hours_between(start: Any, end: Any, dialect: str) -> ColumnElement[Any]:
    """``end - start`` in hours, computed by the database (no times parsed in Python)."""
    if dialect == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 24.0
    return func.extract("epoch", end - start) / 3600.0
