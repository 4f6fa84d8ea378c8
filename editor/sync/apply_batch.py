"""Carrying out a pushed batch of ops in one transaction, each through the core's rules.

``apply.apply_op`` gives every op its own handful of transactions: one commit, one
change-feed update and a state read each, which held a push to a few saves a second.
Here a batch runs in a single transaction: every core service called for an op gets the
batch's session (``OneTransaction``), the change feed numbers the batch's rows once at the
commit, applied ops are recorded together, and the states the client needs back are read
with one query per table.

Rules are not relaxed: each op goes through ``apply._dispatch``, the same core services as
alone. What the batch cannot do is roll back one op and keep the others, which is what a
refused op needs (its audit entry stays, its attempt does not). So the batch is run
optimistically: at the first op that fails or is refused, or that left a unit of work
half written, the whole transaction is rolled back; the ops before it run again as a
batch (and commit), the failing op runs alone through ``apply_op`` (refused, audited and
recorded exactly as before), and the batch goes on after it. A refusal costs a replay of
the ops before it; a push without one costs nothing extra.

Idempotent as ``apply_op``: an op already recorded is answered with its stored result; a
batch that another request carries out at the same moment fails at its commit (the op
ids are unique) and is answered from what that request stored.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session, selectinload

from editor.database import Database
from editor.models import Article
from editor.sync.apply import _dispatch, _Outcome, apply_op
from editor.sync.feed import CURRENT_OP, OpContext
from editor.sync.snapshots import article_states
from editor.sync.states import dumps, loads, parse_uuid
from editor.sync.tables import AppliedOp
from editor.workflow.roles import load_actor

#: A batch whose commit met the same ops committed by another request is read again
#: this many times before its ops go one by one.
COMMIT_RACES = 2


class OneTransaction(Database):
    """The database as the core sees it during a batch: every unit of work it opens is
    the batch's session. A unit of work that raises after writing (which alone would
    have rolled back) marks the batch ``spoilt``: it must be rolled back whole."""

    session: Session
    spoilt: bool
    writes: int

    @classmethod
    def over(cls, db: Database, session: Session) -> OneTransaction:
        values = {f.name: getattr(db, f.name) for f in dataclasses.fields(db)}
        batch = cls(**values)
        batch.session, batch.spoilt, batch.writes = session, False, 0
        event.listen(session, "after_flush", batch._flushed)
        event.listen(session, "do_orm_execute", batch._executed)
        return batch

    def _flushed(self, _session: Session, _context: Any) -> None:
        self.writes += 1

    def _executed(self, state: ORMExecuteState) -> None:
        if not state.is_select:
            self.writes += 1

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        session = self.session
        writes = self.writes
        try:
            yield session
        except _Outcome:
            raise  # an op ending early on purpose, before writing (apply._dispatch)
        except BaseException:
            if self.writes != writes or session.new or session.dirty or session.deleted:
                self.spoilt = True
            raise

    def close(self) -> None:
        """The batch's owner closes the real database."""


class _Failed(Exception):
    """The op at ``index`` failed or was refused: the batch is rolled back."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def apply_ops(
    db: Database, person_id: uuid.UUID, ops: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Carry out ``ops`` in order as ``person_id``; one result per op, as ``apply_op``
    gives. The article's state after the batch rides on the last result naming it."""
    results: list[dict[str, Any]] = []
    start = 0
    races = 0
    while start < len(ops):
        chunk = ops[start:]
        try:
            done = _run(db, person_id, chunk)
        except _Failed as failure:
            if failure.index > 0:
                chunk = chunk[: failure.index]
                continue_with = _run_prefix(db, person_id, chunk)
                results.extend(continue_with)
                start += len(continue_with)
                continue
            results.append(apply_op(db, person_id, chunk[0]))
            start += 1
            continue
        except IntegrityError:
            races += 1
            if races <= COMMIT_RACES:
                continue  # read again: the other request's results are stored now
            results.append(apply_op(db, person_id, chunk[0]))
            start += 1
            continue
        results.extend(done)
        start += len(chunk)
    return results


