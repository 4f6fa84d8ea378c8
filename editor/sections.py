"""Sections: a tree of site areas ("Berita" > "Dunia") with slugs."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import NotFoundError, ValidationError
from editor.i18n import _
from editor.models import Section
from editor.records import SectionRecord
from editor.slugs import slugify


def _paths(sections: list[Section]) -> dict[uuid.UUID, str]:
    by_id = {section.id: section for section in sections}
    paths: dict[uuid.UUID, str] = {}

    def path_of(section: Section) -> str:
        if section.id not in paths:
            parent = by_id.get(section.parent_id) if section.parent_id else None
            prefix = f"{path_of(parent)}/" if parent is not None else ""
            paths[section.id] = prefix + section.slug
        return paths[section.id]

    for section in sections:
        path_of(section)
    return paths


def subtree_ids(session: Session, section_id: uuid.UUID) -> list[uuid.UUID]:
    """``section_id`` and every section below it, so "Berita" also covers "Berita/Dunia"."""
    pairs = session.execute(select(Section.id, Section.parent_id)).all()
    children: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for child, parent in pairs:
        children.setdefault(parent, []).append(child)
    found, todo = [], [section_id]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def section_records(session: Session) -> list[SectionRecord]:
    sections = list(session.scalars(select(Section)))
    paths = _paths(sections)
    records = [
        SectionRecord(
            id=s.id,
            parent_id=s.parent_id,
            name=s.name,
            slug=s.slug,
            path=paths[s.id],
            position=s.position,
            word_target=s.word_target,
            version=s.version,
        )
        for s in sections
    ]
    return records


def list_sections(db: Database) -> list[SectionRecord]:
    with db.transaction() as session:
        records = section_records(session)
    by_parent: dict[uuid.UUID | None, list[SectionRecord]] = {}
    for record in records:
        by_parent.setdefault(record.parent_id, []).append(record)
    ordered: list[SectionRecord] = []

    def walk(parent: uuid.UUID | None) -> None:
        for child in sorted(by_parent.get(parent, []), key=lambda r: (r.position, r.name)):
            ordered.append(child)
            walk(child.id)

    walk(None)
    return ordered


def find_section(db: Database, key: str) -> SectionRecord:
    """A section by id, path ("berita/dunia"), slug or name (case-insensitive)."""
    return match_section(list_sections(db), key)


def match_section(sections: list[SectionRecord], key: str) -> SectionRecord:
    """find_section among ``sections`` already read (an import looks up thousands)."""
    wanted = key.strip().lower()
    for matcher in (
        lambda s: str(s.id) == wanted,
        lambda s: s.path == wanted,
        lambda s: s.slug == wanted,
        lambda s: s.name.lower() == wanted,
        lambda s: s.slug == slugify(wanted),
    ):
        found = [s for s in sections if matcher(s)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            choices = ", ".join(s.path for s in found)
            raise ValidationError(
                _("Section '{key}' is ambiguous: {choices}. Use its full path.").format(
                    key=key, choices=choices
                )
            )
    known = ", ".join(s.path for s in sections) or "none yet"
    raise NotFoundError(
        _("Unknown section '{key}'. Known sections: {known}.").format(key=key, known=known)
    )


def _insert_section(
    session: Session,
    name: str,
    *,
    parent_id: uuid.UUID | None,
    slug: str,
    position: int = 0,
    word_target: int = 0,
) -> uuid.UUID:
    if not name.strip():
        raise ValidationError(_("A section needs a name."))
    section = Section(
        name=name.strip(),
        slug=slug or slugify(name),
        parent_id=parent_id,
        position=position,
        word_target=word_target,
    )
    session.add(section)
    session.flush()
    return section.id


def _listed(db: Database, section_id: uuid.UUID) -> SectionRecord:
    return next(s for s in list_sections(db) if s.id == section_id)


def create_section(
    db: Database,
    name: str,
    *,
    parent_id: uuid.UUID | None = None,
    slug: str = "",
    position: int = 0,
    word_target: int = 0,
) -> SectionRecord:
    """A section made by the system (demo, importers, IT's presets): no one is acting.

    A person adding a section goes through ``add_section``, which checks their role.
    """
    with db.transaction() as session:
        new_id = _insert_section(
            session,
            name,
            parent_id=parent_id,
            slug=slug,
            position=position,
            word_target=word_target,
        )
    return _listed(db, new_id)


def add_section(
    db: Database,
    name: str,
    *,
    actor_id: uuid.UUID | None,
    parent_id: uuid.UUID | None = None,
    slug: str = "",
) -> SectionRecord:
    """A person adds a section: admins only (or anyone before the newsroom has an admin,
    with ``actor_id`` None); audited either way."""
    from editor.workflow.audit import add_entry
    from editor.workflow.roles import management_note, managing

    with managing(db, actor_id, "manage_sections") as session:
        new_id = _insert_section(session, name, parent_id=parent_id, slug=slug)
        note = management_note(actor_id, f"added section {name.strip()}")
        add_entry(session, action="manage_sections", actor_id=actor_id, note=note)
    return _listed(db, new_id)
