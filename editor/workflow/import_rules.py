"""Importing as a person: what a Markdown import may change, and its audit entries.

An import is a save made by the person named with ``--as`` (signed in like the workflow
commands), so it obeys the rules of a save and of a status change:

- A reporter imports new articles (their own byline is added when a file names nobody;
  a file that states no status is a draft) and updates only their own drafts and
  articles sent back to them.
- A file's status needs the role that status needs: a reporter's file that says
  ``status: published`` is refused, as ``redaksi status --to published`` would be.
- A file may name only people the newsroom knows, unless an editor or admin imports it:
  then a new byline person is added as a reporter (audited).
- An article someone has open in the app (a live lock) is left alone.
- A file that names no author keeps the article's byline.
- Naming nobody is allowed only in a newsroom with no people yet: the first import of a
  site into a fresh newsroom, before anyone exists to name.

Every change is audited ("import", in the change's own unit of work) and every refusal
too (in a unit of work of its own, as in ``roles``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.articles import AlongWith, _load
from editor.database import Database
from editor.errors import PermissionDenied
from editor.i18n import _, current_language
from editor.models import Article, Person
from editor.people import _insert_person, _record
from editor.records import ArticleRecord, PersonRecord
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.locks import current_lock
from editor.workflow.roles import (
    edit_refusal,
    has_permission,
    inactive_message,
    load_actor,
    refusal_message,
)
from editor.workflow.transitions import TRANSITIONS

ACTION = "import"
#: The fields a status change moves; a file that changes any of them changes the workflow.
WORKFLOW_FIELDS = ("status", "published_at", "scheduled_at", "embargo_until")
BOOTSTRAP_NOTE = " (no one named: the newsroom had no people yet)"


def _status_permissions(status: str) -> list[str]:
    """The permissions that lead to ``status`` (any one of them will do)."""
    return sorted({permission for (_, to), permission in TRANSITIONS.items() if to == status})


@dataclass(frozen=True)
class ImportActor:
    """Who imports, and the checks and audit entries of their import."""

    db: Database
    person: PersonRecord | None

    @classmethod
    def start(cls, db: Database, actor_id: uuid.UUID | None) -> ImportActor:
        """The importing person; PermissionDenied (audited) when naming nobody is not
        allowed here, or the person may not act."""
        if actor_id is None:
            with db.transaction() as session:
                has_people = session.scalar(select(Person.id).limit(1)) is not None
            if has_people:
                reason = _(
                    "Say who imports: this newsroom has people, so an import acts as one of "
                    "them (--as PERSON on the command line) and obeys their role."
                )
                record_refusal(db, action=ACTION, actor_id=None, reason=reason)
                raise PermissionDenied(reason)
            return cls(db, None)
        with db.transaction() as session:
            found = load_actor(session, actor_id)
            person = _record(found)
            inactive = "" if found.active else inactive_message(found)
        actor = cls(db, person)
        if inactive:
            actor._refuse(inactive)
        return actor

    @property
    def actor_id(self) -> uuid.UUID | None:
        return self.person.id if self.person is not None else None

    def _refuse(
        self,
        reason: str,
        *,
        article_id: uuid.UUID | None = None,
        from_status: str = "",
        to_status: str = "",
    ) -> NoReturn:
        record_refusal(
            self.db,
            action=ACTION,
            actor_id=self.actor_id,
            reason=reason,
            article_id=article_id,
            from_status=from_status,
            to_status=to_status,
        )
        raise PermissionDenied(reason)

    def _status_refusal(self, session: Session, status: str) -> str:
        if self.person is None:
            return ""
        needed = _status_permissions(status)
        if needed and not any(has_permission(self.person.role, p) for p in needed):
            return refusal_message(load_actor(session, self.person.id), needed[0])
        return ""

    def status_for_new(self, status: str, stated: frozenset[str]) -> str:
        """A new article's status: a reporter's file that states none is a draft (the
        importer's default for a site's pages is "published", which a reporter may not)."""
        if self.person is None or "status" in stated:
            return status
        return status if has_permission(self.person.role, "publish") else "draft"

    # --- checks, before anything is written ------------------------------------------

    def check_new(self, status: str) -> None:
        """A new article with ``status`` may be imported."""
        with self.db.transaction() as session:
            refusal = self._status_refusal(session, status)
        if refusal:
            self._refuse(refusal, to_status=status)

    def check_update(self, stored: ArticleRecord, workflow: dict[str, Any]) -> None:
        """``stored`` may be overwritten, its workflow fields set to ``workflow``."""
        changes_workflow = any(getattr(stored, f) != workflow[f] for f in WORKFLOW_FIELDS)
        refusal = ""
        with self.db.transaction() as session:
            if self.person is not None:
                article = _load(session, stored.id)
                actor = load_actor(session, self.person.id)
                edit = edit_refusal(session, article, actor)
                refusal = edit[1] if edit is not None else ""
                if not refusal and changes_workflow:
                    refusal = self._status_refusal(session, workflow["status"])
        if refusal:
            self._refuse(
                refusal,
                article_id=stored.id,
                from_status=stored.status,
                to_status=workflow["status"],
            )
        lock = current_lock(self.db, stored.id)
        if lock is not None:
            # Not a matter of role: it would pull the text from under someone typing.
            raise PermissionDenied(
                _(
                    "“{headline}” is {holder}; it was not imported. Import it again when "
                    "they have closed it."
                ).format(
                    headline=stored.headline or _("Untitled"),
                    holder=lock.describe(current_language()),
                )
            )

    # --- what an import by this person writes ----------------------------------------

    def bylines_for_new(self, byline_ids: tuple[uuid.UUID, ...]) -> tuple[uuid.UUID, ...]:
        """A reporter's new article names them when the file names nobody."""
        if byline_ids or self.person is None or has_permission(self.person.role, "edit_any"):
            return byline_ids
        return (self.person.id,)

    def add_person(self, name: str, handle: str) -> PersonRecord:
        """A byline person the newsroom does not know yet: added as a reporter (audited),
        when an editor or admin imports (or nobody is named in a newsroom without people)."""
        if self.person is not None and not has_permission(self.person.role, "edit_any"):
            self._refuse(
                _(
                    "it names {name}, who is not in this newsroom. Ask an admin to add them "
                    "('redaksi people add'), or remove the name from the file."
                ).format(name=name)
            )
        with self.db.transaction() as session:
            person = _insert_person(session, name, role="reporter", handle=handle, email=None)
            note = f"added {person.handle} as reporter for a byline"
            note += BOOTSTRAP_NOTE if self.person is None else ""
            add_entry(session, action=ACTION, actor_id=self.actor_id, note=note)
            return _record(person)

    def audit_note(self, note: str) -> str:
        return note + (BOOTSTRAP_NOTE if self.person is None else "")

    def audit(self, from_status: str, note: str) -> AlongWith:
        """The audit entry of an imported article, written in the import's unit of work."""

        def write(session: Session, article: Article) -> None:
            add_entry(
                session,
                action=ACTION,
                actor_id=self.actor_id,
                article_id=article.id,
                from_status=from_status,
                to_status=article.status,
                note=self.audit_note(note),
            )

        return write
