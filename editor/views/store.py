"""Writing page views: counts added per article and hour in SQL, with the import records
that make importing again harmless (file hashes, counted log lines, CSV totals).

Every change to ``page_views`` also moves the rollups by the same amount in the same
transaction: ``page_view_days`` and ``page_view_weeks`` per article and UTC day or week,
``page_view_hours`` for the whole site and ``page_view_section_hours`` per section and UTC
hour. They always agree with the hourly rows (the dashboard relies on it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Column, MetaData, Table, Uuid, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from editor.models import (
    Article,
    PageView,
    PageViewCsvCount,
    PageViewDay,
    PageViewHour,
    PageViewImport,
    PageViewLogLine,
    PageViewSectionHour,
    PageViewWeek,
    UTCDateTime,
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
    per_day: dict[tuple[uuid.UUID, date], int] = {}
    per_hour: dict[datetime, int] = {}
    for (article_id, hour), views in counts.items():
        day_key = (article_id, hour.astimezone(UTC).date())
        per_day[day_key] = per_day.get(day_key, 0) + views
        per_hour[hour] = per_hour.get(hour, 0) + views
    per_week: dict[tuple[uuid.UUID, date], int] = {}
    for (article_id, day), views in per_day.items():
        week_key = (article_id, day - timedelta(days=day.weekday()))  # from Monday
        per_week[week_key] = per_week.get(week_key, 0) + views
    _add_to_counts(session, PageView, counts)
    _add_to_counts(session, PageViewDay, per_day)
    _add_to_counts(session, PageViewWeek, per_week)
    _add_to_counts(session, PageViewHour, {(hour,): views for hour, views in per_hour.items()})
    sections = _sections_of(session, sorted({article_id for article_id, _hour in counts}))
    per_section_hour: dict[tuple[uuid.UUID, datetime], int] = {}
    for (article_id, hour), views in counts.items():
        section_id = sections.get(article_id)
        if section_id is not None:
            key = (section_id, hour)
            per_section_hour[key] = per_section_hour.get(key, 0) + views
    _add_to_counts(session, PageViewSectionHour, per_section_hour)


def _sections_of(session: Session, article_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """Each article's section, read so that a move to another section cannot slip between
    the reading and the commit (its trigger moves only the hours it sees committed)."""
    if session.get_bind().dialect.name == "postgresql":
        # The move's trigger takes SHARE ROW EXCLUSIVE on the totals: it waits until this
        # import commits, or this waits until the move committed and reads its section.
        session.execute(text("LOCK TABLE page_view_section_hours IN ROW EXCLUSIVE MODE"))
    found: dict[uuid.UUID, Any] = {}
    for chunk in _chunks(article_ids):
        rows = session.execute(select(Article.id, Article.section_id).where(Article.id.in_(chunk)))
        found.update({article_id: section_id for article_id, section_id in rows})
    return found


def _add_to_counts(
    session: Session, model: type[Any], counts: Mapping[tuple[Any, ...], int]
) -> None:
    """Insert view rows keyed by ``model``'s primary key, adding to the count where the key
    already exists; zero changes are skipped."""
    table = model.__table__
    assert isinstance(table, Table)
    key = list(table.primary_key.columns)
    # In key order: two imports on a shared PostgreSQL server then lock the site's hot
    # hour totals in the same order, and wait for each other instead of deadlocking.
    rows = [
        {**{column.name: value for column, value in zip(key, values, strict=True)}, "views": views}
        for values, views in sorted(counts.items())
        if views != 0
    ]
    for chunk in _chunks(rows):
        stmt = _insert(session, table)
        stmt = stmt.on_conflict_do_update(
            index_elements=key, set_={"views": table.c.views + stmt.excluded.views}
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


class CsvTotals:
    """One CSV file's totals per article and hour, for a file too big to total in memory.

    Batches are summed into a temporary table as the file is read, then stored over the
    earlier CSV totals (replace_csv_counts) a batch at a time, in key order: memory holds
    one batch whatever the size of the file. The table belongs to the file's transaction:
    it is dropped at the end, and a failed file rolls its creation back with the rest.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._table = Table(
            f"csv_totals_{uuid.uuid4().hex}",  # never the name of a table left behind
            MetaData(),
            Column("article_id", Uuid, primary_key=True),
            Column("hour", UTCDateTime, primary_key=True),
            Column("views", BigInteger, nullable=False),
            prefixes=["TEMPORARY"],
        )
        self._table.create(session.connection())

    def add(self, counts: Mapping[ViewKey, int]) -> None:
        """Add a batch of this file's views to what earlier batches of it summed."""
        table = self._table
        rows = [
            {"article_id": article_id, "hour": hour, "views": views}
            for (article_id, hour), views in sorted(counts.items())
        ]
        for chunk in _chunks(rows):
            stmt = _insert(self._session, table)
            stmt = stmt.on_conflict_do_update(
                index_elements=[table.c.article_id, table.c.hour],
                set_={"views": table.c.views + stmt.excluded.views},
            )
            self._session.execute(stmt, list(chunk))

    def store(self, batch: int) -> int:
        """Store the file's totals over earlier CSV totals, ``batch`` keys at a time; the
        net number of views added. The temporary table is dropped."""
        table = self._table
        net = 0
        after: tuple[uuid.UUID, datetime] | None = None
        while True:
            query = select(table.c.article_id, table.c.hour, table.c.views)
            if after is not None:
                query = query.where(tuple_(table.c.article_id, table.c.hour) > after)
            rows = self._session.execute(
                query.order_by(table.c.article_id, table.c.hour).limit(batch)
            ).all()
            if not rows:
                break
            net += replace_csv_counts(
                self._session, {(article_id, hour): views for article_id, hour, views in rows}
            )
            after = (rows[-1][0], rows[-1][1])
        self._table.drop(self._session.connection())
        return net
