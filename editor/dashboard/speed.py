"""Speed: the time from first draft (``created_at``) to publication, per section.

A mean hides the one story that took a week; the dashboard shows the spread instead:
quartiles, the 90th percentile and a histogram over fixed bins, so sections compare.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from editor.dashboard.filters import DashboardFilter, article_clause
from editor.dashboard.sql_time import hours_between
from editor.database import Database
from editor.models import Article, Section
from editor.publish.visibility import public_clause

#: Histogram bin edges in hours: under 1 h, 1-2 h, 2-4 h, ... and a week or more.
BIN_EDGES_HOURS: tuple[float, ...] = (0, 1, 2, 4, 8, 24, 48, 168)


@dataclass(frozen=True)
class SectionSpeed:
    section_id: uuid.UUID | None
    #: The section's name; empty for articles without a section.
    name: str
    count: int
    #: Hours from first draft to publication.
    minimum: float
    p25: float
    median: float
    p75: float
    p90: float
    maximum: float
    mean: float
    #: Articles per bin of ``BIN_EDGES_HOURS`` (the last bin is open-ended).
    bins: tuple[int, ...]


@dataclass(frozen=True)
class SpeedDistribution:
    bin_edges: tuple[float, ...]
    #: Sections with at least one article published in the window, by name.
    sections: tuple[SectionSpeed, ...]


def quantile(sorted_values: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (numpy's default), of sorted values."""
    if not sorted_values:
        raise ValueError("quantile of no values")
    position = (len(sorted_values) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(sorted_values) - 1)
    weight = position - below
    return sorted_values[below] * (1 - weight) + sorted_values[above] * weight


def histogram(values: list[float], edges: tuple[float, ...] = BIN_EDGES_HOURS) -> tuple[int, ...]:
    """Counts per bin ``[edge_i, edge_i+1)``, the last bin open; negative values go first."""
    counts = [0] * len(edges)
    for value in values:
        slot = 0
        for position, edge in enumerate(edges):
            if value >= edge:
                slot = position
        counts[slot] += 1
    return tuple(counts)


def _summary(section_id: uuid.UUID | None, name: str, hours: list[float]) -> SectionSpeed:
    hours.sort()
    return SectionSpeed(
        section_id=section_id,
        name=name,
        count=len(hours),
        minimum=hours[0],
        p25=quantile(hours, 0.25),
        median=quantile(hours, 0.5),
        p75=quantile(hours, 0.75),
        p90=quantile(hours, 0.9),
        maximum=hours[-1],
        mean=sum(hours) / len(hours),
        bins=histogram(hours),
    )


def speed_distribution(db: Database, flt: DashboardFilter) -> SpeedDistribution:
    """Per section, how long articles published in the window took from first draft."""
    took = hours_between(Article.created_at, Article.published_at, db.dialect)
    stmt = (
        select(Article.section_id, Section.name, took)
        .outerjoin(Section, Section.id == Article.section_id)
        .where(public_clause(flt.now), article_clause(db, flt))
        .where(Article.published_at > flt.start)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    hours: dict[uuid.UUID | None, list[float]] = {}
    names: dict[uuid.UUID | None, str] = {}
    for section_id, name, taken in rows:
        # A publish time set before the draft existed (imports) counts as instant.
        # Whole seconds: julianday arithmetic leaves float noise (2.0000000037 h).
        seconds = max(0, round(float(taken) * 3600))
        hours.setdefault(section_id, []).append(seconds / 3600)
        names[section_id] = name or ""
    sections = sorted(
        (_summary(key, names[key], values) for key, values in hours.items()),
        key=lambda item: (item.name.casefold(), str(item.section_id)),
    )
    return SpeedDistribution(BIN_EDGES_HOURS, tuple(sections))
