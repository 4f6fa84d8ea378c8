"""Roles and permissions: what a reporter, an editor and an admin may do.

The checks live in the core so the command line, the GUI and any script obey the same
rules; the GUI disabling a button is only a courtesy on top.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import NotFoundError, PermissionDenied
from editor.i18n import N_, _
from editor.models import Article, Person
from editor.records import role_label, status_label

REPORTER_PERMISSIONS = frozenset({"draft", "edit_own", "submit", "comment"})
EDITOR_PERMISSIONS = REPORTER_PERMISSIONS | {
    "edit_any",
    "review",
    "send_back",
    "approve",
    "schedule",
    "publish",
    "unpublish",
    "correct",
    "override_checklist",
    "take_over",
    "resolve_any",
    "manage_words",
    "import_views",
}
ADMIN_PERMISSIONS = EDITOR_PERMISSIONS | {"manage_people", "manage_sections", "manage_settings"}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "reporter": REPORTER_PERMISSIONS,
    "editor": frozenset(EDITOR_PERMISSIONS),
    "admin": frozenset(ADMIN_PERMISSIONS),
}
#: Statuses in which a reporter may still change their own article.
REPORTER_EDITABLE = ("draft", "sent_back")

#: How a refusal names the action, and which roles would be allowed it.
DESCRIPTIONS = {
    "draft": N_("write new articles"),
    "edit_own": N_("edit their own articles"),
    "edit_any": N_("edit other people's articles"),
    "submit": N_("submit articles"),
    "comment": N_("comment on articles"),
    "review": N_("take articles into review"),
    "send_back": N_("send articles back"),
    "approve": N_("approve articles"),
    "schedule": N_("schedule articles"),
    "publish": N_("publish articles"),
    "unpublish": N_("unpublish (kill) articles"),
    "correct": N_("correct published articles"),
    "override_checklist": N_("override the pre-publish checklist"),
    "take_over": N_("take over an article someone else is editing"),
    "resolve_any": N_("resolve other people's comments"),
    "manage_people": N_("manage people and roles"),
    "manage_sections": N_("manage sections"),
    "manage_settings": N_("change newsroom settings"),
    "manage_words": N_("change the newsroom dictionary and house style"),
    "import_views": N_("import page views"),
}


def roles_with(permission: str) -> list[str]:
    return [role for role, granted in ROLE_PERMISSIONS.items() if permission in granted]


def has_permission(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def refusal_message(person: Person, permission: str, detail: str = "") -> str:
    """``Sarah (reporter) may not publish articles: that needs the editor or admin role.``"""
    action = _(DESCRIPTIONS[permission]) if permission in DESCRIPTIONS else permission
    needs = _(" or ").join(map(role_label, roles_with(permission))) or _("another")
    if detail:
        return _("{name} ({role}) may not {action}: {detail}").format(
            name=person.name, role=role_label(person.role), action=action, detail=detail
        )
    return _(
        "{name} ({role}) may not {action}: that needs the {needs} role. Ask someone with that role."
    ).format(name=person.name, role=role_label(person.role), action=action, needs=needs)


def inactive_message(person: Person) -> str:
    return _("{name} is no longer active in this newsroom.").format(name=person.name)


def load_actor(session: Session, actor_id: uuid.UUID) -> Person:
    person = session.get(Person, actor_id)
    if person is None:
        raise NotFoundError(
            _("No person with id {actor_id}. Run 'redaksi people' to see who exists.").format(
                actor_id=actor_id
            )
        )
    return person


def is_own(session: Session, article: Article, person: Person) -> bool:
    """An article is a person's own when they are on its byline (as this unit of work
    has it: the bylines are loaded with the article)."""
    return any(byline.person_id == person.id for byline in article.bylines)


def edit_refusal(session: Session, article: Article, person: Person) -> tuple[str, str] | None:
    """Why ``person`` may not change ``article`` (permission, message), or None if they may.

    Editors and admins edit anything. A reporter edits only articles with their name on
    the byline, and only while those are drafts or sent back to them.
    """
    if not person.active:
        return "edit_own", inactive_message(person)
    if has_permission(person.role, "edit_any"):
        return None
    if not is_own(session, article, person):
        return "edit_any", refusal_message(person, "edit_any")
    if article.status not in REPORTER_EDITABLE:
        return "edit_own", refusal_message(
            person,
            "edit_own",
            _(
                "this one is {state}; a reporter edits only drafts and articles sent back. "
                "Ask an editor to send it back"
            ).format(state=status_label(article.status).replace("_", " ")),
        )
    return None


def require(db: Database, actor_id: uuid.UUID, permission: str) -> None:
    """Refuse (PermissionDenied, audited) unless the person's role grants ``permission``.

    For actions outside the article workflow: sections ("manage_sections"), newsroom
    settings ("manage_settings"), people ("manage_people").
    """
    from editor.workflow.audit import record_refusal

    with db.transaction() as session:
        actor = load_actor(session, actor_id)
        refusal = ""
        if not actor.active:
            refusal = inactive_message(actor)
        elif not has_permission(actor.role, permission):
            refusal = refusal_message(actor, permission)
    if refusal:
        record_refusal(db, action=permission, actor_id=actor_id, reason=refusal)
        raise PermissionDenied(refusal)


def has_active_admin(session: Session) -> bool:
    """Whether anyone can hold the newsroom's keys yet (see ``management_refusal``)."""
    query = select(Person.id).where(Person.role == "admin", Person.active.is_(True)).limit(1)
    return session.scalar(query) is not None


