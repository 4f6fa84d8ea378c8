"""Carrying out a pushed op on the server, as the person who pushed it.

Every op goes through the same core services as the desktop and the command line
(``draft_article``, ``edit_article``, ``change_status``, ``add_comment``...), so roles,
transitions, the checklist and the audit log hold whatever a client sends. The server adds
no rules of its own: it merges, and it reports.

Outcomes: ``applied``; ``merged`` (the server's copy had moved on and both changes were
kept); ``conflict`` (both sides changed the same passage: the stored text stays, the
incoming one is kept as a revision authored by the pusher and in ``article_conflicts``);
``refused`` (the core said no: the reason is returned and in the audit log).

An op is carried out once: its id is recorded with its result in the transaction that
carries it out (``editor.sync.feed``), and a repeat is answered with that result.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from editor.articles import _load, get_article
from editor.database import Database
from editor.errors import ConflictError, NotFoundError, PermissionDenied, RedaksiError
from editor.i18n import _
from editor.models import Article, ReviewComment, Revision, utcnow
from editor.records import ArticleDraft
from editor.revisions import _lock_article, _retrying, create_revision
from editor.spelling.words import (
    CURRENCY_SETTING,
    add_words,
    remove_word,
    set_currency_style,
)
from editor.sync.feed import CURRENT_OP, OpContext, stored_result
from editor.sync.media_items import apply_media_op
from editor.sync.merge import merge_content
from editor.sync.snapshots import article_states
from editor.sync.states import (
    State,
    content_of,
    dumps,
    parse_group,
    parse_kept,
    parse_source_key,
    parse_time,
    parse_uuid,
    with_content,
)
from editor.sync.tables import AppliedOp, ArticleConflict
from editor.workflow.audit import record_refusal
from editor.workflow.comments import add_comment, resolve_comment
from editor.workflow.editing import draft_article, edit_article, set_trashed
from editor.workflow.kept_text import keep_stored_version
from editor.workflow.roles import edit_refusal, load_actor
from editor.workflow.spelling_item import SETTING as SPELLING_SETTING
from editor.workflow.spelling_item import WordExceptions, set_spelling_rule
from editor.workflow.transitions import change_status

OP_KINDS = (
    "create",
    "save",
    "status",
    "comment",
    "resolve",
    "revision",
    "trash",
    "restore",
    "word_add",
    "word_remove",
    "setting",
    "media",
)
#: Saves retried when another save lands between reading and writing the article.
SAVE_ATTEMPTS = 5
REVISION_KINDS = ("save", "restore")


class _Outcome(Exception):
    """Ends an op early with a result (a no-op, a conflict kept)."""

    def __init__(self, outcome: str, **detail: Any) -> None:
        super().__init__(outcome)
        self.outcome = outcome
        self.detail = detail


def apply_op(db: Database, person_id: uuid.UUID, op: dict[str, Any]) -> dict[str, Any]:
    """Carry out one op as ``person_id``; returns its result (stored, so a repeat of the
    same op id gets the same answer) with the article's state as the person now sees it."""
    op_id = uuid.UUID(str(op["op_id"]))
    kind = str(op.get("kind", ""))
    payload: dict[str, Any] = op.get("payload") or {}
    article_id = parse_uuid(payload.get("article_id"))
    with db.transaction() as session:
        stored = stored_result(session, op_id)
    if stored is None:
        stored = _carry_out(db, person_id, op_id, kind, payload, article_id)
    result = {"op_id": str(op_id), **stored}
    if article_id is not None:
        with db.transaction() as session:
            reader = load_actor(session, person_id)
            state = article_states(session, reader, [article_id], bodies={article_id})
            result["article"] = state.get(article_id)
    return result


def _carry_out(
    db: Database,
    person_id: uuid.UUID,
    op_id: uuid.UUID,
    kind: str,
    payload: dict[str, Any],
    article_id: uuid.UUID | None,
) -> dict[str, Any]:
    context = OpContext(op_id=op_id, person_id=person_id)
    token = CURRENT_OP.set(context)
    try:
        try:
            _dispatch(db, person_id, kind, payload, article_id, context)
        except _Outcome as early:
            context.outcome = early.outcome
            context.detail.update(early.detail)
        except IntegrityError:
            # The same op, pushed twice at once, was carried out by another request.
            with db.transaction() as session:
                again = stored_result(session, op_id)
            if again is None:
                raise
            return again
        except RedaksiError as error:
            if context.outcome != "refused":
                # The core refused without an audit entry (a move the table does not
                # have, a missing article): the server keeps the refusal all the same.
                context.outcome = "refused"
                record_refusal(
                    db,
                    action=f"sync_{kind}"[:40],
                    actor_id=person_id,
                    article_id=article_id if _exists(db, article_id) else None,
                    reason=str(error),
                )
            context.detail["reason"] = str(error)
        result = {"outcome": context.outcome, **context.detail}
        # _store writes the record itself: the feed hook must not add a second one when
        # the op changed nothing (a word the newsroom already had, a comment already in).
        context.recorded = True
        _store(db, op_id, person_id, result)
        return result
    finally:
        CURRENT_OP.reset(token)


