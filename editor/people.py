"""People of the newsroom: reporters, editors, admins."""

from __future__ import annotations

from sqlalchemy import select

from editor.database import Database
from editor.errors import NotFoundError, ValidationError
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


def create_person(
    db: Database, name: str, *, role: str = "reporter", handle: str = "", email: str | None = None
) -> PersonRecord:
    if not name.strip():
        raise ValidationError("A person needs a name.")
    if role not in ROLES:
        raise ValidationError(f"Unknown role '{role}'. Choose one of: {', '.join(ROLES)}.")
    with db.transaction() as session:
        person = Person(name=name.strip(), handle=handle or slugify(name), role=role, email=email)
        session.add(person)
        session.flush()
        return _record(person)


def find_person(db: Database, key: str) -> PersonRecord:
    """A person by id, handle or name (case-insensitive)."""
    wanted = key.strip().lower()
    for person in list_people(db):
        if wanted in (str(person.id), person.handle, person.name.lower()) or (
            person.handle == slugify(key)
        ):
            return person
    raise NotFoundError(f"Unknown person '{key}'. Run 'redaksi people' to see who exists.")


def ensure_person(db: Database, name: str, *, role: str = "reporter") -> PersonRecord:
    """The person with this name, created if the newsroom does not know them yet."""
    try:
        return find_person(db, name)
    except NotFoundError:
        return create_person(db, name, role=role)
