"""People of the newsroom: reporters, editors, admins."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Person
from editor.records import ROLES, PersonRecord
from editor.slugs import slugify


def _record(person: Person) -> PersonRecord:
    return PersonRecord(
        id=person.id,
        name=person.name,
        handle=person.handle,
        role=person.role,
        email=person.email,
        active=person.active,
        version=person.version,
    )


def list_people(db: Database) -> list[PersonRecord]:
    with db.transaction() as session:
        people = session.scalars(select(Person).order_by(Person.name))
        return [_record(p) for p in people]


def _insert_person(
    session: Session, name: str, *, role: str, handle: str, email: str | None
) -> Person:
    if not name.strip():
        raise ValidationError(_("A person needs a name."))
    if role not in ROLES:
        raise ValidationError(
            _("Unknown role '{role}'. Choose one of: {roles}.").format(
                role=role, roles=", ".join(ROLES)
            )
        )
    person = Person(name=name.strip(), handle=handle or slugify(name), role=role, email=email)
    session.add(person)
    session.flush()
    return person


def create_person(
    db: Database, name: str, *, role: str = "reporter", handle: str = "", email: str | None = None
) -> PersonRecord:
    """A person entered by the system (demo, importers' bylines): no one is acting.

    A person adding someone goes through ``add_person``, which checks their role.
    """
    with db.transaction() as session:
        return _record(_insert_person(session, name, role=role, handle=handle, email=email))


def add_person(
    db: Database,
    name: str,
    *,
    actor_id: uuid.UUID | None,
    role: str = "reporter",
    email: str | None = None,
) -> PersonRecord:
    """Someone adds a person: admins only (or anyone before the newsroom has an admin, with
    ``actor_id`` None, so IT can create the first admin); audited either way."""
    from editor.workflow.audit import add_entry
    from editor.workflow.roles import management_note, managing

    with managing(db, actor_id, "manage_people") as session:
        person = _insert_person(session, name, role=role, handle="", email=email)
        note = management_note(actor_id, f"added {person.handle} as {role}")
        add_entry(session, action="manage_people", actor_id=actor_id, note=note)
        return _record(person)


def find_person(db: Database, key: str) -> PersonRecord:
    """A person by id, handle or name (case-insensitive)."""
    wanted = key.strip().lower()
    for person in list_people(db):
        if wanted in (str(person.id), person.handle, person.name.lower()) or (
            person.handle == slugify(key)
        ):
            return person
    raise NotFoundError(
        _("Unknown person '{key}'. Run 'redaksi people' to see who exists.").format(key=key)
    )


def ensure_person(db: Database, name: str, *, role: str = "reporter") -> PersonRecord:
    """The person with this name, created if the newsroom does not know them yet."""
    try:
        return find_person(db, name)
    except NotFoundError:
        return create_person(db, name, role=role)