def _exists(db: Database, article_id: uuid.UUID | None) -> bool:
    if article_id is None:
        return False
    try:
        get_article(db, article_id)
    except NotFoundError:
        return False
    return True


def _store(db: Database, op_id: uuid.UUID, person_id: uuid.UUID, result: dict[str, Any]) -> None:
    with db.transaction() as session:
        row = session.get(AppliedOp, op_id)
        if row is None:
            session.add(AppliedOp(op_id=op_id, person_id=person_id, result_json=dumps(result)))
        else:
            row.result_json = dumps(result)


def _need(article_id: uuid.UUID | None) -> uuid.UUID:
    if article_id is None:
        raise NotFoundError(_("The change names no article."))
    return article_id


def _dispatch(
    db: Database,
    person_id: uuid.UUID,
    kind: str,
    payload: dict[str, Any],
    article_id: uuid.UUID | None,
    context: OpContext,
) -> None:
    if kind == "create":
        _create(db, person_id, _need(article_id), payload.get("content") or {})
    elif kind == "save":
        _save(db, person_id, _need(article_id), payload, context)
    elif kind == "status":
        change_status(
            db,
            _need(article_id),
            str(payload.get("to", "")),
            actor_id=person_id,
            note=str(payload.get("note") or ""),
            override_reason=payload.get("override_reason"),
            scheduled_at=parse_time(payload.get("scheduled_at")),
            exceptions=WordExceptions.from_payload(payload),
        )
    elif kind == "comment":
        comment_id = parse_uuid(payload.get("comment_id"))
        with db.transaction() as session:
            if comment_id is not None and session.get(ReviewComment, comment_id) is not None:
                raise _Outcome("applied")
        add_comment(
            db,
            _need(article_id),
            actor_id=person_id,
            text=str(payload.get("text") or ""),
            quote=str(payload.get("quote") or ""),
            start=payload.get("start") if isinstance(payload.get("start"), int) else None,
            comment_id=comment_id,
        )
    elif kind == "resolve":
        comment_id = parse_uuid(payload.get("comment_id"))
        if comment_id is None:
            raise NotFoundError(_("The change names no comment."))
        resolve_comment(db, comment_id, actor_id=person_id)
    elif kind == "revision":
        revision_kind = str(payload.get("revision_kind") or "save")
        create_revision(
            db,
            _need(article_id),
            kind=revision_kind if revision_kind in REVISION_KINDS else "save",
            note=str(payload.get("note") or ""),
            author_id=person_id,
        )
    elif kind in ("trash", "restore"):
        set_trashed(db, _need(article_id), kind == "trash", actor_id=person_id)
    elif kind == "word_add":
        if not add_words(db, [str(payload.get("word") or "")], actor_id=person_id):
            raise _Outcome("applied")  # the newsroom has it already
    elif kind == "word_remove":
        try:
            remove_word(db, str(payload.get("word") or ""), actor_id=person_id)
        except NotFoundError:
            raise _Outcome("applied") from None  # someone removed it first
    elif kind == "setting":
        _setting(db, person_id, str(payload.get("key") or ""), str(payload.get("value") or ""))
    elif kind == "media":
        apply_media_op(db, person_id, payload)
    else:
        raise NotFoundError(
            _("Unknown kind of change '{kind}': this server is older than the app?").format(
                kind=kind
            )
        )


def _setting(db: Database, person_id: uuid.UUID, key: str, value: str) -> None:
    """A spelling setting changed on a replica: set as its pusher (editors and admins)."""
    setters = {CURRENCY_SETTING: set_currency_style, SPELLING_SETTING: set_spelling_rule}
    setter = setters.get(key)
    if setter is None:
        raise NotFoundError(
            _("The setting '{key}' is managed on the server, not from a replica.").format(key=key)
        )
    setter(db, value, actor_id=person_id)


def _create(db: Database, person_id: uuid.UUID, article_id: uuid.UUID, content: State) -> None:
    if _exists(db, article_id):
        raise _Outcome("applied")
    draft = ArticleDraft(
        headline=str(content.get("headline") or ""),
        body=str(content.get("body") or ""),
        kicker=str(content.get("kicker") or ""),
        slug=str(content.get("slug") or ""),
        lead=str(content.get("lead") or ""),
        section_id=parse_uuid(content.get("section_id")),
        language=str(content.get("language") or "id"),
        byline_ids=tuple(uuid.UUID(str(p)) for p in content.get("bylines") or ()),
        tags=tuple(str(t) for t in content.get("tags") or ()),
        lead_image=str(content.get("lead_image") or ""),
        lead_image_caption=str(content.get("lead_image_caption") or ""),
        lead_image_credit=str(content.get("lead_image_credit") or ""),
        embargo_until=parse_time(content.get("embargo_until")),
        translation_group=parse_group(content.get("translation_group")),
        kept_fields=parse_kept(content.get("kept_fields")),
        modified_at=parse_time(content.get("modified_at")),
        source_key=_free_source_key(db, parse_source_key(content.get("source_key"))),
    )
    draft_article(db, draft, actor_id=person_id, article_id=article_id)


