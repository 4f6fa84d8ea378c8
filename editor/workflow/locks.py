"""Soft locks: who has an article open for editing, and taking over from them.

A lock belongs to one running app (``session_id``; a person may run the app on two
machines) and lives while heartbeats renew it: if the app dies, the lock expires after
``LOCK_TIMEOUT`` and the next person simply gets it. The holder's autosave can leave its
unsaved text in the lock (``heartbeat(..., unsaved=record)``). Whenever a lock changes
hands (an editor's take-over, or a new holder after expiry), that text, or the text the
caller hands in, is kept as a "takeover" revision first: nobody's words are lost.

The lock is soft: ``save_article`` does not look at it; ``editing.edit_article`` does
when given the saver's ``session_id``.
"""

from __future__ import annotations

import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from editor.articles import _load, to_record
from editor.database import Database
from editor.errors import PermissionDenied, RedaksiError
from editor.i18n import _, current_language
from editor.models import Article, ArticleLock, Person, Revision, utcnow
from editor.records import ArticleRecord, RevisionRecord
from editor.revisions import _to_record, snapshot_metadata
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.roles import edit_refusal, has_permission, load_actor, refusal_message

#: A lock not renewed for this long is free for the next person.
LOCK_TIMEOUT = timedelta(minutes=2)
#: How often a running app should renew its locks (well inside the timeout).
HEARTBEAT_INTERVAL = timedelta(seconds=30)
ATTEMPTS = 20
#: Metadata that a workflow step may change under an open editor; not "unsaved text".
_WORKFLOW_KEYS = ("status", "published_at", "scheduled_at")
T = TypeVar("T")


class ArticleLockedError(RedaksiError):
    """Someone else is editing the article; ``lock`` says who."""

    def __init__(self, message: str, lock: LockRecord) -> None:
        super().__init__(message)
        self.lock = lock


class LockLostError(RedaksiError):
    """This app no longer holds the lock: someone took over, or it expired and was taken."""


@dataclass(frozen=True)
class LockRecord:
    article_id: uuid.UUID
    holder_id: uuid.UUID
    holder_name: str
    session_id: str
    workstation: str
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime
    has_unsaved_text: bool

    def describe(self, language: str = "id") -> str:
        """``sedang disunting oleh Sarah`` / ``being edited by Sarah``."""
        where = f" ({self.workstation})" if self.workstation else ""
        if language == "en":
            return f"being edited by {self.holder_name}{where}"
        return f"sedang disunting oleh {self.holder_name}{where}"


@dataclass(frozen=True)
class TakeOver:
    lock: LockRecord
    #: Who held the article before, if anyone did.
    previous: LockRecord | None
    #: The revision that keeps the previous holder's unsaved text, if there was any.
    kept: RevisionRecord | None


def new_session_id() -> str:
    return uuid.uuid4().hex


def _record(lock: ArticleLock, holder_name: str) -> LockRecord:
    return LockRecord(
        article_id=lock.article_id,
        holder_id=lock.holder_id,
        holder_name=holder_name,
        session_id=lock.session_id,
        workstation=lock.workstation,
        acquired_at=lock.acquired_at,
        heartbeat_at=lock.heartbeat_at,
        expires_at=lock.expires_at,
        has_unsaved_text=bool(lock.unsaved_json),
    )


def _holder_name(session: Session, lock: ArticleLock) -> str:
    return session.scalar(select(Person.name).where(Person.id == lock.holder_id)) or "?"


def _retry(work: Callable[[], T]) -> T:
    """Run a unit of work again when a concurrent one took the same row or number first."""
    for attempt in range(ATTEMPTS):
        try:
            return work()
        except (IntegrityError, OperationalError) as error:
            busy = isinstance(error, OperationalError) and "locked" in str(error.orig).lower()
            if attempt == ATTEMPTS - 1 or not (busy or isinstance(error, IntegrityError)):
                raise
            time.sleep(random.uniform(0.001, 0.02) * (attempt + 1))
    raise AssertionError("unreachable")


