"""Corrections: a note with its time on a published article, which then shows "corrected".

The publish module reads them with ``corrections_for`` to show them on the article page
and in the feeds. Pass ``until`` (the publish clock) so a publish stays a pure function
of the data and the clock.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from editor.database import Database
from editor.models import ArticleCorrection, Person
from editor.workflow.transitions import change_status

CHUNK = 500


@dataclass(frozen=True)
class Correction:
    id: uuid.UUID
    article_id: uuid.UUID
    corrected_at: datetime
    note: str
    #: Who wrote the correction ("" if unknown); for the newsroom, not for readers.
    author: str


def add_correction(
    db: Database,
    article_id: uuid.UUID,
    *,
    actor_id: uuid.UUID,
    note: str,
    now: datetime | None = None,
) -> Correction:
    """Correct a published (or already corrected) article; editors only, audited."""
    record = change_status(db, article_id, "corrected", actor_id=actor_id, note=note, now=now)
    return corrections_for(db, [record.id])[record.id][-1]


def corrections_for(
    db: Database, article_ids: Iterable[uuid.UUID], *, until: datetime | None = None
) -> dict[uuid.UUID, list[Correction]]:
    """Each article's corrections, oldest first; articles without any are left out."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[uuid.UUID, list[Correction]] = {}
    with db.transaction() as session:
        # In chunks: a whole site's ids would pass the database's limit on parameters.
        for start in range(0, len(ids), CHUNK):
            query = (
                select(ArticleCorrection, Person.name)
                .outerjoin(Person, Person.id == ArticleCorrection.author_id)
                .where(ArticleCorrection.article_id.in_(ids[start : start + CHUNK]))
                .order_by(ArticleCorrection.corrected_at, ArticleCorrection.id)
            )
            if until is not None:
                query = query.where(ArticleCorrection.corrected_at <= until)
            for row, name in session.execute(query):
                found.setdefault(row.article_id, []).append(
                    Correction(row.id, row.article_id, row.corrected_at, row.note, name or "")
                )
    return found
