"""Which section an imported article goes to, and the sections an import creates.

A site's categories rarely match a fresh newsroom's sections, so an import does not refuse
a file whose section is unknown: it creates the section (a path ``berita/dunia`` creates
both levels), when the importing person may manage sections (an admin, or nobody in a
newsroom without people yet). Everyone else is told to ask an admin or to map the name.

``mapping`` (``--map-section post=berita``) renames a site's category or section before it
is looked up, so ``post`` lands in ``berita``. Every section created is audited and listed
in the import report.

The sections are read once per import, not once per file.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence

from editor.database import Database
from editor.errors import NotFoundError, PermissionDenied
from editor.i18n import _
from editor.records import SectionRecord
from editor.sections import _insert_section, list_sections, match_section
from editor.slugs import slugify
from editor.workflow.audit import add_entry
from editor.workflow.roles import has_permission

ACTION = "import"


class SectionResolver:
    def __init__(
        self,
        db: Database,
        *,
        actor_id: uuid.UUID | None,
        actor_role: str | None,
        mapping: Mapping[str, str] | None = None,
    ) -> None:
        self.db = db
        self.actor_id = actor_id
        self.actor_role = actor_role
        self.mapping = {key.strip().lower(): value for key, value in (mapping or {}).items()}
        self.sections = list_sections(db)
        #: Paths of the sections this import created, in order.
        self.created: list[str] = []

    def mapped(self, key: str) -> str:
        return self.mapping.get(key.strip().lower(), key)

    def find(self, key: str) -> SectionRecord | None:
        """The section ``key`` names (after the mapping), None when there is none; a
        ValidationError when it is ambiguous."""
        try:
            return match_section(self.sections, self.mapped(key))
        except NotFoundError:
            return None

    def may_create(self) -> bool:
        if self.actor_role is None:
            return self.actor_id is None
        return has_permission(self.actor_role, "manage_sections")

    def create(self, names: Sequence[str], slugs: Sequence[str] = ()) -> SectionRecord:
        """The section at the path ``names`` spells (display names, outermost first),
        creating each missing level; ``slugs``, when given, are the levels' slugs (a
        WordPress category's own). PermissionDenied when this person may not."""
        wanted = [name.strip() for name in names if name.strip()]
        slugs = list(slugs) if len(slugs) == len(wanted) else [slugify(n) for n in wanted]
        if not self.may_create():
            raise PermissionDenied(
                _(
                    "there is no section '{path}', and only an admin may create one. Ask "
                    "an admin to import it, or map the name to a section with "
                    "--map-section '{name}=SECTION'."
                ).format(path="/".join(wanted), name=wanted[0] if wanted else "")
            )
        parent: SectionRecord | None = None
        for depth, name in enumerate(wanted):
            path = "/".join(slugs[: depth + 1])
            found = next((s for s in self.sections if s.path == path), None)
            if found is None:
                found = self._add(name, slugs[depth], parent)
            parent = found
        assert parent is not None, "create() needs at least one name"
        return parent

    def _add(self, name: str, slug: str, parent: SectionRecord | None) -> SectionRecord:
        with self.db.transaction() as session:
            new_id = _insert_section(
                session, name, parent_id=parent.id if parent else None, slug=slug
            )
            add_entry(
                session,
                action=ACTION,
                actor_id=self.actor_id,
                note=f"added section {name} for imported articles",
            )
        self.sections = list_sections(self.db)
        record = next(s for s in self.sections if s.id == new_id)
        self.created.append(record.path)
        return record
