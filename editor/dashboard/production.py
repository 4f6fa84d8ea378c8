"""Production: how many articles went out per day or week, by section or by reporter.

An article counts when it is public (the same rule as the published site) and its publish
time lies in the window. By reporter, an article with two bylines counts for both.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from editor.dashboard.buckets import buckets_in
from editor.dashboard.filters import DashboardFilter, article_clause
from editor.dashboard.sql_time import period_slot
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
    local = ZoneInfo(zone)
    periods = buckets_in(flt.start, flt.now, period, local)
    # The database puts each article in its day or week by the periods' starts in UTC
    # (the first period also takes the window's partial first hour), and counts per
    # period and group: a few hundred rows come back, not every article.
    slot = period_slot(Article.published_at, [start.astimezone(UTC) for start in periods[1:]])
    if grouping == "section":
        names: type[Section] | type[Person] = Section
        stmt = select(slot.label("slot"), Article.section_id.label("key"))
    else:
        names = Person
        # An article with two bylines counts for both; (article, person) is the key.
        stmt = select(slot.label("slot"), Byline.person_id.label("key")).join(
            Byline, Byline.article_id == Article.id
        )
        if flt.reporter_id is not None:  # the reporter's own line, not their co-authors'
            stmt = stmt.where(Byline.person_id == flt.reporter_id)
    chosen = (
        # By time: the window's articles from the publish-time index, not every public one.
        stmt.where(public_clause(flt.now, by_time=True), article_clause(db, flt))
        .where(Article.published_at > flt.start)
        .subquery()
    )
    counted = (
        select(chosen.c.slot, chosen.c.key, func.count().label("articles"))
        .group_by(chosen.c.slot, chosen.c.key)
        .subquery()
    )
    named = select(counted.c.slot, counted.c.key, names.name, counted.c.articles).outerjoin(
        names, names.id == counted.c.key
    )
    with db.transaction() as session:
        rows = session.execute(named).all()
    counts: dict[uuid.UUID | None, list[int]] = {}
    group_names: dict[uuid.UUID | None, str] = {}
    for position, key, name, number in rows:
        counts.setdefault(key, [0] * len(periods))[position] += int(number)
        group_names[key] = name or ""
    groups = sorted(
        (ProductionGroup(key, group_names[key], tuple(values)) for key, values in counts.items()),
        key=lambda group: (-group.total, group.name.casefold(), str(group.key)),
    )
    return ProductionSeries(period, grouping, tuple(periods), tuple(groups))
