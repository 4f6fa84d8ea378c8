"""Importing page views as a person: the counts decide the Populer ranking on the site, so
whoever feeds them is named and held to their role, as for any other change.

An editor or an admin imports ("import_views"); naming nobody is allowed only in a
newsroom with no people yet (a fresh site's first numbers, before anyone exists to name).
The import and every refusal are audited.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import PermissionDenied
from editor.i18n import _
from editor.models import Person
from editor.views.importing import ViewImportReport, import_view_files
from editor.workflow.audit import add_entry, record_refusal
from editor.workflow.roles import has_permission, inactive_message, load_actor, refusal_message

PERMISSION = "import_views"


def _refusal(session: Session, actor_id: uuid.UUID | None) -> str:
    """Why this actor may not import page views ("" if they may)."""
    if actor_id is None:
        if session.scalar(select(Person.id).limit(1)) is None:
            return ""
        return _(
            "Say who imports the page views: this newsroom has people, so an import acts "
            "as one of them (--as PERSON, an editor or admin)."
        )
    actor = load_actor(session, actor_id)
    if not actor.active:
        return inactive_message(actor)
    return "" if has_permission(actor.role, PERMISSION) else refusal_message(actor, PERMISSION)


def import_views_as(
    db: Database, paths: Sequence[Path], *, actor_id: uuid.UUID | None, zone: str = "UTC"
) -> ViewImportReport:
    """``import_view_files`` by ``actor_id``; PermissionDenied (audited) if they may not."""
    with db.transaction() as session:
        refusal = _refusal(session, actor_id)
    if refusal:
        record_refusal(db, action=PERMISSION, actor_id=actor_id, reason=refusal)
        raise PermissionDenied(refusal)
    report = import_view_files(db, paths, zone=zone)
    with db.transaction() as session:
        add_entry(
            session,
            action=PERMISSION,
            actor_id=actor_id,
            note=(
                f"{len(report.files_imported)} files, {report.views_counted} views counted; "
                f"{len(report.files_already_imported)} already imported, "
                f"{len(report.files_failed)} failed"
            ),
        )
    return report
