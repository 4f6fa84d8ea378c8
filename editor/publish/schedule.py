"""Scheduled articles go live at their time: the publish first promotes the ones that are due.

A scheduled article has status ``scheduled`` and a ``scheduled_at`` time. The first
publish at or after that time turns it into a published article whose publish time is the
scheduled time (not the moment the publish happened to run), so the output stays a
function of the data and the clock. The change bumps the article's version, so an editor
who had it open gets the usual conflict prompt rather than silently undoing it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from editor.database import Database
from editor.models import Article


def promote_due_articles(db: Database, now: datetime) -> list[uuid.UUID]:
    """Publish every scheduled article whose time has come; return their ids."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC)")
    promoted = []
    with db.transaction() as session:
        due = session.scalars(
            select(Article)
            .where(Article.status == "scheduled", Article.scheduled_at <= now)
            .order_by(Article.scheduled_at, Article.id)
        )
        for article in due:
            assert article.scheduled_at is not None
            article.status = "published"
            article.published_at = article.published_at or article.scheduled_at
            article.updated_at = max(article.updated_at, article.scheduled_at)
            promoted.append(article.id)
    return promoted
