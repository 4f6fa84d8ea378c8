"""Production: how many articles went out per day or week, by section or by reporter.

An article counts when it is public (the same rule as the published site) and its publish
time lies in the window. By reporter, an article with two bylines counts for both.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from editor.dashboard.buckets import bucket_of, buckets_in
from editor.dashboard.filters import DashboardFilter, article_clause
from editor.dashboard.sql_time import hour_of, parse_hour
from editor.database import Database
from editor.models import Article, Byline, Person, Section
from editor.publish.visibility import public_clause

PERIODS = ("day", "week")
GROUPINGS = ("section", "reporter")


@dataclass(frozen=True)
class ProductionGroup:
    #: The section's or reporter's id; None for articles without a section.
    key: uuid.UUID | None
    #: Its name; empty for articles without a section.
    name: str
    #: Articles per period, in the order of ``ProductionSeries.periods``.
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ProductionSeries:
    period: str
    grouping: str
    #: Start of each day or week (Monday) in the newsroom's zone.
    periods: tuple[datetime, ...]
    #: Most productive first, then by name.
    groups: tuple[ProductionGroup, ...]

    def totals(self) -> tuple[int, ...]:
        """Articles per period over all groups (by reporter, co-written ones once each)."""
        return tuple(
            sum(group.counts[slot] for group in self.groups) for slot in range(len(self.periods))
        )


def production(
    db: Database, flt: DashboardFilter, *, period: str = "day", grouping: str = "section", zone: str
) -> ProductionSeries:
    if period not in PERIODS:
        raise ValueError(f"Unknown period {period!r}; use day or week.")
    if grouping not in GROUPINGS:
        raise ValueError(f"Unknown grouping {grouping!r}; use section or reporter.")
    hour = hour_of(Article.published_at, db.dialect).label("hour")
    count = func.count(Article.id.distinct())
    if grouping == "section":
        stmt = select(hour, Article.section_id, Section.name, count).outerjoin(
            Section, Section.id == Article.section_id
        )
        keys = (Article.section_id, Section.name)
    else:
        stmt = (
            select(hour, Person.id, Person.name, count)
            .join(Byline, Byline.article_id == Article.id)
            .join(Person, Person.id == Byline.person_id)
        )
        keys = (Person.id, Person.name)
        if flt.reporter_id is not None:  # the reporter's own line, not their co-authors'
            stmt = stmt.where(Person.id == flt.reporter_id)
    stmt = (
        stmt.where(public_clause(flt.now), article_clause(db, flt))
        .where(Article.published_at > flt.start)
        .group_by(hour, *keys)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    local = ZoneInfo(zone)
    periods = buckets_in(flt.start, flt.now, period, local)
    index = {start: position for position, start in enumerate(periods)}
    counts: dict[uuid.UUID | None, list[int]] = {}
    names: dict[uuid.UUID | None, str] = {}
    slots: dict[object, int] = {}  # per stored hour: parsing and zones cost more than SQL
    for stored_hour, key, name, number in rows:
        slot = slots.get(stored_hour)
        if slot is None:
            # None: published within the window's first, partial hour.
            slot = index.get(bucket_of(parse_hour(stored_hour), period, local), 0)
            slots[stored_hour] = slot
        counts.setdefault(key, [0] * len(periods))[slot] += int(number)
        names[key] = name or ""
    groups = sorted(
        (ProductionGroup(key, names[key], tuple(values)) for key, values in counts.items()),
        key=lambda group: (-group.total, group.name.casefold(), str(group.key)),
    )
    return ProductionSeries(period, grouping, tuple(periods), tuple(groups))
