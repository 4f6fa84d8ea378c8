"""Writing with the role rules: drafting, saving, and managing people's roles.

``draft_article`` and ``edit_article`` wrap ``create_article`` and ``save_article`` with
the checks of ``roles``, as ``duplicate_as`` and ``set_trashed`` do for the list's copy,
trash and restore; ``save_unsigned`` is the save of a window where nobody signed in.
Status and publishing times are not edited here: they move only through
``transitions.change_status``, which audits them.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime

from editor.articles import _load, create_article, save_article
from editor.database import Database
from editor.errors import PermissionDenied, ValidationError
from editor.i18n import _, current_language
from editor.models import ArticleLock, utcnow
from editor.people import _record
from editor.records import ROLES, ArticleDraft, ArticleRecord, PersonRecord
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.locks import ArticleLockedError
from editor.workflow.locks import _record as lock_record
from editor.workflow.passwords import sign_in_required
from editor.workflow.roles import (
    edit_refusal,
    has_permission,
    inactive_message,
    load_actor,
    refusal_message,
)

#: Fields only ``change_status`` may change.
WORKFLOW_FIELDS = ("status", "published_at", "scheduled_at")


def can_edit(db: Database, article_id: uuid.UUID, actor_id: uuid.UUID) -> bool:
    """Whether the person may change the article now (for enabling the editor)."""
    with db.transaction() as session:
        article = _load(session, article_id)
        return edit_refusal(session, article, load_actor(session, actor_id)) is None


def draft_article(
    db: Database,
    draft: ArticleDraft,
    *,
    actor_id: uuid.UUID,
    article_id: uuid.UUID | None = None,
) -> ArticleRecord:
    """A new draft. A reporter's draft carries their byline when it names nobody.
    ``article_id`` keeps an id made elsewhere (a replica's offline draft)."""
    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        refusal = "" if actor.active else inactive_message(actor)
    if refusal:
        record_refusal(db, action="draft", actor_id=actor_id, reason=refusal)
        raise PermissionDenied(refusal)
    if draft.status != "draft":
        raise ValidationError(_("A new article starts as a draft; change its status afterwards."))
    if not draft.byline_ids and not has_permission(actor.role, "edit_any"):
        draft = replace(draft, byline_ids=(actor_id,))
    return create_article(db, draft, article_id=article_id, saved_by=actor_id)


def edit_article(
    db: Database,
    record: ArticleRecord,
    *,
    actor_id: uuid.UUID,
    session_id: str | None = None,
    now: datetime | None = None,
) -> ArticleRecord:
    """Save ``record`` as ``actor_id``. With ``session_id``, refuse while another app
    holds a live lock on the article (ArticleLockedError); ConflictError on a stale
    version, as ``save_article``."""
    when = now or utcnow()
    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        article = _load(session, record.id)
        refusal = edit_refusal(session, article, actor)
        # A stale record differs because someone moved the article on: that is a conflict
        # (save_article says so), not an attempt to change its status.
        stale = article.version != record.version
        changed = [
            f for f in WORKFLOW_FIELDS if not stale and getattr(article, f) != getattr(record, f)
        ]
        status = article.status
        lock = session.get(ArticleLock, record.id)
        held_by_other = (
            session_id is not None
            and lock is not None
            and lock.session_id != session_id
            and lock.expires_at > when
        )
        if held_by_other and lock is not None:
            holder = lock_record(lock, load_actor(session, lock.holder_id).name)
            raise ArticleLockedError(
                _(
                    "“{headline}” is {holder}. Nothing was saved; your text is still in your "
                    "window. Copy it, or ask an editor to take the article over."
                ).format(
                    headline=article.headline or _("Untitled"),
                    holder=holder.describe(current_language()),
                ),
                holder,
            )
    if changed:
        raise ValidationError(
            _(
                "{changed} change only through a status change ('redaksi status ID --to "
                "...'); nothing was saved."
            ).format(changed=", ".join(changed))
        )
    if refusal is not None:
        record_refusal(
            db,
            action="edit",
            actor_id=actor_id,
            article_id=record.id,
            reason=refusal[1],
            from_status=status,
            to_status=status,
            at=when,
        )
        raise PermissionDenied(refusal[1])
    return save_article(db, record, saved_by=actor_id)


def save_unsigned(db: Database, record: ArticleRecord) -> ArticleRecord:
    """A save from a window where nobody is signed in (PermissionDenied, audited, where the
    newsroom signs in: see ``passwords.sign_in_required``). ConflictError as ``save_article``."""
    refuse_unsigned(db, "edit", record.id)
    return save_article(db, record)


def refuse_unsigned(db: Database, action: str, article_id: uuid.UUID | None = None) -> None:
    """PermissionDenied (audited) for a change nobody signed in to make, where the
    newsroom signs in (``passwords.sign_in_required``); nothing where it does not."""
    if sign_in_required(db):
        message = _(
            "Nothing was saved: nobody is signed in, and this newsroom saves only the work "
            "of someone signed in. Sign in; your text is still in the window."
        )
        record_refusal(db, action=action, actor_id=None, article_id=article_id, reason=message)
        raise PermissionDenied(message)


def duplicate_as(
    db: Database, article_id: uuid.UUID, *, actor_id: uuid.UUID | None
) -> ArticleRecord:
    """A copy of an article: a new draft by ``actor_id`` (``draft_article``'s rules), or
    by nobody where the newsroom does not sign in. A reporter not on the original's
    byline joins the copy's, so the copy is theirs to edit."""
    from editor.articles import draft_of_copy, get_article

    draft = draft_of_copy(get_article(db, article_id))
    if actor_id is None:
        refuse_unsigned(db, "draft", article_id)
        return create_article(db, draft)
    with db.transaction() as session:
        role = load_actor(session, actor_id).role
    if not has_permission(role, "edit_any") and actor_id not in draft.byline_ids:
        draft = replace(draft, byline_ids=(*draft.byline_ids, actor_id))
    return draft_article(db, draft, actor_id=actor_id)


def set_role(db: Database, person_id: uuid.UUID, role: str, *, actor_id: uuid.UUID) -> PersonRecord:
    """Give a person another role; admins only, audited."""
    if role not in ROLES:
        raise ValidationError(
            _("Unknown role '{role}'. Choose one of: {roles}.").format(
                role=role, roles=", ".join(ROLES)
            )
        )
    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        person = load_actor(session, person_id)
        refusal = ""
        if not has_permission(actor.role, "manage_people"):
            refusal = refusal_message(actor, "manage_people")
        else:
            old = person.role
            person.role = role
            session.flush()
            add_entry(
                session, action="role", actor_id=actor.id, note=f"{person.handle}: {old} → {role}"
            )
            return _record(person)
    record_refusal(db, action="role", actor_id=actor_id, reason=refusal)
    raise PermissionDenied(refusal)


def set_trashed(
    db: Database, article_id: uuid.UUID, trashed: bool, *, actor_id: uuid.UUID | None
) -> ArticleRecord:
    """Move an article to the trash (or back) as ``actor_id``: someone who may edit it, or
    nobody where the newsroom does not sign in. Audited; a refusal is audited and raised
    as PermissionDenied."""
    from editor.articles import restore_article, trash_article

    action = "trash" if trashed else "restore"
    if actor_id is None:
        refuse_unsigned(db, action, article_id)
    with db.transaction() as session:
        article = _load(session, article_id)
        refusal = (
            None
            if actor_id is None
            else edit_refusal(session, article, load_actor(session, actor_id))
        )
        status = article.status
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
    record = (trash_article if trashed else restore_article)(db, article_id)
    with db.transaction() as session:
        add_entry(
            session,
            action=action,
            actor_id=actor_id,
            article_id=article_id,
            from_status=status,
            to_status=record.status,
        )
    return record
