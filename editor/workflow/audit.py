"""The audit log: every status change, override, take-over and refusal, never edited.

``add_entry`` writes inside the caller's unit of work, so a change and its record commit
together. ``record_refusal`` writes in a unit of work of its own, because the refused
action's unit of work is rolled back and the refusal must still be kept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from editor.database import Database
from editor.models import Article, AuditEntry, Person, utcnow

DEFAULT_LIMIT = 200
OUTCOMES = ("done", "override", "refused")


@dataclass(frozen=True)
class AuditRecord:
    id: uuid.UUID
    at: datetime
    article_id: uuid.UUID | None
    headline: str
    actor_id: uuid.UUID | None
    #: The person's name; when no one is named, "scheduler" for an article's status change
    #: (the scheduler publishing what is due) and "system" otherwise (a fresh newsroom's
    #: first admin or first import, set up before anyone could sign in; the demo newsroom;
    #: a sign-in with an unknown handle).
    actor: str
    action: str
    outcome: str
    from_status: str
    to_status: str
    note: str


def add_entry(
    session: Session,
    *,
    action: str,
    actor_id: uuid.UUID | None,
    article_id: uuid.UUID | None = None,
    outcome: str = "done",
    from_status: str = "",
    to_status: str = "",
    note: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown audit outcome {outcome!r}")
    entry = AuditEntry(
        at=at or utcnow(),
        article_id=article_id,
        actor_id=actor_id,
        action=action,
        outcome=outcome,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )
    session.add(entry)
    return entry


def record_refusal(
    db: Database,
    *,
    action: str,
    actor_id: uuid.UUID | None,
    reason: str,
    article_id: uuid.UUID | None = None,
    from_status: str = "",
    to_status: str = "",
    at: datetime | None = None,
) -> None:
    """Keep a refused attempt, in its own transaction (the attempt's was rolled back)."""
    with db.transaction() as session:
        add_entry(
            session,
            action=action,
            actor_id=actor_id,
            article_id=article_id,
            outcome="refused",
            from_status=from_status,
            to_status=to_status,
            note=reason,
            at=at,
        )


def audit_log(
    db: Database, article_id: uuid.UUID | None = None, *, limit: int = DEFAULT_LIMIT
) -> list[AuditRecord]:
    """Entries for one article, or for the whole newsroom when ``article_id`` is None;
    newest first."""
    actor = aliased(Person)
    query = (
        select(AuditEntry, actor.name, Article.headline)
        .outerjoin(actor, actor.id == AuditEntry.actor_id)
        .outerjoin(Article, Article.id == AuditEntry.article_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id)
        .limit(max(1, limit))
    )
    if article_id is not None:
        query = query.where(AuditEntry.article_id == article_id)
    with db.transaction() as session:
        rows = session.execute(query).all()
    return [
        AuditRecord(
            id=entry.id,
            at=entry.at,
            article_id=entry.article_id,
            headline=headline or "",
            actor_id=entry.actor_id,
            actor=name or _nobody(entry),
            action=entry.action,
            outcome=entry.outcome,
            from_status=entry.from_status,
            to_status=entry.to_status,
            note=entry.note,
        )
        for entry, name, headline in rows
    ]


def last_send_back(db: Database, article_id: uuid.UUID) -> AuditRecord | None:
    """The newest move of the article to "sent back", with the editor's note, if any."""
    for entry in audit_log(db, article_id, limit=SEND_BACK_LOOKBACK):
        if entry.action == "status" and entry.to_status == "sent_back":
            return entry
    return None


#: How far back in an article's audit entries its last send-back is looked for; an
#: article goes through a few dozen moves at most.
SEND_BACK_LOOKBACK = 200


def _nobody(entry: AuditEntry) -> str:
    if entry.actor_id is not None:
        return "(removed)"
    return "scheduler" if entry.action == "status" and entry.article_id else "system"
