"""Adding people and sections in the core: admins only, a bootstrap for a newsroom with no
admin yet, every refusal audited; the system (IT's presets) is not a person acting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from editor.database import Database
from editor.demo import load_demo
from editor.errors import NotFoundError, PermissionDenied, ValidationError
from editor.models import Person
from editor.people import add_person, create_person, list_people
from editor.sections import add_section, create_section, list_sections
from editor.workflow.audit import audit_log
from tests.core.test_workflow_support import make_newsroom

#: Each checked action: its permission, what a refusal calls it, and the call itself.
ACTIONS: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "section": (
        "manage_sections",
        "manage sections",
        lambda db, actor: add_section(db, "Hukum", actor_id=actor),
    ),
    "person": (
        "manage_people",
        "manage people and roles",
        lambda db, actor: add_person(db, "Tono", actor_id=actor),
    ),
}


def created(db: Database) -> set[str]:
    return {s.name for s in list_sections(db)} | {p.name for p in list_people(db)}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_only_admins_add_people_and_sections(db: Database, role: str, action: str) -> None:
    room = make_newsroom(db)
    actor = room.by_role(role)
    permission, described, call = ACTIONS[action]
    if role == "admin":
        call(db, actor.id)
        assert created(db) & {"Hukum", "Tono"}
        entry = audit_log(db)[0]
        assert (entry.action, entry.outcome, entry.actor_id) == (permission, "done", actor.id)
        return
    with pytest.raises(PermissionDenied) as refused:
        call(db, actor.id)
    assert str(refused.value) == (
        f"{actor.name} ({role}) may not {described}: "
        "that needs the admin role. Ask someone with that role."
    )
    assert not created(db) & {"Hukum", "Tono"}
    entry = audit_log(db)[0]
    assert (entry.action, entry.outcome, entry.actor_id) == (permission, "refused", actor.id)
    assert entry.note == str(refused.value)


def test_a_fresh_newsroom_takes_its_first_admin_from_no_one(db: Database) -> None:
    first = add_person(db, "Adi Admin", role="admin", actor_id=None)
    assert first.role == "admin"
    [entry] = audit_log(db)
    assert (entry.action, entry.outcome, entry.actor_id) == ("manage_people", "done", None)
    assert "no admin yet" in entry.note
    assert entry.actor == "system"  # not "scheduler": no article was published by the clock
    with pytest.raises(PermissionDenied, match="--as PERSON") as refused:
        add_section(db, "Berita", actor_id=None)
    assert "Only the admin role may manage sections" in str(refused.value)
    assert list_sections(db) == []
    assert audit_log(db)[0].outcome == "refused"
    add_section(db, "Berita", actor_id=first.id)
    assert [s.name for s in list_sections(db)] == ["Berita"]


def test_bootstrap_lasts_while_no_admin_is_active(db: Database) -> None:
    reporter = create_person(db, "Sarah", role="reporter")
    admin = create_person(db, "Adi Admin", role="admin")
    with pytest.raises(PermissionDenied):
        add_section(db, "Berita", actor_id=None)
    with db.transaction() as session:
        session.get(Person, admin.id).active = False
    add_section(db, "Berita", actor_id=None)  # the only admin left: the newsroom is ownerless
    with pytest.raises(PermissionDenied, match="no longer active"):
        add_section(db, "Olahraga", actor_id=admin.id)
    # Someone who says who they are is held to their role, bootstrap or not.
    with pytest.raises(PermissionDenied, match=r"Sarah \(reporter\) may not manage sections"):
        add_section(db, "Olahraga", actor_id=reporter.id)
    assert [s.name for s in list_sections(db)] == ["Berita"]


def test_a_refused_person_is_checked_before_their_input(db: Database) -> None:
    room = make_newsroom(db)
    with pytest.raises(PermissionDenied):
        add_person(db, " ", role="boss", actor_id=room.reporter.id)
    with pytest.raises(ValidationError, match="Unknown role 'boss'"):
        add_person(db, "Tono", role="boss", actor_id=room.admin.id)
    with pytest.raises(NotFoundError):
        add_section(db, "Hukum", actor_id=room.section.id)  # not a person's id


def test_the_system_still_creates_without_anyone_acting(db: Database) -> None:
    """IT's presets are not a user acting: they keep working once an admin exists, and
    leave no audit entries. The demo is not loaded into a newsroom that has people."""
    create_person(db, "Adi Admin", role="admin")
    create_section(db, "Berita")
    assert len(list_sections(db)) == 1
    with pytest.raises(ValidationError, match="already has people or articles"):
        load_demo(db)
    assert [p.name for p in list_people(db)] == ["Adi Admin"]
    assert [e for e in audit_log(db) if e.action.startswith("manage_")] == []