def management_refusal(session: Session, actor_id: uuid.UUID | None, permission: str) -> str:
    """Why this actor may not manage people, sections or settings ("" if they may).

    A fresh newsroom has nobody, so nobody could ever be granted ``manage_people``: while
    it has no active admin and nobody in it signs in with a password, an action without
    an actor is allowed (that is how IT creates the first admin). Once anyone has a
    password, a change from no one could come from anyone, so someone must say who acts:
    an admin, or while there is none an editor (the newsroom's most trusted role then).
    An actor who is named is always held to their role, bootstrap or not.
    """
    from editor.workflow.passwords import uses_passwords

    admin = has_active_admin(session)
    if actor_id is None:
        if not admin and not uses_passwords(session):
            return ""
        action = _(DESCRIPTIONS[permission]) if permission in DESCRIPTIONS else permission
        needs = _(" or ").join(map(role_label, roles_with(permission)))
        if not admin:
            return _(
                "Say who acts with --as PERSON: this newsroom's people sign in with "
                "passwords, so a change from no one could come from anyone. Until it has an "
                "admin, an editor may {action}."
            ).format(action=action)
        return _(
            "Only the {needs} role may {action} now that this newsroom has an admin: "
            "say who acts with --as PERSON."
        ).format(needs=needs, action=action)
    actor = load_actor(session, actor_id)
    if not actor.active:
        return inactive_message(actor)
    if has_permission(actor.role, permission):
        return ""
    if not admin and actor.role == "editor":
        return ""  # an editor holds the keys of a newsroom without an admin
    return refusal_message(actor, permission)


def management_note(actor_id: uuid.UUID | None, note: str) -> str:
    """The audit note for a change; one made before the newsroom had an admin says so,
    since its entry names no one."""
    return note if actor_id is not None else f"{note} (no one named: no admin yet)"


@contextmanager
def managing(db: Database, actor_id: uuid.UUID | None, permission: str) -> Iterator[Session]:
    """A unit of work for a people, sections or settings change, entered only if allowed.

    The check, the change and its audit entry share one unit of work. A refusal is audited
    in a unit of work of its own and raised as PermissionDenied before the caller's block
    runs.
    """
    from editor.workflow.audit import record_refusal

    with db.transaction() as session:
        refusal = management_refusal(session, actor_id, permission)
        if not refusal:
            yield session
            return
    record_refusal(db, action=permission, actor_id=actor_id, reason=refusal)
    raise PermissionDenied(refusal)
