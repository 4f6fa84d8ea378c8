"""The server's change feed: every committed change gets a number; a pull reads past one.

Hooks on the server's sessions note which synced rows a unit of work changed
(``after_flush``) and, just before it commits, take the next numbers and record them in
``sync_changes`` (``before_commit``), one row per changed row, keeping only its newest
number. Any front end of the core that opens the newsroom's PostgreSQL database installs
them (``editor.database``), so the command line run by an operator feeds it too.

The classic pitfall: a number taken before commit can become visible after a higher one,
and a cursor would skip it. Numbers come from one counter row, updated in the committing
transaction, so its row lock orders writers: a second writer waits until the first has
committed, and a reader never sees number N+1 without N.

On PostgreSQL the commit also sends ``NOTIFY redaksi_changes``, which wakes every server
process's waiting long-polls.

The same hook records a pushed op as applied (``sync_applied_ops``) in the transaction
that carries it out, so a repeat of the op is answered with the stored result and a crash
between the change and its record cannot happen.
"""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, event, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from editor.media.tables import MediaItem
from editor.models import (
    Article,
    ArticleBody,
    ArticleCorrection,
    ArticleTag,
    AuditEntry,
    Byline,
    NewsroomWord,
    Person,
    ReviewComment,
    Section,
    Setting,
    Tag,
)
from editor.sync.snapshots import article_states, other_states
from editor.sync.states import State, dumps, table_of
from editor.sync.tables import AppliedOp, ArticleConflict, SyncChange, SyncCounter

NOTIFY_CHANNEL = "redaksi_changes"
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 2000
_TOUCHED = "redaksi_feed_touched"
_WROTE = "redaksi_feed_wrote"


@dataclass
class OpContext:
    """The pushed op being carried out in this thread, for the applied-op record."""

    op_id: uuid.UUID
    person_id: uuid.UUID
    outcome: str = "applied"
    detail: dict[str, Any] = field(default_factory=dict)
    recorded: bool = False


CURRENT_OP: contextvars.ContextVar[OpContext | None] = contextvars.ContextVar(
    "redaksi_current_op", default=None
)


def install_feed(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)


def _key(obj: object) -> tuple[str, str] | None:
    if isinstance(obj, Article):
        return "article", str(obj.id)
    if isinstance(obj, ArticleBody | Byline | ArticleTag | ArticleCorrection | ArticleConflict):
        return "article", str(obj.article_id)
    if isinstance(obj, Person):
        return "person", str(obj.id)
    if isinstance(obj, Section):
        return "section", str(obj.id)
    if isinstance(obj, Tag):
        return "tag", str(obj.id)
    if isinstance(obj, ReviewComment):
        return "comment", str(obj.id)
    if isinstance(obj, Setting):
        return "setting", obj.key
    if isinstance(obj, NewsroomWord):
        return "word", obj.word
    if isinstance(obj, MediaItem):
        return "media", obj.sha256
    return None


def _after_flush(session: Session, _context: Any) -> None:
    touched: dict[tuple[str, str], None] = session.info.setdefault(_TOUCHED, {})
    changed = [*session.new, *session.dirty, *session.deleted]
    if changed:
        session.info[_WROTE] = True
    op = CURRENT_OP.get()
    for obj in changed:
        key = _key(obj)
        if key is not None:
            touched[key] = None
        if (
            op is not None
            and isinstance(obj, AuditEntry)
            and obj in session.new
            and obj.outcome == "refused"
        ):
            op.outcome = "refused"
            op.detail["reason"] = obj.note


def _before_commit(session: Session) -> None:
    session.flush()
    touched: dict[tuple[str, str], None] = session.info.pop(_TOUCHED, {})
    wrote = session.info.pop(_WROTE, False)
    op = CURRENT_OP.get()
    if op is not None and wrote and not op.recorded:
        op.recorded = True
        session.add(
            AppliedOp(
                op_id=op.op_id,
                person_id=op.person_id,
                result_json=dumps({"outcome": op.outcome, **op.detail}),
            )
        )
    if not touched:
        session.flush()
        return
    keys = list(touched)
    newest = session.execute(
        update(SyncCounter)
        .where(SyncCounter.id == 1)
        .values(value=SyncCounter.value + len(keys))
        .returning(SyncCounter.value)
    ).scalar_one()
    first = newest - len(keys) + 1
    for kind in {k for k, _ in keys}:
        ids = [entity for k, entity in keys if k == kind]
        session.execute(
            delete(SyncChange).where(SyncChange.kind == kind, SyncChange.entity_id.in_(ids))
        )
    session.execute(
        table_of(SyncChange).insert(),
        [
            {"kind": kind, "entity_id": entity, "seq": first + index}
            for index, (kind, entity) in enumerate(keys)
        ],
    )
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :seq)"),
            {
                "channel": NOTIFY_CHANNEL,
                "seq": str(newest),
            },
        )
    session.flush()


