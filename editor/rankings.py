"""The sidebar rankings: Populer (most read over a window) and UPDATE (latest published).

Both are single SQL queries over public articles only (``editor.publish.visibility``), so
an embargoed, scheduled, unpublished, killed or trashed article never ranks, and the sum
over millions of page-view rows happens in the database, not in Python.

Ties are broken the same way every time: views (most first), then publish time (newest
first), then the article id, so publishing the same data twice gives the same bytes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from editor.config import DEFAULT_ZONE
from editor.database import Database
from editor.models import Article, PageView
from editor.publish.urls import article_path
from editor.publish.visibility import public_clause

#: The Populer windows a site may choose, by the name settings and the CLI use.
WINDOWS: dict[str, timedelta] = {
    "24h": timedelta(hours=24),
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
}
DEFAULT_WINDOW = WINDOWS["7d"]


@dataclass(frozen=True)
class RankedArticle:
    article_id: uuid.UUID
    headline: str
    published_at: datetime
    url_path: str
    views: int


def window_named(name: str) -> timedelta:
    """The window for a name in ``WINDOWS``; a clear error names the choices otherwise."""
    try:
        return WINDOWS[name]
    except KeyError:
        choices = ", ".join(WINDOWS)
        raise ValueError(f"Unknown Populer window {name!r}; choose one of {choices}.") from None


def _ranked(
    article_id: uuid.UUID,
    headline: str,
    published_at: datetime | None,
    slug: str,
    views: int,
    zone: str,
) -> RankedArticle:
    # The public rule guarantees a publish time; the column itself is nullable.
    assert published_at is not None
    return RankedArticle(
        article_id=article_id,
        headline=headline,
        published_at=published_at,
        url_path=article_path(published_at, article_id, slug, zone),
        views=views,
    )


def _check(now: datetime, limit: int) -> None:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC)")
    if limit < 0:
        raise ValueError("limit must be 0 or more")


def popular(
    db: Database,
    *,
    now: datetime,
    window: timedelta = DEFAULT_WINDOW,
    limit: int = 10,
    zone: str = DEFAULT_ZONE,
) -> list[RankedArticle]:
    """The most-read public articles over the hours in ``(now - window, now]``.

    Views are kept per hour; an hour counts when it starts after ``now - window`` and no
    later than ``now``. Articles without views in the window do not rank.
    """
    _check(now, limit)
    views = func.sum(PageView.views).label("views")
    stmt = (
        select(Article.id, Article.headline, Article.published_at, Article.slug, views)
        .join(PageView, PageView.article_id == Article.id)
        .where(public_clause(now))
        .where(PageView.hour > now - window, PageView.hour <= now)
        .group_by(Article.id, Article.headline, Article.published_at, Article.slug)
        .having(func.sum(PageView.views) > 0)
        .order_by(views.desc(), Article.published_at.desc(), Article.id)
        .limit(limit)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    return [
        _ranked(article_id, headline, when, slug, int(total), zone)
        for article_id, headline, when, slug, total in rows
    ]


def latest(
    db: Database, *, now: datetime, limit: int = 10, zone: str = DEFAULT_ZONE
) -> list[RankedArticle]:
    """The latest published public articles, newest first (``views`` is 0 here)."""
    _check(now, limit)
    stmt = (
        select(Article.id, Article.headline, Article.published_at, Article.slug)
        .where(public_clause(now))
        .order_by(Article.published_at.desc(), Article.id)
        .limit(limit)
    )
    with db.transaction() as session:
        rows = session.execute(stmt).all()
    return [
        _ranked(article_id, headline, when, slug, 0, zone)
        for article_id, headline, when, slug in rows
    ]