def _run_prefix(
    db: Database, person_id: uuid.UUID, chunk: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The ops before a failure, as a batch of their own; if one of them fails now (the
    newsroom changed meanwhile), the ops before that one, and so on."""
    while chunk:
        try:
            return _run(db, person_id, chunk)
        except _Failed as failure:
            if failure.index == 0:
                return [apply_op(db, person_id, chunk[0])]
            chunk = chunk[: failure.index]
        except IntegrityError:
            return [apply_op(db, person_id, chunk[0])]
    return []


def _op_id(op: Any) -> uuid.UUID:
    if not isinstance(op, dict) or "op_id" not in op:
        raise ValueError("an op without an id")  # the endpoint refuses these first
    return uuid.UUID(str(op["op_id"]))


def _run(db: Database, person_id: uuid.UUID, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """All of ``ops`` in one transaction, committed; _Failed (rolled back) at the first
    op that does not go through as it would alone."""
    ids = [_op_id(op) for op in ops]
    article_ids = [parse_uuid((op.get("payload") or {}).get("article_id")) for op in ops]
    results: list[dict[str, Any]] = []
    with db.transaction() as session:
        stored = {
            row.op_id: loads(row.result_json)
            for row in session.scalars(select(AppliedOp).where(AppliedOp.op_id.in_(set(ids))))
        }
        # Held for the batch: the session keeps only weak references to what it loaded.
        articles = _load_articles(session, {a for a in article_ids if a is not None})
        batch = OneTransaction.over(db, session)
        fresh: dict[uuid.UUID, dict[str, Any]] = {}
        for index, (op, op_id, article_id) in enumerate(zip(ops, ids, article_ids, strict=True)):
            known = stored.get(op_id) or fresh.get(op_id)
            if known is None:
                known = _carry_out(batch, person_id, op_id, op, article_id, index)
                fresh[op_id] = known
            results.append({"op_id": str(op_id), **known})
        session.add_all(
            AppliedOp(op_id=op_id, person_id=person_id, result_json=dumps(result))
            for op_id, result in fresh.items()
        )
        session.flush()
        _attach_states(session, person_id, results, article_ids)
    del articles
    return results


def _load_articles(session: Session, article_ids: set[uuid.UUID]) -> list[Article]:
    """The batch's articles, their bodies, bylines and tags, in a few queries: the core's
    reads of them during the batch then come from the session."""
    if not article_ids:
        return []
    query = (
        select(Article)
        .where(Article.id.in_(article_ids))
        .options(selectinload(Article.body))  # bylines and tags are loaded with them
    )
    return list(session.scalars(query))


def _carry_out(
    batch: OneTransaction,
    person_id: uuid.UUID,
    op_id: uuid.UUID,
    op: dict[str, Any],
    article_id: uuid.UUID | None,
    index: int,
) -> dict[str, Any]:
    context = OpContext(op_id=op_id, person_id=person_id)
    token = CURRENT_OP.set(context)
    try:
        try:
            _dispatch(
                batch,
                person_id,
                str(op.get("kind", "")),
                op.get("payload") or {},
                article_id,
                context,
            )
        except _Outcome as early:
            context.outcome = early.outcome
            context.detail.update(early.detail)
        except Exception as error:
            raise _Failed(index) from error
        # A refusal (audited by the core) or a unit of work that would have rolled back
        # alone: the op runs alone, where both are kept as they always were.
        if batch.spoilt or context.outcome == "refused":
            raise _Failed(index)
        context.recorded = True
        return {"outcome": context.outcome, **context.detail}
    finally:
        CURRENT_OP.reset(token)


def _attach_states(
    session: Session,
    person_id: uuid.UUID,
    results: list[dict[str, Any]],
    article_ids: list[uuid.UUID | None],
) -> None:
    """Each article's state as the person now sees it, on the last result naming it
    (a client applies it once its ops on that article are through)."""
    wanted = [a for a in dict.fromkeys(article_ids) if a is not None]
    if not wanted:
        return
    states = article_states(session, load_actor(session, person_id), wanted, bodies=set(wanted))
    last = {article_id: index for index, article_id in enumerate(article_ids) if article_id}
    for article_id, index in last.items():
        results[index]["article"] = states.get(article_id)
