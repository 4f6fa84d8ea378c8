"""What a unit of work meant to do, noted beside its changes for whoever observes commits.

A replica's outbox (``editor.sync.capture``) sees rows change, but a status change is
more than its rows: the note, the requested time and an override reason are the request
itself. ``change_status`` notes that request here, in the session it commits with.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

_KEY = "redaksi_intents"


def note_intent(session: Session, kind: str, data: dict[str, Any]) -> None:
    session.info.setdefault(_KEY, []).append((kind, data))


def take_intents(session: Session) -> list[tuple[str, dict[str, Any]]]:
    """The intents noted since the last call, oldest first; the list is emptied."""
    found: list[tuple[str, dict[str, Any]]] = session.info.pop(_KEY, [])
    return found
