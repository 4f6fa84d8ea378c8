"""A replica's outbox: every local change is queued in the transaction that makes it.

The core services and the GUI run unchanged on a replica. Hooks on the replica's
sessions note which rows a unit of work changed (``after_flush``) and, just before it
commits, turn them into ops in ``sync_outbox`` (``before_commit``): the change and its op
commit together, so a crash (kill -9, power cut) never loses an op or leaves one for a
change that did not happen.

An article's save op carries the state the change was made from (its *shadow*: the
server's state as pulled, or the previous local change) and the new content; the server
merges from there. Status changes carry the request ``change_status`` noted (see
``editor.intents``). Writing the server's state into the replica sets ``REMOTE`` in the
session, and nothing is queued for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from editor.articles import _load, to_record
from editor.database import Database
from editor.errors import NotAvailableOfflineError
from editor.i18n import _
from editor.intents import take_intents
from editor.media.tables import MediaItem
from editor.models import (
    Article,
    ArticleBody,
    ArticleTag,
    Byline,
    NewsroomWord,
    ReviewComment,
    Revision,
    Setting,
)
from editor.spelling.words import CURRENCY_SETTING
from editor.sync.media_items import DESCRIBED, media_payload
from editor.sync.states import CONTENT_FIELDS, content_of, dumps, loads
from editor.sync.tables import ArticleConflict, OutboxOp, SyncShadow
from editor.workflow.spelling_item import SETTING as SPELLING_SETTING

#: Set in ``session.info`` while the server's state is written: nothing is queued.
REMOTE = "redaksi_sync_remote"
_TOUCHED = "redaksi_sync_touched"
#: Set in ``session.info`` when a unit of work queued an op (``on_local_change`` reads it).
_QUEUED = "redaksi_sync_queued"
#: Newsroom settings an editor may change on a replica (in Tools → Newsroom dictionary);
#: the others are managed on the server.
PUSHED_SETTINGS = (CURRENCY_SETTING, SPELLING_SETTING)
#: Revisions kept before a change (queued ahead of it) and after a save (behind it).
PRE_CHANGE_REVISIONS = ("restore",)
POST_SAVE_REVISIONS = ("save",)


class _Touched:
    def __init__(self) -> None:
        self.articles: dict[uuid.UUID, None] = {}
        self.created: set[uuid.UUID] = set()
        self.body_written: set[uuid.UUID] = set()
        self.comments: list[uuid.UUID] = []
        self.resolved: list[uuid.UUID] = []
        self.revisions: list[tuple[uuid.UUID, str, str]] = []
        #: Newsroom words added or removed here, in order: ("word_add"|"word_remove", word).
        self.words: list[tuple[str, str]] = []
        #: Spelling settings an editor changed here (``PUSHED_SETTINGS``): key -> value.
        self.settings: dict[str, str] = {}
        #: Pictures added (None) or described (the fields changed) here, by hash.
        self.media: dict[str, list[str] | None] = {}


def install_capture(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)


def _touched(session: Session) -> _Touched:
    found = session.info.get(_TOUCHED)
    if found is None:
        found = session.info[_TOUCHED] = _Touched()
    return found


def _after_flush(session: Session, _context: Any) -> None:
    if session.info.get(REMOTE):
        return
    touched = _touched(session)
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Article):
            touched.articles[obj.id] = None
            if obj in session.new:
                touched.created.add(obj.id)
        elif isinstance(obj, ArticleBody):
            touched.articles[obj.article_id] = None
            touched.body_written.add(obj.article_id)
        elif isinstance(obj, Byline | ArticleTag):
            touched.articles[obj.article_id] = None
        elif isinstance(obj, ReviewComment):
            if obj in session.new:
                touched.comments.append(obj.id)
            elif obj.resolved_at is not None and obj.id not in touched.resolved:
                touched.resolved.append(obj.id)
        elif isinstance(obj, Revision) and obj in session.new:
            touched.revisions.append((obj.article_id, obj.kind, obj.note))
        elif isinstance(obj, NewsroomWord) and obj in session.new:
            touched.words.append(("word_add", obj.word))
        elif isinstance(obj, NewsroomWord) and obj in session.deleted:
            touched.words.append(("word_remove", obj.word))
        elif isinstance(obj, Setting) and obj.key in PUSHED_SETTINGS:
            touched.settings[obj.key] = obj.value
        elif isinstance(obj, MediaItem):
            _note_media(touched, obj, obj in session.new)


def _note_media(touched: _Touched, item: MediaItem, new: bool) -> None:
    """A picture added, or the description fields changed (read from the attribute
    history, which the flush has not reset yet)."""
    known = touched.media.get(item.sha256, [])
    if new or known is None:
        touched.media[item.sha256] = None
        return
    state = inspect(item)
    changed = [f for f in DESCRIBED if state.attrs[f].history.has_changes()]
    if changed:
        touched.media[item.sha256] = [*known, *(f for f in changed if f not in known)]


def _queue(session: Session, kind: str, article_id: uuid.UUID | None, **payload: Any) -> None:
    base_version = 0
    if article_id is not None:
        shadow = session.get(SyncShadow, article_id)
        base_version = shadow.server_version if shadow is not None else 0
    session.info[_QUEUED] = True
    session.add(
        OutboxOp(
            op_id=uuid.uuid4(),
            kind=kind,
            article_id=article_id,
            base_version=base_version,
            payload_json=dumps({"article_id": str(article_id) if article_id else None, **payload}),
        )
    )


def _content_changed(base: dict[str, Any], content: dict[str, Any]) -> bool:
    if any(base.get(name) != content.get(name) for name in CONTENT_FIELDS):
        return True
    return content.get("body") is not None and base.get("body") != content.get("body")


def _article_ops(
    session: Session,
    article_id: uuid.UUID,
    touched: _Touched,
    statuses: dict[uuid.UUID, list[dict[str, Any]]],
) -> None:
    article = session.get(Article, article_id)
    if article is None:
        return
    record = to_record(session, _load(session, article_id))
    shadow = session.get(SyncShadow, article_id)
    if article_id in touched.created or shadow is None:
        content = content_of(record)
        session.add(
            SyncShadow(
                article_id=article_id,
                server_version=0,
                has_body=True,
                state_json=dumps({**content, "status": "draft"}),
            )
        )
        session.flush()
        _queue(session, "create", article_id, content=content)
        shadow = session.get(SyncShadow, article_id)
        assert shadow is not None
    base = loads(shadow.state_json)
    if not shadow.has_body and article_id in touched.body_written:
        raise NotAvailableOfflineError(
            _(
                "The text of “{headline}” is not on this computer, so it cannot be changed "
                "here. Nothing was saved. Connect to the newsroom server and open it again."
            ).format(headline=record.headline or _("Untitled"))
        )
    for kind, note in [(k, n) for (a, k, n) in touched.revisions if a == article_id]:
        if kind in PRE_CHANGE_REVISIONS:
            _queue(session, "revision", article_id, revision_kind=kind, note=note)
    content = content_of(record, with_body=shadow.has_body)
    if _content_changed(base, content):
        _queue(session, "save", article_id, base=base, content=content)
    status = str(base.get("status", record.status))
    for request in statuses.pop(article_id, []):
        _queue(session, "status", article_id, **request)
        status = request["to"]
    if status != record.status and "trashed" in (status, record.status):
        _queue(session, "trash" if record.status == "trashed" else "restore", article_id)
    shadow.state_json = dumps({**content, "status": record.status})


def _before_commit(session: Session) -> None:
    if session.info.get(REMOTE):
        take_intents(session)
        return
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    intents = take_intents(session)
    if touched is None:
        return
    statuses: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for kind, data in intents:
        if kind == "status":
            request = {k: v for k, v in data.items() if k != "article_id"}
            statuses.setdefault(uuid.UUID(data["article_id"]), []).append(request)
    for article_id in dict.fromkeys([*touched.articles, *statuses]):
        _article_ops(session, article_id, touched, statuses)
    for comment_id in touched.comments:
        comment = session.get(ReviewComment, comment_id)
        if comment is not None:
            _queue(
                session,
                "comment",
                comment.article_id,
                comment_id=str(comment.id),
                text=comment.text,
                quote=comment.quote,
                start=comment.anchor_start,
            )
    for comment_id in touched.resolved:
        comment = session.get(ReviewComment, comment_id)
        if comment is not None:
            _queue(session, "resolve", comment.article_id, comment_id=str(comment.id))
    for article_id, kind, note in touched.revisions:
        if kind in POST_SAVE_REVISIONS:
            _queue(session, "revision", article_id, revision_kind=kind, note=note)
    for kind, word in touched.words:
        _queue(session, kind, None, word=word)
    for key, value in touched.settings.items():
        _queue(session, "setting", None, key=key, value=value)
    for sha, changed in touched.media.items():
        item = session.get(MediaItem, sha)
        if item is not None:
            _queue(session, "media", None, **media_payload(item, changed))
    session.flush()


def on_local_change(
    sessions: sessionmaker[Session], callback: Callable[[], None]
) -> Callable[[], None]:
    """Call ``callback`` after each commit that queued an op, in the committing thread
    (the desktop app wakes its sync thread, so a save goes up at once). Returns the
    function that stops it."""

    def after_commit(session: Session) -> None:
        if session.info.pop(_QUEUED, False):
            callback()

    event.listen(sessions, "after_commit", after_commit)
    return lambda: event.remove(sessions, "after_commit", after_commit)


def settle_conflict(db: Database, article_id: uuid.UUID) -> None:
    """The person chose how to resolve the article's conflict (in the conflict dialog).
    The mark goes here, and a save of the text as it now stands goes up: made from the
    server's text, it is a fast-forward there, which clears the server's mark too (even
    when the choice was to take the server's text, which changes nothing)."""
    with db.transaction() as session:
        conflict = session.get(ArticleConflict, article_id)
        if conflict is not None:
            session.delete(conflict)
        shadow = session.get(SyncShadow, article_id)
        if shadow is None or session.get(Article, article_id) is None:
            return
        base = loads(shadow.state_json)
        record = to_record(session, _load(session, article_id))
        _queue(
            session,
            "save",
            article_id,
            base=base,
            content=content_of(record, with_body=shadow.has_body),
        )


def pending_count(session: Session) -> int:
    from sqlalchemy import func

    return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
