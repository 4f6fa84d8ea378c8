"""What changed in the database since the last publish, asked of the database itself.

A few aggregate queries summarise the tables the site shows (``table_marks``); the
articles whose version moved are found through the ``updated_at`` index and then checked
against the sum of all versions, so a change that kept an old ``updated_at`` (a replica
applying a server's older edit) is noticed too and makes the publish plan everything.
Articles that become public by the clock alone (a publish time or embargo that has come)
and the news sitemap's sliding window are asked about the same way.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from editor.media.tables import MediaItem
from editor.models import Article, ArticleCorrection, PageView, PageViewHour, Person, Section, Tag
from editor.publish.visibility import public_clause


def _rows_digest(session: Session, *columns: Any) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for row in session.execute(select(*columns).order_by(*columns)):
        hasher.update(repr(tuple(row)).encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


@dataclass(frozen=True)
class ArticleMark:
    count: int
    versions: int
    newest_update: str


def article_mark(session: Session) -> ArticleMark:
    count, versions, newest = session.execute(
        select(
            func.count(), func.coalesce(func.sum(Article.version), 0), func.max(Article.updated_at)
        )
    ).one()
    return ArticleMark(int(count), int(versions), newest.isoformat() if newest else "")


def table_marks(session: Session) -> dict[str, object]:
    """Everything besides the articles' own rows that a page can show, summarised."""
    corrections = session.execute(
        select(
            func.count(),
            func.max(ArticleCorrection.corrected_at),
            func.coalesce(func.sum(func.length(ArticleCorrection.note)), 0),
        )
    ).one()
    media = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(MediaItem.version), 0),
            func.max(MediaItem.updated_at),
        )
    ).one()
    return {
        "sections": _rows_digest(
            session, Section.id, Section.parent_id, Section.name, Section.slug, Section.position
        ),
        "people": _rows_digest(session, Person.id, Person.name),
        "tags": _rows_digest(session, Tag.id, Tag.name, Tag.slug),
        "corrections": [str(value) for value in corrections],
        "media": [str(value) for value in media],
    }


def changed_versions(session: Session, since: datetime) -> dict[str, int]:
    """id (hex) -> version of every article saved at or after ``since``."""
    rows = session.execute(select(Article.id, Article.version).where(Article.updated_at >= since))
    return {article_id.hex: int(version) for article_id, version in rows}


def all_versions(session: Session) -> dict[str, int]:
    return {a.hex: int(v) for a, v in session.execute(select(Article.id, Article.version))}


def clock_moved_anything(
    session: Session, before: datetime, now: datetime, window: timedelta
) -> bool:
    """Did time alone change the site between the two publishes?

    An article whose publish time or embargo fell in ``(before, now]`` became public; one
    published in ``[before - window, now - window)`` left the news sitemap; a correction
    dated in ``(before, now]`` appeared.
    """
    came = [
        and_(Article.published_at > before, Article.published_at <= now),
        and_(Article.embargo_until > before, Article.embargo_until <= now),
    ]
    left_news = and_(
        public_clause(before, by_time=True),
        Article.published_at >= before - window,
        Article.published_at < now - window,
    )
    # One query per range, so each reads its own index.
    for clause in [and_(public_clause(now, by_time=True), c) for c in came] + [left_news]:
        if session.execute(select(Article.id).where(clause).limit(1)).first() is not None:
            return True
    correction = select(ArticleCorrection.id).where(
        ArticleCorrection.corrected_at > before, ArticleCorrection.corrected_at <= now
    )
    return session.execute(correction.limit(1)).first() is not None


def views_mark(session: Session) -> list[str] | None:
    """A summary of the page views that moves whenever views are added (SQLite only).

    The newest row id of ``page_views`` moves with every new hour of an article; views
    added to an hour already there go through ``add_views``, which adds them to the
    site's hour totals too. None where there is no row id (PostgreSQL): the ranking is
    then asked again each time.
    """
    if session.get_bind().dialect.name != "sqlite":
        return None
    newest = session.execute(
        select(func.max(literal_column("rowid"))).select_from(PageView)
    ).scalar()
    count, total = session.execute(
        select(func.count(), func.coalesce(func.sum(PageViewHour.views), 0))
    ).one()
    return [str(newest), str(count), str(total)]


def views_window_moved(
    session: Session, before: datetime, now: datetime, window: timedelta
) -> bool:
    """Did hours with views enter or leave the ranking window between the two clocks?"""
    moved = or_(
        and_(PageView.hour > before - window, PageView.hour <= now - window),
        and_(PageView.hour > before, PageView.hour <= now),
    )
    return session.execute(select(PageView.hour).where(moved).limit(1)).first() is not None
