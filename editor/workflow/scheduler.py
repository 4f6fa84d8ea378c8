"""Publishing scheduled articles when their time comes: ``publish_due``.

The app calls it while it runs, and ``redaksi publish --due`` calls it from cron or the
Windows Task Scheduler. An article goes live at its scheduled time, never before: its
publish time becomes the scheduled time, not the moment the job happened to run, so a
late run publishes the same page an on-time run would have. The checklist ran when the
article was scheduled and is not run again here. Embargoes are the publish visibility
rule's business (``editor.publish.visibility``): an article published with an embargo
still stays out of every output until the embargo ends.

It runs on the real clock only. ``now`` may be given (tests, a job that read the clock a
moment ago) but never later than the real time: a clock set ahead would publish for good
what is not due yet. Its audit entries carry the time they were written.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from editor.articles import to_record
from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.models import Article, utcnow
from editor.records import ArticleRecord
from editor.workflow.audit import add_entry

#: Two jobs running at once: the loser retries and finds the work done.
ATTEMPTS = 3


def _publish_due_once(
    db: Database, now: datetime, actor_id: uuid.UUID | None
) -> list[ArticleRecord]:
    published = []
    with db.transaction() as session:
        due = session.scalars(
            select(Article)
            .where(Article.status == "scheduled", Article.scheduled_at <= now)
            .order_by(Article.scheduled_at, Article.id)
            .options(selectinload(Article.body))
            .with_for_update()
        ).all()
        for article in due:
            when = article.scheduled_at
            assert when is not None
            article.status = "published"
            article.published_at = when
            article.updated_at = max(article.updated_at, when)
            add_entry(
                session,
                action="status",
                actor_id=actor_id,
                article_id=article.id,
                from_status="scheduled",
                to_status="published",
                note=f"scheduled time {when.isoformat()} reached",
            )
        session.flush()
        published = [to_record(session, article) for article in due]
    return published


def publish_due(
    db: Database, *, now: datetime, actor_id: uuid.UUID | None = None
) -> list[ArticleRecord]:
    """Publish every scheduled article whose time is at or before ``now``; return them.

    ValidationError, and nothing published, when ``now`` is later than the real clock.
    """
    if now.tzinfo is None:
        raise ValidationError(_("publish_due needs a timezone-aware time."))
    if now > utcnow():
        raise ValidationError(
            _(
                "The scheduler runs on the real clock only; {now} has not come yet. Nothing "
                "was published."
            ).format(now=now.isoformat())
        )
    for attempt in range(ATTEMPTS):
        try:
            return _publish_due_once(db, now, actor_id)
        except StaleDataError:
            if attempt == ATTEMPTS - 1:
                raise
    return []
