"""Words that would otherwise be lost, kept as revisions under their author's name.

Two moments drop a version of an article unless it is kept:

- A save conflict. Whichever version loses is kept: the stored one when the user keeps
  their own (``keep_stored_version``, under the name of whoever saved it), the one on
  screen when they take the stored one (``keep_text``, under theirs).
- A window whose lock was taken over: what it still had on screen when it noticed
  (``keep_text``). The take-over itself kept what the window's last heartbeat reported.

Only the revision list changes: the article stays as it is. Text equal to the stored
article, or to its newest revision, is not kept twice.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor.articles import to_record
from editor.database import Database
from editor.errors import PermissionDenied
from editor.i18n import _
from editor.models import Article, Revision, utcnow
from editor.records import ArticleRecord, RevisionRecord
from editor.revisions import (
    KIND_PATTERN,
    _add_revision,
    _author_name,
    _lock_article,
    _retrying,
    _to_record,
    snapshot_metadata,
)
from editor.workflow.passwords import sign_in_required
from editor.workflow.roles import inactive_message, load_actor

#: What a kept version is to its reader: "conflict" (lost a save conflict), "takeover"
#: (typed in a window whose lock was taken over).
KINDS = ("conflict", "takeover")


#: Workflow metadata a status change moves under an open editor: not part of the text.
_WORKFLOW_KEYS = ("status", "published_at", "scheduled_at")


def _without_workflow(metadata: object) -> dict[str, object]:
    meta = dict(metadata) if isinstance(metadata, dict) else {}
    for key in _WORKFLOW_KEYS:
        meta.pop(key, None)
    return meta


def _text(record: ArticleRecord) -> tuple[object, ...]:
    meta = _without_workflow(snapshot_metadata(record))
    return (record.headline, record.kicker, record.lead, record.body, meta)


def _revision_text(revision: Revision) -> tuple[object, ...]:
    meta = _without_workflow(json.loads(revision.metadata_json or "{}"))
    return (revision.headline, revision.kicker, revision.lead, revision.body, meta)


def _already_kept(session: Session, article: Article, record: ArticleRecord) -> bool:
    """Is this text the stored article's, or its newest revision's?"""
    wanted = _text(record)
    if wanted == _text(to_record(session, article)):
        return True
    newest = _newest(session, article.id)
    return newest is not None and _revision_text(newest) == wanted


def _newest(session: Session, article_id: uuid.UUID) -> Revision | None:
    return session.scalar(
        select(Revision)
        .where(Revision.article_id == article_id)
        .order_by(Revision.number.desc())
        .limit(1)
    )


def _check_kind(kind: str) -> None:
    if kind not in KINDS or not KIND_PATTERN.fullmatch(kind):
        raise ValueError(f"unknown kind of kept text {kind!r}")


def keep_text(
    db: Database, record: ArticleRecord, *, author_id: uuid.UUID | None, kind: str, note: str
) -> RevisionRecord | None:
    """Keep ``record`` (text that was never stored) as a revision by ``author_id``.

    None when the text is already the article's or its newest revision's. The author must
    be an active person, or None in a newsroom that does not sign in; the article itself
    does not change.
    """
    _check_kind(kind)
    if author_id is None and sign_in_required(db):
        raise PermissionDenied(_("Nobody is signed in: sign in, then try again."))

    def work() -> RevisionRecord | None:
        with db.transaction() as session:
            name = ""
            if author_id is not None:
                author = load_actor(session, author_id)
                if not author.active:
                    raise PermissionDenied(inactive_message(author))
                name = author.name
            article = _lock_article(session, record.id)
            if _already_kept(session, article, record):
                return None
            latest = session.scalar(
                select(func.max(Revision.number)).where(Revision.article_id == article.id)
            )
            revision = Revision(
                article_id=article.id,
                number=(latest or 0) + 1,
                created_at=utcnow(),
                author_id=author_id,
                kind=kind,
                note=note,
                article_version=record.version,
                headline=record.headline,
                kicker=record.kicker,
                lead=record.lead,
                body=record.body,
                metadata_json=json.dumps(
                    snapshot_metadata(record), ensure_ascii=False, sort_keys=True
                ),
            )
            session.add(revision)
            session.flush()
            return _to_record(revision, name)

    return _retrying(work)


def keep_stored_version(
    db: Database, article_id: uuid.UUID, *, version: int, note: str
) -> RevisionRecord | None:
    """Keep the stored article, if it is still at ``version``, as a "conflict" revision
    under the name of whoever saved that version (about to be replaced by another save).

    None when it has moved on (the replacing save will meet a conflict again), or when its
    newest revision already holds that text.
    """

    def work() -> RevisionRecord | None:
        with db.transaction() as session:
            article = _lock_article(session, article_id)
            if article.version != version:
                return None
            newest = _newest(session, article_id)
            if newest is not None and _revision_text(newest) == _text(to_record(session, article)):
                return None
            author_id = article.updated_by_id
            revision = _add_revision(
                session, article, kind="conflict", note=note, author_id=author_id
            )
            return _to_record(revision, _author_name(session, author_id))

    return _retrying(work)
