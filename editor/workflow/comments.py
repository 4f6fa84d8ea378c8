"""Review comments and what changed since the reporter's last submission.

A comment on a passage stores the quoted text and where it started. Bodies change after
comments are made, so positions are worked out again on every read: the quote at its old
place if it is still there, else its occurrence nearest the old place, else the comment
is shown as detached (``start`` None) with its quote, never dropped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from editor.articles import _load, get_article
from editor.database import Database
from editor.diffing import diff_revisions
from editor.errors import NotFoundError, PermissionDenied, ValidationError
from editor.i18n import _
from editor.models import Person, ReviewComment, utcnow
from editor.records import RevisionDiff, RevisionRecord
from editor.revisions import list_revisions, snapshot_metadata
from editor.workflow.audit import record_refusal
from editor.workflow.roles import has_permission, is_own, load_actor, refusal_message

MAX_COMMENT_CHARS = 10_000


@dataclass(frozen=True)
class CommentRecord:
    id: uuid.UUID
    article_id: uuid.UUID
    author_id: uuid.UUID | None
    author: str
    created_at: datetime
    text: str
    #: The passage commented on; empty for a general note.
    quote: str
    #: Where the quote is in today's body (characters), None when it is no longer there.
    start: int | None
    resolved_at: datetime | None
    resolved_by: str
    version: int

    @property
    def end(self) -> int | None:
        return None if self.start is None else self.start + len(self.quote)

    @property
    def is_general(self) -> bool:
        return not self.quote

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


def reanchor(body: str, quote: str, old_start: int | None) -> int | None:
    """Where ``quote`` is in ``body`` now: at ``old_start`` if unmoved, else the nearest
    occurrence to it, else None."""
    if not quote:
        return None
    if old_start is not None and body[old_start : old_start + len(quote)] == quote:
        return old_start
    found, position = [], body.find(quote)
    while position != -1:
        found.append(position)
        position = body.find(quote, position + 1)
    if not found:
        return None
    return min(found, key=lambda at: abs(at - (old_start or 0)))


def _to_record(comment: ReviewComment, body: str, author: str, resolver: str) -> CommentRecord:
    return CommentRecord(
        id=comment.id,
        article_id=comment.article_id,
        author_id=comment.author_id,
        author=author,
        created_at=comment.created_at,
        text=comment.text,
        quote=comment.quote,
        start=reanchor(body, comment.quote, comment.anchor_start),
        resolved_at=comment.resolved_at,
        resolved_by=resolver,
        version=comment.version,
    )


def _name(session: Session, person_id: uuid.UUID | None) -> str:
    if person_id is None:
        return ""
    return session.scalar(select(Person.name).where(Person.id == person_id)) or ""


def add_comment(
    db: Database,
    article_id: uuid.UUID,
    *,
    actor_id: uuid.UUID,
    text: str,
    quote: str = "",
    start: int | None = None,
    now: datetime | None = None,
    comment_id: uuid.UUID | None = None,
) -> CommentRecord:
    """A comment on the passage ``quote`` (near ``start`` when it occurs more than once),
    or a general note when ``quote`` is empty. ``comment_id`` keeps an id made elsewhere
    (a replica's offline comment)."""
    text = text.strip()
    if not text:
        raise ValidationError(_("The comment is empty: write what you want to say."))
    if len(text) > MAX_COMMENT_CHARS:
        raise ValidationError(
            _("The comment has {text:,} characters; keep it under {max_comment_chars:,}.").format(
                text=len(text), max_comment_chars=MAX_COMMENT_CHARS
            )
        )
    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        article = _load(session, article_id)
        body = article.body.markdown if article.body else ""
        anchor = reanchor(body, quote, start) if quote else None
        if quote and anchor is None:
            raise ValidationError(
                _(
                    "The quoted passage is not in the article's body. Select the text again "
                    "(the body may have changed), or leave the quote out for a general note."
                )
            )
        comment = ReviewComment(
            id=comment_id or uuid.uuid4(),
            article_id=article_id,
            author_id=actor.id,
            text=text,
            quote=quote,
            anchor_start=anchor,
            created_at=now or utcnow(),
        )
        session.add(comment)
        session.flush()
        return _to_record(comment, body, actor.name, "")


def comments(
    db: Database, article_id: uuid.UUID, *, include_resolved: bool = True
) -> list[CommentRecord]:
    """The article's comments, oldest first, anchored to the body as it is now."""
    author, resolver = aliased(Person), aliased(Person)
    query = (
        select(ReviewComment, author.name, resolver.name)
        .outerjoin(author, author.id == ReviewComment.author_id)
        .outerjoin(resolver, resolver.id == ReviewComment.resolved_by_id)
        .where(ReviewComment.article_id == article_id)
        .order_by(ReviewComment.created_at, ReviewComment.id)
    )
    if not include_resolved:
        query = query.where(ReviewComment.resolved_at.is_(None))
    with db.transaction() as session:
        article = _load(session, article_id)
        body = article.body.markdown if article.body else ""
        rows = session.execute(query).all()
        return [_to_record(c, body, a or "", r or "") for c, a, r in rows]


def _set_resolved(
    db: Database, comment_id: uuid.UUID, actor_id: uuid.UUID, resolved: bool, now: datetime | None
) -> CommentRecord:
    refusal = ""
    with db.transaction() as session:
        comment = session.get(ReviewComment, comment_id)
        if comment is None:
            raise NotFoundError(_("No comment with id {comment_id}.").format(comment_id=comment_id))
        actor = load_actor(session, actor_id)
        article = _load(session, comment.article_id)
        mine = comment.author_id == actor.id or is_own(session, article, actor)
        if not mine and not has_permission(actor.role, "resolve_any"):
            refusal = refusal_message(
                actor,
                "resolve_any",
                _("only its writer, the article's reporter or an editor may"),
            )
        else:
            comment.resolved_at = (now or utcnow()) if resolved else None
            comment.resolved_by_id = actor.id if resolved else None
            session.flush()
            body = article.body.markdown if article.body else ""
            author = _name(session, comment.author_id)
            return _to_record(comment, body, author, actor.name if resolved else "")
    record_refusal(db, action="comment", actor_id=actor_id, article_id=article.id, reason=refusal)
    raise PermissionDenied(refusal)


def resolve_comment(
    db: Database, comment_id: uuid.UUID, *, actor_id: uuid.UUID, now: datetime | None = None
) -> CommentRecord:
    return _set_resolved(db, comment_id, actor_id, True, now)


def reopen_comment(db: Database, comment_id: uuid.UUID, *, actor_id: uuid.UUID) -> CommentRecord:
    return _set_resolved(db, comment_id, actor_id, False, None)


@dataclass(frozen=True)
class SubmissionChanges:
    """The revision kept when the reporter last submitted, and what changed since."""

    submitted: RevisionRecord
    diff: RevisionDiff


def changes_since_submission(db: Database, article_id: uuid.UUID) -> SubmissionChanges | None:
    """The difference between the last submitted text and the article now; None if it
    was never submitted. The "now" side of the diff has revision number 0."""
    submitted = next((r for r in list_revisions(db, article_id) if r.kind == "submit"), None)
    if submitted is None:
        return None
    current = get_article(db, article_id)
    now = RevisionRecord(
        id=current.id,
        article_id=current.id,
        number=0,
        created_at=current.updated_at,
        kind="current",
        note="",
        author="",
        article_version=current.version,
        headline=current.headline,
        kicker=current.kicker,
        lead=current.lead,
        body=current.body,
        metadata=snapshot_metadata(current),
    )
    return SubmissionChanges(submitted, diff_revisions(submitted, now))
