"""Passwords: scrypt hashes that describe themselves, constant-time checks, sign-in."""

from __future__ import annotations

import pytest

from editor.errors import PermissionDenied, ValidationError
from editor.models import Person
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.editing import set_role
from editor.workflow.passwords import (
    authenticate,
    has_password,
    hash_password,
    set_password,
    verify_password,
)
from editor.workflow.roles import require
from tests.core.test_workflow_support import make_newsroom

SECRET = "kopi tubruk pagi"


@pytest.fixture
def cheap_kdf(monkeypatch):
    """Lower the scrypt cost so sign-in tests stay quick; the default is tested apart."""
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)


def test_the_default_hash_is_scrypt_at_owasp_strength():
    stored = hash_password(SECRET)
    scheme, params, _, _ = stored.split("$")
    assert (scheme, params) == ("scrypt", "n=131072,r=8,p=1")
    assert SECRET not in stored
    assert verify_password(SECRET, stored)


def test_every_hash_gets_its_own_salt(cheap_kdf):
    first, second = hash_password(SECRET), hash_password(SECRET)
    assert first.split("$")[2] != second.split("$")[2]
    assert first != second and verify_password(SECRET, second)


def test_verify_refuses_wrong_and_damaged_hashes(cheap_kdf):
    stored = hash_password(SECRET)
    assert not verify_password("kopi tubruk sore", stored)
    assert not verify_password(SECRET, stored.replace("scrypt", "md5"))
    assert not verify_password(SECRET, "scrypt$n=99999999999,r=8,p=1$AAAA$AAAA")
    assert not verify_password(SECRET, "garbage")


def test_sign_in_with_one_message_for_every_failure(sqlite_db, cheap_kdf):
    room = make_newsroom(sqlite_db)
    set_password(sqlite_db, room.editor.id, SECRET)
    assert has_password(sqlite_db, room.editor.id)
    assert authenticate(sqlite_db, room.editor.handle, SECRET).id == room.editor.id
    messages = set()
    for handle, password in [
        (room.editor.handle, "salah sekali"),
        ("nobody-here", SECRET),
        (room.reporter.handle, SECRET),  # has no password
    ]:
        with pytest.raises(PermissionDenied) as refused:
            authenticate(sqlite_db, handle, password)
        messages.add(str(refused.value))
    assert messages == {passwords.SIGN_IN_REFUSED}
    with sqlite_db.transaction() as session:
        session.get(Person, room.editor.id).active = False
    with pytest.raises(PermissionDenied):
        authenticate(sqlite_db, room.editor.handle, SECRET)


def test_the_password_never_reaches_the_database_or_the_log(sqlite_db, cheap_kdf):
    room = make_newsroom(sqlite_db)
    set_password(sqlite_db, room.reporter.id, SECRET, actor_id=room.reporter.id)
    with sqlite_db.transaction() as session:
        stored = session.get(Person, room.reporter.id).password_hash
    assert stored.startswith("scrypt$") and SECRET not in stored
    assert all(SECRET not in entry.note for entry in audit_log(sqlite_db))


def test_only_the_person_or_an_admin_sets_a_password(sqlite_db, cheap_kdf):
    room = make_newsroom(sqlite_db)
    with pytest.raises(PermissionDenied, match="manage people"):
        set_password(sqlite_db, room.reporter.id, SECRET, actor_id=room.editor.id)
    assert not has_password(sqlite_db, room.reporter.id)
    assert audit_log(sqlite_db)[0].outcome == "refused"
    set_password(sqlite_db, room.reporter.id, SECRET, actor_id=room.admin.id)
    with pytest.raises(ValidationError, match="too short"):
        set_password(sqlite_db, room.reporter.id, "pendek")


def test_only_admins_change_roles(sqlite_db):
    room = make_newsroom(sqlite_db)
    with pytest.raises(PermissionDenied, match="manage people"):
        set_role(sqlite_db, room.reporter.id, "editor", actor_id=room.editor.id)
    promoted = set_role(sqlite_db, room.reporter.id, "editor", actor_id=room.admin.id)
    assert promoted.role == "editor"
    assert "reporter → editor" in audit_log(sqlite_db)[0].note


def test_sections_and_settings_are_for_admins(sqlite_db):
    room = make_newsroom(sqlite_db)
    require(sqlite_db, room.admin.id, "manage_sections")
    require(sqlite_db, room.admin.id, "manage_settings")
    for person in (room.editor, room.reporter):
        with pytest.raises(PermissionDenied, match="may not manage sections"):
            require(sqlite_db, person.id, "manage_sections")
    refusals = [e for e in audit_log(sqlite_db) if e.outcome == "refused"]
    assert {e.actor for e in refusals} == {room.editor.name, room.reporter.name}
