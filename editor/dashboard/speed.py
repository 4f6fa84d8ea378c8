"""Speed: the time from first draft (``created_at``) to publication, per section.

A mean hides the one story that took a week; the dashboard shows the spread instead:
quartiles, the 90th percentile and a histogram over fixed bins, so sections compare.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, cast, func, select

from editor.dashboard.filters import DashboardFilter, article_clause
from editor.dashboard.ids import stored_id
from editor.dashboard.sql_time import seconds_between
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
    ordered = sorted(values)  # already sorted by the caller: a linear pass
    below = [0, *(bisect_left(ordered, edge) for edge in edges[1:]), len(ordered)]
    return tuple(below[slot + 1] - below[slot] for slot in range(len(edges)))


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
    # A publish time set before the draft existed (imports) counts as instant.
    took = seconds_between(Article.created_at, Article.published_at, db.dialect)
    section = stored_id(Article.section_id)
    stmt = (
        select(section, _joined(took, db.dialect))
        # By time: the window's articles from the publish-time index, not every public one.
        .where(public_clause(flt.now, by_time=True), article_clause(db, flt))
        .where(Article.published_at > flt.start)
        .group_by(section)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
        names = {
            stored: (section_id, name)
            for stored, section_id, name in session.execute(
                select(stored_id(Section.id), Section.id, Section.name)
            )
        }
    sections = []
    for stored, joined in rows:
        section_id, name = names.get(stored, (None, ""))
        seconds = sorted(map(int, joined.split(",")))
        sections.append(_summary(section_id, name, [value / 3600 for value in seconds]))
    sections.sort(key=lambda item: (item.name.casefold(), str(item.section_id)))
    return SpeedDistribution(BIN_EDGES_HOURS, tuple(sections))


def _joined(seconds: ColumnElement[int], dialect: str) -> ColumnElement[str]:
    """A section's times as one text "3600,120,...": a row per section comes back instead
    of a row per article (tens of thousands of rows, and the garbage collector's work)."""
    if dialect == "sqlite":
        return func.group_concat(seconds, ",")
    return func.string_agg(cast(seconds, String), ",")
