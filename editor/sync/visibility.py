"""What a person's replica carries: the articles they may read, and which bodies.

Editors and admins read every article. A reporter reads their own articles (their name
on the byline) and everyone else's once it has left its writer's hands: another
reporter's draft, sent-back or trashed article is theirs alone.

A big newsroom's replica stays small: metadata for everything readable, bodies for the
person's own articles, their desk's recent articles (the sections they wrote in over
``DESK_DAYS``, articles changed in the last ``RECENT_DAYS``), for editors the articles
waiting in the review queue, and whatever they opened on a replica (a subscription).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.models import Article, Byline, Person, utcnow
from editor.sync.tables import BodySubscription
from editor.workflow.roles import has_permission

#: Another person's article in these statuses is private to its writers.
PRIVATE_STATUSES = ("draft", "sent_back", "trashed")
#: An editor's replica carries the bodies of articles in these statuses.
REVIEW_QUEUE = ("submitted", "in_review", "approved", "scheduled")
DESK_DAYS = 90
RECENT_DAYS = 14
CHUNK = 500


def reads_everything(person: Person) -> bool:
    return has_permission(person.role, "edit_any")


def may_read(person: Person, status: str, byline_ids: Iterable[uuid.UUID]) -> bool:
    if not person.active:
        return False
    if reads_everything(person) or person.id in set(byline_ids):
        return True
    return status not in PRIVATE_STATUSES


def desk_sections(session: Session, person: Person) -> set[uuid.UUID]:
    """Sections the person wrote in lately: their desk."""
    since = utcnow() - timedelta(days=DESK_DAYS)
    query = (
        select(Article.section_id)
        .join(Byline, Byline.article_id == Article.id)
        .where(Byline.person_id == person.id, Article.updated_at >= since)
        .where(Article.section_id.is_not(None))
        .distinct()
    )
    return {section for section in session.scalars(query) if section is not None}


def bodies_carried(session: Session, person: Person, articles: Iterable[Article]) -> set[uuid.UUID]:
    """Of ``articles`` (readable ones, bylines loaded), those whose body travels."""
    chosen: set[uuid.UUID] = set()
    rest: list[Article] = []
    recent = utcnow() - timedelta(days=RECENT_DAYS)
    desk: set[uuid.UUID] | None = None
    for article in articles:
        if person.id in {b.person_id for b in article.bylines} or (
            reads_everything(person) and article.status in REVIEW_QUEUE
        ):
            chosen.add(article.id)
        else:
            if article.updated_at >= recent and article.section_id is not None:
                desk = desk_sections(session, person) if desk is None else desk
                if article.section_id in desk:
                    chosen.add(article.id)
                    continue
            rest.append(article)
    ids = [article.id for article in rest]
    for start in range(0, len(ids), CHUNK):
        query = select(BodySubscription.article_id).where(
            BodySubscription.person_id == person.id,
            BodySubscription.article_id.in_(ids[start : start + CHUNK]),
        )
        chosen.update(session.scalars(query))
    return chosen
