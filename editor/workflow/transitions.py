"""Status changes: the transition table and ``change_status``.

Each allowed move names the permission it needs (see ``roles``). A reporter's ``submit``
also needs their name on the byline. Moves into ``scheduled`` and ``published`` run the
pre-publish checklist; an editor may override it with a reason, and the audit log keeps
the reason and what was missing. Every change and every refusal goes to the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor.articles import _load, to_record
from editor.database import Database
from editor.errors import ConflictError, PermissionDenied, ValidationError
from editor.i18n import N_, _
from editor.intents import note_intent
from editor.models import Article, ArticleCorrection, Person, utcnow
from editor.records import STATUSES, ArticleRecord, status_label
from editor.revisions import _add_revision, _retrying
from editor.time_range import in_range
from editor.workflow.alt_text_item import alt_text_item
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.checklist import (
    ChecklistError,
    missing_items,
    refusal_text,
    run_checklist,
    section_word_target,
)
from editor.workflow.roles import (
    has_permission,
    inactive_message,
    is_own,
    load_actor,
    refusal_message,
)
from editor.workflow.spelling_item import WordExceptions, spelling_item

#: (from, to) -> the permission the move needs.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "submitted"): "submit",
    ("sent_back", "submitted"): "submit",
    ("submitted", "draft"): "submit",  # the reporter takes it back before review
    ("submitted", "in_review"): "review",
    ("submitted", "sent_back"): "send_back",
    ("in_review", "sent_back"): "send_back",
    ("approved", "sent_back"): "send_back",
    ("submitted", "approved"): "approve",
    ("in_review", "approved"): "approve",
    ("approved", "scheduled"): "schedule",
    ("scheduled", "scheduled"): "schedule",  # a new time
    ("scheduled", "approved"): "schedule",  # off the schedule again
    ("approved", "published"): "publish",
    ("scheduled", "published"): "publish",  # publish now rather than at the time
    ("published", "killed"): "unpublish",
    ("corrected", "killed"): "unpublish",
    ("killed", "draft"): "unpublish",  # back into the workflow
    ("published", "corrected"): "correct",
    ("corrected", "corrected"): "correct",  # a further correction
}
#: Moves that need a note: what to change, why it was pulled, what was corrected.
NOTE_REQUIRED = {
    "sent_back": N_("say what to change"),
    "killed": N_("say why it is unpublished"),
    "corrected": N_("write the correction note readers will see"),
}
CHECKED_TARGETS = {"published": "publish", "scheduled": "schedule"}


def allowed_targets(status: str) -> list[str]:
    return [to for (from_, to) in TRANSITIONS if from_ == status]


def allowed_moves(role: str, status: str) -> list[str]:
    """The statuses a person of ``role`` may move an article in ``status`` to."""
    return [
        to
        for (from_, to), permission in TRANSITIONS.items()
        if from_ == status and has_permission(role, permission)
    ]


@dataclass(frozen=True)
class _Refusal:
    error: PermissionDenied | ChecklistError
    from_status: str


@dataclass(frozen=True)
class _Request:
    to: str
    note: str
    now: datetime
    override_reason: str | None
    scheduled_at: datetime | None
    expected_version: int | None
    exceptions: WordExceptions


def _aware(value: datetime, name: str) -> datetime:
    """``value`` checked: it has a zone and lies in the accepted years (it is stored)."""
    if value.tzinfo is None:
        raise ValidationError(
            _("{name} needs a time zone (e.g. 2026-01-17T08:00+07:00).").format(name=name)
        )
    return in_range(value)


def _check_request(request: _Request) -> None:
    if request.to not in STATUSES or request.to == "trashed":
        usable = ", ".join(s for s in STATUSES if s != "trashed")
        raise ValidationError(
            _("Unknown status '{to}'. Choose one of: {usable}.").format(
                to=request.to, usable=usable
            )
        )
    if request.to in NOTE_REQUIRED and not request.note.strip():
        raise ValidationError(
            _("Moving to {to} needs a note: {hint}.").format(
                to=status_label(request.to), hint=_(NOTE_REQUIRED[request.to])
            )
        )
    if request.to == "scheduled":
        if request.scheduled_at is None:
            raise ValidationError(_("Scheduling needs a publish time (--at)."))
        _aware(request.scheduled_at, _("The publish time"))
        if request.scheduled_at <= request.now:
            raise ValidationError(
                _(
                    "That publish time has already passed: choose a later time, or publish "
                    "now instead."
                )
            )
    if request.override_reason is not None and not request.override_reason.strip():
        raise ValidationError(_("An override needs a reason the audit log can keep."))


def _permission_refusal(
    session: Session, article: Article, actor: Person, permission: str
) -> str | None:
    if not actor.active:
        return inactive_message(actor)
    if not has_permission(actor.role, permission):
        return refusal_message(actor, permission)
    own_only = permission == "submit" and not has_permission(actor.role, "edit_any")
    if own_only and not is_own(session, article, actor):
        return refusal_message(
            actor, permission, _("a reporter submits only articles with their own byline")
        )
    return None


def _checklist(
    session: Session, article: Article, actor: Person, request: _Request
) -> tuple[str, _Refusal | None]:
    """The override note to audit ("" when everything passed), or a refusal."""
    verb = CHECKED_TARGETS.get(request.to)
    if verb is None:
        return "", None
    record = to_record(session, article)
    items = run_checklist(record, section_word_target(session, article.section_id))
    items += (alt_text_item(session, record),)
    # Only a blocking rule is checked here: a warning was shown before the move.
    spelling = spelling_item(session, record, request.exceptions, counted=("block",))
    missing = missing_items(items + ((spelling,) if spelling else ()))
    if not missing:
        return "", None
    problems = "; ".join(item.problem for item in missing)
    if request.override_reason is None:
        error = ChecklistError(refusal_text(article.headline, verb, missing), missing)
        return "", _Refusal(error, article.status)
    if not has_permission(actor.role, "override_checklist"):
        denied = PermissionDenied(refusal_message(actor, "override_checklist"))
        return "", _Refusal(denied, article.status)
    return f"override: {request.override_reason.strip()} (missing: {problems})", None


def _apply_effects(session: Session, article: Article, actor: Person, request: _Request) -> None:
    to, now = request.to, request.now
    if to == "scheduled":
        article.scheduled_at = request.scheduled_at
    elif article.status == "scheduled" and to == "approved":
        article.scheduled_at = None
    if to == "published":
        article.scheduled_at = None
        if article.published_at is None:
            article.published_at = now
    if to == "corrected":
        session.add(
            ArticleCorrection(
                article_id=article.id, author_id=actor.id, corrected_at=now, note=request.note
            )
        )
    article.status = to
    article.updated_at = now
    article.updated_by_id = actor.id


def _transition(
    session: Session, article_id: uuid.UUID, actor_id: uuid.UUID, request: _Request
) -> ArticleRecord | _Refusal:
    actor = load_actor(session, actor_id)
    # Row-locked on PostgreSQL: two editors moving one article are served one at a time.
    session.execute(select(Article.id).where(Article.id == article_id).with_for_update())
    article = _load(session, article_id)
    if request.expected_version is not None and article.version != request.expected_version:
        raise _conflict(article, request.expected_version)
    from_status = article.status
    # Someone whose role never leads to this status is refused (and audited) whatever the
    # article's status is now: a reporter "publishing" a draft is a refusal, not a typo.
    needed = sorted({p for (_, to), p in TRANSITIONS.items() if to == request.to})
    if needed and not any(has_permission(actor.role, p) for p in needed):
        return _Refusal(PermissionDenied(refusal_message(actor, needed[0])), from_status)
    permission = TRANSITIONS.get((from_status, request.to))
    if permission is None:
        targets = ", ".join(map(status_label, allowed_targets(from_status)))
        raise ValidationError(
            _(
                "An article that is {from_status} cannot move to {to}. From "
                "{from_status} it can move to: {targets}."
            ).format(
                from_status=status_label(from_status),
                to=status_label(request.to),
                targets=targets or _("nowhere (restore it first)"),
            )
        )
    refused = _permission_refusal(session, article, actor, permission)
    if refused:
        return _Refusal(PermissionDenied(refused), from_status)
    override_note, refusal = _checklist(session, article, actor, request)
    if refusal is not None:
        return refusal
    _apply_effects(session, article, actor, request)
    note = "\n".join(part for part in (request.note.strip(), override_note) if part)
    if request.to == "scheduled" and request.scheduled_at is not None:
        note = "\n".join(p for p in (f"at {request.scheduled_at.isoformat()}", note) if p)
    session.flush()
    add_entry(
        session,
        action="status",
        actor_id=actor.id,
        article_id=article.id,
        outcome="override" if override_note else "done",
        from_status=from_status,
        to_status=request.to,
        note=note,
        at=request.now,
    )
    note_intent(
        session,
        "status",
        {
            "article_id": str(article.id),
            "to": request.to,
            "note": request.note,
            "override_reason": request.override_reason,
            "scheduled_at": request.scheduled_at.isoformat() if request.scheduled_at else None,
            "at": request.now.isoformat(),
            **request.exceptions.payload(),
        },
    )
    if request.to == "submitted":
        # What the reporter handed in, so the editor can see what changed since.
        _add_revision(session, article, kind="submit", note=request.note, author_id=actor.id)
    return to_record(session, article)


def _conflict(article: Article, expected: int) -> ConflictError:
    return ConflictError(
        _(
            "“{headline}” was changed elsewhere (your version {expected}, stored "
            "version {version}). Nothing was changed: reload it and try again."
        ).format(
            headline=article.headline or _("Untitled"), expected=expected, version=article.version
        ),
        expected_version=expected,
        current_version=article.version,
    )


def change_status(
    db: Database,
    article_id: uuid.UUID,
    to: str,
    *,
    actor_id: uuid.UUID,
    note: str = "",
    now: datetime | None = None,
    override_reason: str | None = None,
    scheduled_at: datetime | None = None,
    expected_version: int | None = None,
    exceptions: WordExceptions | None = None,
) -> ArticleRecord:
    """Move an article to status ``to`` as ``actor_id``; audited, refused when not allowed.

    ``exceptions`` are the words the person accepted (their own dictionary) or ignored in
    this article, for the checklist's spelling item.

    Raises PermissionDenied (role), ChecklistError (missing items, no override),
    ValidationError (a move the table does not have, a missing note or time) and
    ConflictError (``expected_version`` is stale, or someone changed it meanwhile).
    """
    request = _Request(
        to=to,
        note=note,
        now=_aware(now or utcnow(), "now"),
        override_reason=override_reason,
        scheduled_at=scheduled_at,
        expected_version=expected_version,
        exceptions=exceptions or WordExceptions(),
    )
    _check_request(request)

    def work() -> ArticleRecord | _Refusal:
        with db.transaction() as session:
            return _transition(session, article_id, actor_id, request)

    outcome = _run(work, db, article_id, expected_version)
    if isinstance(outcome, _Refusal):
        record_refusal(
            db,
            action="status",
            actor_id=actor_id,
            article_id=article_id,
            from_status=outcome.from_status,
            to_status=to,
            reason=str(outcome.error),
            at=request.now,
        )
        raise outcome.error
    return outcome


def _run(
    work: Callable[[], ArticleRecord | _Refusal],
    db: Database,
    article_id: uuid.UUID,
    expected_version: int | None,
) -> ArticleRecord | _Refusal:
    try:
        return _retrying(work)
    except StaleDataError as error:
        with db.transaction() as session:
            article = _load(session, article_id)
            raise _conflict(article, expected_version or article.version - 1) from error
