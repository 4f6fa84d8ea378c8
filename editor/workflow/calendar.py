"""The editorial calendar and the day's story budget, as plain data for views and print.

The calendar lists what is scheduled (and what went out) between two times, each entry
placed on the newsroom's local day and hour. Rescheduling is a status change
(``change_status(..., "scheduled", scheduled_at=...)`` on a scheduled article), so it is
checked and audited like any other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.models import Article, Byline, Person, Section

#: Statuses on the story budget: what is planned, ready, or out today.
BUDGET_STATUSES = (
    "submitted",
    "in_review",
    "sent_back",
    "approved",
    "scheduled",
    "published",
    "corrected",
)


@dataclass(frozen=True)
class CalendarEntry:
    article_id: uuid.UUID
    headline: str
    status: str
    section: str
    byline: str
    word_count: int
    #: The scheduled time, else the publish time (UTC).
    when: datetime
    #: The same time on the newsroom's calendar.
    local_day: date
    local_hour: int


def _bylines(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    names: dict[uuid.UUID, list[str]] = {}
    rows = session.execute(
        select(Byline.article_id, Person.name)
        .join(Person, Person.id == Byline.person_id)
        .where(Byline.article_id.in_(ids))
        .order_by(Byline.article_id, Byline.position)
    )
    for article_id, name in rows:
        names.setdefault(article_id, []).append(name)
    return {key: ", ".join(value) for key, value in names.items()}


def calendar(db: Database, start: datetime, end: datetime, *, zone: str) -> list[CalendarEntry]:
    """Articles scheduled or published in [start, end), in time order."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValidationError(_("The calendar needs timezone-aware start and end times."))
    when = func.coalesce(Article.scheduled_at, Article.published_at)
    query = (
        select(Article, Section.name)
        .outerjoin(Section, Section.id == Article.section_id)
        .where(Article.status.in_(BUDGET_STATUSES))
        .where(or_(Article.scheduled_at.is_not(None), Article.published_at.is_not(None)))
        .where(when >= start, when < end)
        .order_by(when, Article.id)
    )
    local = ZoneInfo(zone)
    with db.transaction() as session:
        rows = session.execute(query).all()
        bylines = _bylines(session, [article.id for article, _ in rows])
    entries = []
    for article, section in rows:
        moment = article.scheduled_at or article.published_at
        assert moment is not None
        on_calendar = moment.astimezone(local)
        entries.append(
            CalendarEntry(
                article_id=article.id,
                headline=article.headline,
                status=article.status,
                section=section or "",
                byline=bylines.get(article.id, ""),
                word_count=article.word_count,
                when=moment,
                local_day=on_calendar.date(),
                local_hour=on_calendar.hour,
            )
        )
    return entries


def day_budget(db: Database, day: date, *, zone: str) -> list[CalendarEntry]:
    """The story budget of one newsroom day: what is scheduled or published on it."""
    local = ZoneInfo(zone)
    start = datetime.combine(day, time(0, 0), tzinfo=local)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=local)
    return calendar(db, start, end, zone=zone)