def latest_seq(session: Session) -> int:
    return int(session.scalar(select(SyncCounter.value).where(SyncCounter.id == 1)) or 0)


def pull(session: Session, reader: Person, *, after: int, limit: int = DEFAULT_PULL_LIMIT) -> State:
    """What changed past ``after``, as ``reader`` may see it, oldest change first.

    Returns ``{"changes": [{"kind", "id", "seq", "state"}], "cursor", "more"}``; a state
    of None means the row is gone or no longer readable: the replica drops its copy.
    """
    limit = max(1, min(limit, MAX_PULL_LIMIT))
    rows = list(
        session.execute(
            select(SyncChange.kind, SyncChange.entity_id, SyncChange.seq)
            .where(SyncChange.seq > after)
            .order_by(SyncChange.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    states: dict[tuple[str, str], State | None] = {}
    article_ids = [uuid.UUID(entity) for kind, entity, _ in rows if kind == "article"]
    for article_id, state in article_states(session, reader, article_ids).items():
        states["article", str(article_id)] = state
    for kind in {kind for kind, _, _ in rows if kind != "article"}:
        keys = [entity for k, entity, _ in rows if k == kind]
        for key, state in other_states(session, reader, kind, keys).items():
            states[kind, key] = state
    changes = [
        {"kind": kind, "id": entity, "seq": seq, "state": states.get((kind, entity))}
        for kind, entity, seq in rows
    ]
    return {"changes": changes, "cursor": rows[-1][2] if rows else after, "more": more}


def stored_result(session: Session, op_id: uuid.UUID) -> dict[str, Any] | None:
    row = session.get(AppliedOp, op_id)
    if row is None:
        return None
    import json

    result: dict[str, Any] = json.loads(row.result_json or "{}")
    return result


def start_feed(db: Any) -> None:
    """Make ``db`` a feed database for good, and number what it already holds.

    A newsroom that worked without a server (straight on PostgreSQL, or an SQLite file a
    server is now started on) has rows no change ever numbered: the first time its feed is
    started, every synced row is numbered once, so a replica's first sync brings it all.
    The counter row is locked first, so two processes starting at once number it once.
    An SQLite database is marked in ``sync_state`` so the command line run on it later
    feeds the replicas too.
    """
    from editor.sync.tables import SyncState

    with db.transaction() as session:
        if db.dialect != "postgresql" and session.get(SyncState, "feed") is None:
            session.add(SyncState(key="feed", value="1"))
        counter = session.execute(
            select(SyncCounter).where(SyncCounter.id == 1).with_for_update()
        ).scalar_one()
        if counter.value:
            return
        keys: list[tuple[str, str]] = []
        keys += [("section", str(i)) for i in session.scalars(select(Section.id))]
        keys += [("person", str(i)) for i in session.scalars(select(Person.id))]
        keys += [("tag", str(i)) for i in session.scalars(select(Tag.id))]
        keys += [
            ("article", str(i))
            for i in session.scalars(select(Article.id).order_by(Article.updated_at, Article.id))
        ]
        keys += [("comment", str(i)) for i in session.scalars(select(ReviewComment.id))]
        keys += [("setting", k) for k in session.scalars(select(Setting.key))]
        keys += [("word", w) for w in session.scalars(select(NewsroomWord.word))]
        keys += [("media", sha) for sha in session.scalars(select(MediaItem.sha256))]
        if not keys:
            return
        for start in range(0, len(keys), 5000):
            session.execute(
                table_of(SyncChange).insert(),
                [
                    {"kind": kind, "entity_id": entity, "seq": start + index + 1}
                    for index, (kind, entity) in enumerate(keys[start : start + 5000])
                ],
            )
        counter.value = len(keys)
