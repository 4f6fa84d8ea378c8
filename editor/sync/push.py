"""A replica's outbox going up: the next batch of ops, and the server's answers settled.

Ops go up in order, a few hundred a request (the server carries out a batch in one
transaction, ``editor.sync.apply_batch``). The answers to one batch are recorded in one
local transaction: the ops leave the outbox, a refusal or conflict leaves a notice (and,
for a create or save, a local revision with the text as it stood here), and the articles'
states the server sent back are written table by table as a pulled page is
(``remote_bulk``), an article with more ops waiting being deferred as always.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.i18n import _
from editor.models import Article, Revision, utcnow
from editor.sync.capture import REMOTE
from editor.sync.remote_bulk import apply_article_states
from editor.sync.states import State, dumps, loads
from editor.sync.tables import OutboxOp, SyncNotice

#: Ops a push carries at most (the server takes up to 500) ...
PUSH_BATCH = 300
#: ... and bytes of ops, well under the server's 64 MB request limit: a save carries its
#: base and its text, each up to the core's 2,000,000 characters.
PUSH_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class SyncNoticeRecord:
    id: uuid.UUID
    at: datetime
    article_id: uuid.UUID | None
    #: "refused" or "conflict".
    kind: str
    message: str
    #: The local revision that keeps the text the server did not take.
    revision_id: uuid.UUID | None
    seen: bool


def notice_record(notice: SyncNotice) -> SyncNoticeRecord:
    return SyncNoticeRecord(
        id=notice.id,
        at=notice.at,
        article_id=notice.article_id,
        kind=notice.kind,
        message=notice.message,
        revision_id=notice.revision_id,
        seen=notice.seen,
    )


def next_batch(db: Database) -> list[OutboxOp]:
    """The oldest queued ops, up to PUSH_BATCH of them and PUSH_BYTES (always one)."""
    batch: list[OutboxOp] = []
    size = 0
    with db.transaction() as session:
        query = select(OutboxOp).order_by(OutboxOp.position).limit(PUSH_BATCH)
        for op in session.scalars(query):
            size += len(op.payload_json)
            if batch and size > PUSH_BYTES:
                break
            batch.append(op)
    return batch


def wire(op: OutboxOp) -> dict[str, Any]:
    """An op as the server takes it (docs/sync.md §4)."""
    return {
        "op_id": str(op.op_id),
        "kind": op.kind,
        "base_version": op.base_version,
        "payload": loads(op.payload_json),
    }


@dataclass(frozen=True)
class Settled:
    notices: list[SyncNoticeRecord]
    outcomes: Counter[str]
    #: Each article's state as written here (``states.dumps``), by id: the pull that
    #: follows brings the same states back and need not write them again.
    states: dict[str, str]


def settle(db: Database, ops: list[OutboxOp], results: list[dict[str, Any]]) -> Settled:
    """Record the server's answers to ``ops`` (in order; fewer answers than ops leaves
    the rest queued) in one local unit of work."""
    outcomes: Counter[str] = Counter()
    notices: list[SyncNotice] = []
    states: dict[uuid.UUID, State] = {}
    answered = list(zip(ops, results, strict=False))
    with db.transaction() as session:
        session.info[REMOTE] = True
        waiting = {
            row.op_id: row
            for row in session.scalars(
                select(OutboxOp).where(OutboxOp.op_id.in_([op.op_id for op in ops]))
            )
        }
        for op, result in answered:
            outcome = str(result.get("outcome", "applied"))
            outcomes[outcome] += 1
            row = waiting.pop(op.op_id, None)
            if row is None:
                continue  # settled already (a sync interrupted after the answer)
            session.delete(row)
            if outcome in ("refused", "conflict"):
                notices.append(_notice(session, op, outcome, result))
            state = result.get("article")
            if op.article_id is not None and isinstance(state, dict):
                # The newest state of each article is what counts: the server's state
                # after the batch rides on the last op naming it.
                states[op.article_id] = state
        session.flush()
        apply_article_states(session, [{"id": str(a), "state": s} for a, s in states.items()])
        records = [notice_record(notice) for notice in notices]
    return Settled(records, outcomes, {str(a): dumps(s) for a, s in states.items()})


def _notice(session: Session, op: OutboxOp, outcome: str, result: dict[str, Any]) -> SyncNotice:
    """A refusal or conflict for the person to read; the text as it stood here is kept
    as a local revision first (before the server's state replaces it)."""
    revision_id = None
    if op.article_id is not None and op.kind in ("create", "save"):
        revision_id = keep_local_text(session, op.article_id, outcome)
    message = str(result.get("reason") or "")
    if outcome == "conflict":
        message = _(
            "Your change and someone else's touched the same passage ({fields}); "
            "the newsroom kept both. Open the article to compare and choose."
        ).format(fields=", ".join(result.get("fields") or ()))
    notice = SyncNotice(
        at=utcnow(),
        op_id=op.op_id,
        article_id=op.article_id,
        kind=outcome,
        message=message,
        revision_id=revision_id,
        seen=False,
    )
    session.add(notice)
    return notice


def keep_local_text(session: Session, article_id: uuid.UUID, kind: str) -> uuid.UUID | None:
    """A local revision of the article as it stands here, before the server's state
    replaces it: the text the server did not take is never lost."""
    from editor.articles import _load, to_record
    from editor.revisions import snapshot_metadata

    if session.get(Article, article_id) is None:
        return None
    record = to_record(session, _load(session, article_id))
    latest = session.scalar(
        select(func.max(Revision.number)).where(Revision.article_id == article_id)
    )
    revision = Revision(
        id=uuid.uuid4(),
        article_id=article_id,
        number=(latest or 0) + 1,
        created_at=utcnow(),
        author_id=None,
        kind=kind,
        note=_("Kept on this computer: the newsroom server did not take this text."),
        article_version=record.version,
        headline=record.headline,
        kicker=record.kicker,
        lead=record.lead,
        body=record.body,
        metadata_json=dumps(snapshot_metadata(record)),
    )
    session.add(revision)
    session.flush()
    return revision.id