def _free_source_key(db: Database, source_key: str | None) -> str | None:
    """The file a replica imported the article from, unless an article of the newsroom was
    already made from it (imported elsewhere too): then the new one goes without, as two
    articles cannot be updated by one file. Its old addresses travel all the same."""
    if source_key is None:
        return None
    with db.transaction() as session:
        taken = session.scalar(select(Article.id).where(Article.source_key == source_key))
    return None if taken is not None else source_key


def _save(
    db: Database,
    person_id: uuid.UUID,
    article_id: uuid.UUID,
    payload: dict[str, Any],
    context: OpContext,
) -> None:
    base: State = payload.get("base") or {}
    mine: State = payload.get("content") or {}
    if base:
        # A field the base lacks was not known to the replica when it made the change (a
        # state pulled before the field travelled): it stays as the server has it.
        mine = {name: value for name, value in mine.items() if name in base}
    for _attempt in range(SAVE_ATTEMPTS):
        current = get_article(db, article_id)
        theirs = content_of(current)
        merged = merge_content(base, theirs, mine)
        if merged.conflicts:
            _keep_conflict(db, person_id, article_id, mine, merged.conflicts)
            raise _Outcome("conflict", fields=list(merged.conflicts))
        fast_forward = all(theirs.get(k) == base.get(k) for k in theirs if base.get(k) is not None)
        context.outcome = "applied" if fast_forward else "merged"
        # A save made from the server's current text resolves the article's conflict.
        resolves = fast_forward and _in_conflict(db, article_id)
        if merged.content == theirs:
            if resolves:
                _clear_conflict(db, article_id)
            raise _Outcome(context.outcome)
        if resolves:
            # The author resolved a conflict by replacing the stored text: that text is
            # kept as a revision under the name of whoever saved it, as in the app.
            keep_stored_version(
                db,
                article_id,
                version=current.version,
                note="Replaced when a sync conflict was resolved",
            )
        try:
            edit_article(
                db,
                with_content(current, merged.content),
                actor_id=person_id,
                # Someone else editing it live on the server (a soft lock) refuses the op.
                session_id=f"replica:{person_id}",
            )
        except ConflictError:
            continue  # someone saved in between: merge again with what they saved
        if resolves:
            _clear_conflict(db, article_id)
        return
    raise ConflictError(
        _("The article kept changing while your change was merged; it will be tried again."),
        expected_version=0,
        current_version=0,
    )


def _in_conflict(db: Database, article_id: uuid.UUID) -> bool:
    with db.transaction() as session:
        return session.get(ArticleConflict, article_id) is not None


def _clear_conflict(db: Database, article_id: uuid.UUID) -> None:
    with db.transaction() as session:
        conflict = session.get(ArticleConflict, article_id)
        if conflict is not None:
            session.delete(conflict)


def _keep_conflict(
    db: Database, person_id: uuid.UUID, article_id: uuid.UUID, mine: State, fields: tuple[str, ...]
) -> None:
    """Keep the incoming text beside the stored one: a revision authored by the pusher,
    and the article marked in conflict. Refused (and audited) if they may not edit it."""
    with db.transaction() as session:
        article = _load(session, article_id)
        refusal = edit_refusal(session, article, load_actor(session, person_id))
        status = article.status
    if refusal is not None:
        record_refusal(
            db,
            action="edit",
            actor_id=person_id,
            article_id=article_id,
            reason=refusal[1],
            from_status=status,
            to_status=status,
        )
        raise PermissionDenied(refusal[1])

    def work() -> None:
        with db.transaction() as session:
            article = _lock_article(session, article_id)
            record = with_content(get_record(session, article_id), mine)
            latest = session.scalar(
                select(func.max(Revision.number)).where(Revision.article_id == article_id)
            )
            revision = Revision(
                id=uuid.uuid4(),
                article_id=article_id,
                number=(latest or 0) + 1,
                created_at=utcnow(),
                author_id=person_id,
                kind="conflict",
                note=_("Not merged: {fields}").format(fields=", ".join(fields)),
                article_version=article.version,
                headline=record.headline,
                kicker=record.kicker,
                lead=record.lead,
                body=record.body,
                metadata_json=json.dumps(
                    {
                        k: v
                        for k, v in mine.items()
                        if k not in ("headline", "kicker", "lead", "body")
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
            session.add(revision)
            conflict = session.get(ArticleConflict, article_id) or ArticleConflict(
                article_id=article_id
            )
            conflict.person_id = person_id
            conflict.created_at = utcnow()
            conflict.article_version = article.version
            conflict.revision_id = revision.id
            conflict.mine_json = dumps(mine)
            conflict.fields = ",".join(fields)
            session.add(conflict)

    _retrying(work)


def get_record(session: Any, article_id: uuid.UUID) -> Any:
    from editor.articles import to_record

    return to_record(session, _load(session, article_id))
