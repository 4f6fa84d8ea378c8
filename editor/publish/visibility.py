"""The one rule for what readers may see, in SQL and in Python.

Pages, lists, feeds, sitemaps, rankings and JSON copies all go through this rule, so an
embargoed, scheduled, unpublished, killed or trashed article never leaks into any output.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, or_

from editor.models import Article
from editor.records import PUBLIC_STATUSES


class _HasVisibility(Protocol):
    status: str
    published_at: datetime | None
    embargo_until: datetime | None


def _check_aware(now: datetime) -> None:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC): visibility compares stored UTC times")


def public_clause(now: datetime, *, by_time: bool = False) -> ColumnElement[bool]:
    """SQL condition: the article is public at ``now`` (status, publish time, embargo).

    ``by_time``: for a query that reads the newest few or a short span of time, so that
    the database walks a time index instead of every public article's status (the
    status is then compared as an expression, which no index can serve).
    """
    _check_aware(now)
    status = Article.status.concat("") if by_time else Article.status
    return and_(
        status.in_(PUBLIC_STATUSES),
        Article.published_at.is_not(None),
        Article.published_at <= now,
        or_(Article.embargo_until.is_(None), Article.embargo_until <= now),
    )


def is_public(item: _HasVisibility | Any, now: datetime) -> bool:
    """The same rule in Python, for an ArticleRecord, an ORM row or any object with the fields."""
    _check_aware(now)
    if item.status not in PUBLIC_STATUSES or item.published_at is None:
        return False
    if item.published_at > now:
        return False
    return item.embargo_until is None or item.embargo_until <= now
