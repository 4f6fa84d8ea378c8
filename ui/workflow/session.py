"""Who is working in this window: the signed-in person and this app's lock session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import PersonRecord


def _new_session_id() -> str:
    from editor.workflow.locks import new_session_id

    return new_session_id()


@dataclass
class WorkflowSession:
    """The database, the acting person (None until a profile is chosen), the zone.

    ``session_id`` names this running app in soft locks, so the same person on two
    machines holds two separate locks.
    """

    db: Database
    person: PersonRecord | None = None
    zone: str = "Asia/Jakarta"
    workstation: str = ""
    session_id: str = field(default_factory=_new_session_id)

    @property
    def actor_id(self) -> uuid.UUID | None:
        return self.person.id if self.person is not None else None

    @property
    def role(self) -> str:
        return self.person.role if self.person is not None else ""
