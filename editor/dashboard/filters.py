"""What every dashboard chart follows at once: the window, a section, a reporter, the clock.

A filter is a small frozen value; the series functions turn it into SQL conditions here,
in one place, so the five charts can never disagree about which articles they count.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, select, true
from sqlalchemy.orm import aliased

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.models import Article, Byline
from editor.sections import subtree_ids

#: The windows the dashboard offers, by the names the UI and the CSV files use.
WINDOWS: dict[str, timedelta] = {
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "90d": timedelta(days=90),
}


@dataclass(frozen=True)
class DashboardFilter:
    """The hours in ``(now - window, now]``, optionally one section (with its subsections)
    and one reporter (any byline position)."""

    window: timedelta
    section_id: uuid.UUID | None
    reporter_id: uuid.UUID | None
    now: datetime

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValidationError(_("The dashboard needs a timezone-aware 'now' (UTC)."))
        if self.window <= timedelta(0):
            raise ValidationError(
                _("The dashboard window must be longer than zero; pick 24h or more.")
            )

    @property
    def start(self) -> datetime:
        return self.now - self.window


def section_subtree(db: Database, section_id: uuid.UUID) -> list[uuid.UUID]:
    """``section_id`` and every section below it, so "Berita" also counts "Berita/Dunia"."""
    with db.transaction() as session:
        return subtree_ids(session, section_id)


def article_clause(db: Database, flt: DashboardFilter) -> ColumnElement[bool]:
    """SQL condition on ``Article`` for the filter's section and reporter (not the window)."""
    conditions: list[ColumnElement[bool]] = []
    if flt.section_id is not None:
        conditions.append(Article.section_id.in_(section_subtree(db, flt.section_id)))
    if flt.reporter_id is not None:
        # The reporter's articles by the byline index, then each article by its key; an
        # alias, so a query that joins bylines itself (production) is not correlated.
        byline = aliased(Byline)
        mine = select(byline.article_id).where(byline.person_id == flt.reporter_id)
        conditions.append(Article.id.in_(mine))
    return and_(true(), *conditions)


def needs_articles(flt: DashboardFilter) -> bool:
    """Whether a page-view query must join articles (a section or reporter is chosen)."""
    return flt.section_id is not None or flt.reporter_id is not None