def _snapshot(record: ArticleRecord) -> str:
    data = {
        "headline": record.headline,
        "kicker": record.kicker,
        "lead": record.lead,
        "body": record.body,
        "metadata": snapshot_metadata(record),
        "article_version": record.version,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _content(snapshot: dict[str, object]) -> tuple[object, ...]:
    metadata = snapshot.get("metadata")
    meta = dict(metadata) if isinstance(metadata, dict) else {}
    for key in _WORKFLOW_KEYS:
        meta.pop(key, None)
    text = (snapshot.get(k) for k in ("headline", "kicker", "lead", "body"))
    return (*text, json.dumps(meta, sort_keys=True))


def _keep_unsaved(
    session: Session, article: Article, unsaved_json: str | None, *, note: str, author_id: uuid.UUID
) -> Revision | None:
    """Store unsaved text as a "takeover" revision, unless it equals the stored article."""
    if not unsaved_json:
        return None
    snapshot = json.loads(unsaved_json)
    stored = json.loads(_snapshot(to_record(session, article)))
    if _content(snapshot) == _content(stored):
        return None
    latest = session.scalar(
        select(func.max(Revision.number)).where(Revision.article_id == article.id)
    )
    revision = Revision(
        article_id=article.id,
        number=(latest or 0) + 1,
        created_at=utcnow(),
        author_id=author_id,
        kind="takeover",
        note=note,
        article_version=int(snapshot.get("article_version") or article.version),
        headline=str(snapshot.get("headline", "")),
        kicker=str(snapshot.get("kicker", "")),
        lead=str(snapshot.get("lead", "")),
        metadata_json=json.dumps(
            snapshot.get("metadata") or {}, ensure_ascii=False, sort_keys=True
        ),
        body=str(snapshot.get("body", "")),
    )
    session.add(revision)
    session.flush()
    return revision


def _lock_row(session: Session, article_id: uuid.UUID) -> ArticleLock | None:
    return session.scalar(
        select(ArticleLock).where(ArticleLock.article_id == article_id).with_for_update()
    )


def _check_may_edit(db: Database, article_id: uuid.UUID, actor_id: uuid.UUID, action: str) -> None:
    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        article = _load(session, article_id)
        refusal = edit_refusal(session, article, actor)
        status = article.status
        if refusal is None and action == "take_over":
            row = session.get(ArticleLock, article_id)
            others = row is not None and row.holder_id != actor_id
            if others and not has_permission(actor.role, "take_over"):
                refusal = ("take_over", refusal_message(actor, "take_over"))
    if refusal is not None:
        record_refusal(
            db,
            action=action,
            actor_id=actor_id,
            article_id=article_id,
            reason=refusal[1],
            from_status=status,
            to_status=status,
        )
        raise PermissionDenied(refusal[1])


def _hand_over(
    session: Session,
    row: ArticleLock | None,
    article: Article,
    *,
    holder: Person,
    session_id: str,
    workstation: str,
    now: datetime,
    timeout: timedelta,
    unsaved_json: str | None,
) -> tuple[ArticleLock, Revision | None]:
    """Give the lock to ``holder``, first keeping the previous holder's unsaved text."""
    kept = None
    if row is not None and row.session_id != session_id:
        previous = _holder_name(session, row)
        kept = _keep_unsaved(
            session,
            article,
            unsaved_json if unsaved_json is not None else row.unsaved_json,
            note=f"Unsaved text of {previous}, kept when {holder.name} took the article over",
            author_id=row.holder_id,
        )
        session.delete(row)
        session.flush()
        row = None
    if row is None:
        row = ArticleLock(article_id=article.id, acquired_at=now, unsaved_json=None)
        session.add(row)
    row.holder_id, row.session_id, row.workstation = holder.id, session_id, workstation
    row.heartbeat_at, row.expires_at = now, now + timeout
    session.flush()
    return row, kept


def acquire_lock(
    db: Database,
    article_id: uuid.UUID,
    *,
    holder_id: uuid.UUID,
    session_id: str,
    workstation: str = "",
    now: datetime | None = None,
    timeout: timedelta = LOCK_TIMEOUT,
) -> LockRecord:
    """Take the lock to edit; renew it if this session has it. ArticleLockedError when
    someone else's live lock is there, PermissionDenied when the person may not edit."""
    when = now or utcnow()
    _check_may_edit(db, article_id, holder_id, "lock")

    def work() -> LockRecord:
        with db.transaction() as session:
            holder = load_actor(session, holder_id)
            row = _lock_row(session, article_id)
            if row is not None and row.session_id != session_id and row.expires_at > when:
                lock = _record(row, _holder_name(session, row))
                raise ArticleLockedError(
                    _(
                        "“{headline}” is {lock} since {acquired_at:%H:%M} UTC. Open it read-only, "
                        "or ask an editor to take it over."
                    ).format(
                        headline=_load(session, article_id).headline or _("Untitled"),
                        lock=lock.describe(current_language()),
                        acquired_at=lock.acquired_at,
                    ),
                    lock,
                )
            article = _load(session, article_id)
            row, _previous = _hand_over(
                session,
                row,
                article,
                holder=holder,
                session_id=session_id,
                workstation=workstation,
                now=when,
                timeout=timeout,
                unsaved_json=None,
            )
            return _record(row, holder.name)

    return _retry(work)


def heartbeat(
    db: Database,
    article_id: uuid.UUID,
    *,
    session_id: str,
    unsaved: ArticleRecord | None = None,
    now: datetime | None = None,
    timeout: timedelta = LOCK_TIMEOUT,
) -> LockRecord:
    """Renew this session's lock and leave the editor's unsaved text in it (None: all
    saved). LockLostError if someone else holds the lock now."""
    when = now or utcnow()
    with db.transaction() as session:
        row = _lock_row(session, article_id)
        if row is None or row.session_id != session_id:
            lost = _("This window no longer holds the article's lock.")
            if row is not None:
                lost += " " + _("{name} has it now.").format(name=_holder_name(session, row))
            raise LockLostError(
                lost
                + " "
                + _(
                    "The unsaved text it last reported was kept as a revision. Copy anything "
                    "newer from the window, then reload the article."
                )
            )
        row.heartbeat_at, row.expires_at = when, when + timeout
        row.unsaved_json = _snapshot(unsaved) if unsaved is not None else None
        session.flush()
        return _record(row, _holder_name(session, row))


def release_lock(db: Database, article_id: uuid.UUID, *, session_id: str) -> bool:
    """Let go of the lock if this session holds it; True if it did."""
    with db.transaction() as session:
        result = session.execute(
            delete(ArticleLock).where(
                ArticleLock.article_id == article_id, ArticleLock.session_id == session_id
            )
        )
        return bool(getattr(result, "rowcount", 0))


def current_lock(
    db: Database, article_id: uuid.UUID, *, now: datetime | None = None
) -> LockRecord | None:
    """The live lock on the article, or None when nobody is editing it."""
    when = now or utcnow()
    with db.transaction() as session:
        row = session.get(ArticleLock, article_id)
        if row is None or row.expires_at <= when:
            return None
        return _record(row, _holder_name(session, row))


def take_over(
    db: Database,
    article_id: uuid.UUID,
    *,
    actor_id: uuid.UUID,
    unsaved: ArticleRecord | None = None,
    session_id: str | None = None,
    workstation: str = "",
    now: datetime | None = None,
    timeout: timedelta = LOCK_TIMEOUT,
) -> TakeOver:
    """An editor takes the article from whoever holds it; their unsaved text (``unsaved``,
    else what their autosave left in the lock) is kept as a "takeover" revision first."""
    when = now or utcnow()
    mine = session_id or new_session_id()
    _check_may_edit(db, article_id, actor_id, "take_over")

    def work() -> TakeOver:
        with db.transaction() as session:
            actor = load_actor(session, actor_id)
            row = _lock_row(session, article_id)
            previous = _record(row, _holder_name(session, row)) if row is not None else None
            article = _load(session, article_id)
            new_row, kept = _hand_over(
                session,
                row,
                article,
                holder=actor,
                session_id=mine,
                workstation=workstation,
                now=when,
                timeout=timeout,
                unsaved_json=_snapshot(unsaved) if unsaved is not None else None,
            )
            if previous is not None and previous.session_id != mine:
                note = f"from {previous.holder_name}"
                if kept is not None:
                    note += f"; unsaved text kept as revision {kept.number}"
                add_entry(
                    session,
                    action="take_over",
                    actor_id=actor.id,
                    article_id=article_id,
                    from_status=article.status,
                    to_status=article.status,
                    note=note,
                    at=when,
                )
            kept_record = (
                _to_record(kept, previous.holder_name if previous else "") if kept else None
            )
            return TakeOver(_record(new_row, actor.name), previous, kept_record)

    return _retry(work)
