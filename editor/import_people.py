"""Who an imported byline names: the newsroom's people, read once an import, and the
reporters an import adds for names nobody has.

A bare name means the person of that name (case aside), preferring the one whose handle is
made from it, so two people who share a name (one with a hand-made handle) stay apart
through an export and a re-import. Names that only share a slug (Tomáš Šedovič, Tomas
Sedovic) are two people; a name that is someone's handle (``budi``) means them.
"""

from __future__ import annotations

import uuid

from editor.database import Database
from editor.people import list_people
from editor.records import PersonRecord, PersonRef
from editor.slugs import slugify
from editor.workflow.import_rules import ImportActor


class BylinePeople:
    """The people bylines are matched against, with those the import adds."""

    def __init__(self, db: Database, actor: ImportActor) -> None:
        self._actor = actor
        self._people: list[PersonRecord] = list_people(db)

    def person(self, name: str, handle: str) -> PersonRecord:
        """The byline's person: by handle, else by name; a new reporter when nobody
        matches (if the importing person may add one)."""
        if handle:
            found = [p for p in self._people if p.handle == handle]
        else:
            named = [p for p in self._people if p.name.casefold() == name.casefold()]
            made = [p for p in named if p.handle == slugify(name)]
            found = made or named or [p for p in self._people if p.handle == name]
        if found:
            return found[0]
        if not handle:  # the slug may be someone else's already: number it
            taken = {p.handle for p in self._people}
            handle = base = slugify(name)
            number = 1
            while handle in taken:
                number += 1
                handle = f"{base}-{number}"
        person = self._actor.add_person(name, handle)
        self._people.append(person)
        return person

    def refs(self, names: tuple[tuple[str, str], ...]) -> tuple[PersonRef, ...]:
        """The bylines of (name, handle) pairs, people added where needed."""
        return tuple(
            PersonRef(p.id, p.name, p.handle)
            for p in (self.person(name, handle) for name, handle in names)
        )

    def by_id(self) -> dict[uuid.UUID, PersonRef]:
        return {p.id: PersonRef(p.id, p.name, p.handle) for p in self._people}
