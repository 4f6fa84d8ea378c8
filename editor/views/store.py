"""Writing page views: counts added per article and hour in SQL, with the import records
that make importing again harmless (file hashes, counted log lines, CSV totals).

Every change to ``page_views`` also moves the per-day rollup ``page_view_days`` by the same
amount in the same transaction, so the two always agree (the dashboard relies on it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from editor.models import (
    PageView,
    PageViewCsvCount,
    PageViewDay,
    PageViewImport,
    PageViewLogLine,
)

#: Rows per statement: well under SQLite's and PostgreSQL's bound-parameter limits.
CHUNK = 500

ViewKey = tuple[uuid.UUID, datetime]


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table)


def find_import(session: Session, content_hash: str) -> PageViewImport | None:
    return session.get(PageViewImport, content_hash)


def record_import(
    session: Session, content_hash: str, name: str, kind: str, lines: int, views: int
) -> None:
    session.add(
        PageViewImport(
            content_hash=content_hash, name=name, kind=kind, lines_read=lines, views_counted=views
        )
    )
    session.flush()


def unseen_line_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """The keys among ``keys`` that no earlier import has counted."""
    unseen = set(keys)
    for chunk in _chunks(list(unseen)):
        found = session.scalars(
            select(PageViewLogLine.line_key).where(PageViewLogLine.line_key.in_(chunk))
        )
        unseen.difference_update(found)
    return unseen


def remember_line_keys(session: Session, keyed_hours: Sequence[tuple[str, datetime]]) -> None:
    table = PageViewLogLine.__table__
    assert isinstance(table, Table)
    for chunk in _chunks(keyed_hours):
        session.execute(table.insert(), [{"line_key": key, "hour": hour} for key, hour in chunk])


def add_views(session: Session, counts: Mapping[ViewKey, int]) -> None:
    """Add (or, for a negative number, take away) views per article and hour."""
    table = PageView.__table__
    assert isinstance(table, Table)
    rows = [
        {"article_id": article_id, "hour": hour, "views": views}
        for (article_id, hour), views in counts.items()
        if views != 0
    ]
    _add_to_counts(session, table, "hour", rows)
    _add_day_views(session, counts)


def _add_day_views(session: Session, counts: Mapping[ViewKey, int]) -> None:
    """Move the per-day rollup by the same views as the hours (days in UTC)."""
    per_day: dict[tuple[uuid.UUID, date], int] = {}
    for (article_id, hour), views in counts.items():
        key = (article_id, hour.astimezone(UTC).date())
        per_day[key] = per_day.get(key, 0) + views
    table = PageViewDay.__table__
    assert isinstance(table, Table)
    rows = [
        {"article_id": article_id, "day": day, "views": views}
        for (article_id, day), views in per_day.items()
        if views != 0
    ]
    _add_to_counts(session, table, "day", rows)


def _add_to_counts(session: Session, table: Table, period: str, rows: list[dict[str, Any]]) -> None:
    """Insert view rows, adding to the count where the article and period already exist."""
    for chunk in _chunks(rows):
        stmt = _insert(session, table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.article_id, table.c[period]],
            set_={"views": table.c.views + stmt.excluded.views},
        )
        session.execute(stmt, list(chunk))


def replace_csv_counts(session: Session, counts: Mapping[ViewKey, int]) -> int:
    """Store CSV totals, replacing earlier totals for the same article and hour.

    ``page_views`` moves by the difference only, so views counted from access logs for
    that hour stay. Returns the net number of views added.
    """
    if not counts:
        return 0
    article_ids = sorted({article_id for article_id, _hour in counts})
    first = min(hour for _id, hour in counts)
    last = max(hour for _id, hour in counts)
    earlier: dict[ViewKey, int] = {}
    for chunk in _chunks(article_ids):
        rows = session.execute(
            select(PageViewCsvCount.article_id, PageViewCsvCount.hour, PageViewCsvCount.views)
            .where(PageViewCsvCount.article_id.in_(chunk))
            .where(PageViewCsvCount.hour >= first, PageViewCsvCount.hour <= last)
        )
        earlier.update({(article_id, hour): views for article_id, hour, views in rows})
    differences = {key: views - earlier.get(key, 0) for key, views in counts.items()}
    add_views(session, differences)
    table = PageViewCsvCount.__table__
    assert isinstance(table, Table)
    rows_out = [
        {"article_id": article_id, "hour": hour, "views": views}
        for (article_id, hour), views in counts.items()
    ]
    for chunk in _chunks(rows_out):
        stmt = _insert(session, table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.article_id, table.c.hour],
            set_={"views": stmt.excluded.views},
        )
        session.execute(stmt, list(chunk))
    return sum(differences.values())
