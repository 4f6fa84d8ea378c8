"""``sections add``, ``people add`` and ``config set`` on the command line, for every role:
admins add, reporters and editors are refused (exit 1, one line, audited), a newsroom with
no admin yet takes its first one without ``--as``, and ``config set`` is each user's own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main
from editor.database import open_database
from editor.people import list_people
from editor.sections import list_sections
from editor.userconfig import config_path
from editor.workflow import passwords
from tests.core.test_workflow_support import make_newsroom

#: Each checked command, with what a refusal calls the action and the permission audited.
COMMANDS = {
    "sections add": (["sections", "add", "Hukum"], "manage sections", "manage_sections"),
    "people add": (
        ["people", "add", "Tono", "--role", "admin"],
        "manage people and roles",
        "manage_people",
    ),
}


@pytest.fixture
def newsroom(sqlite_url):
    db = open_database(sqlite_url)
    yield db, make_newsroom(db)
    db.close()


def run(capsys, url, *argv):
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def audited(capsys, url) -> list[dict[str, str]]:
    code, out, _ = run(capsys, url, "audit", "--json")
    assert code == 0
    return json.loads(out)


def names(db) -> set[str]:
    return {s.name for s in list_sections(db)} | {p.name for p in list_people(db)}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_every_role_for_each_command(newsroom, sqlite_url, capsys, role, command):
    db, room = newsroom
    argv, described, permission = COMMANDS[command]
    actor = room.by_role(role)
    code, out, err = run(capsys, sqlite_url, *argv, "--as", actor.handle)
    [entry] = audited(capsys, sqlite_url)
    if role == "admin":
        assert (code, err) == (0, "")
        assert out.startswith("Added ")
        assert names(db) & {"Hukum", "Tono"}
        assert (entry["actor"], entry["action"], entry["outcome"]) == (
            actor.name,
            permission,
            "done",
        )
        return
    assert (code, out) == (1, "")
    assert err == (
        f"redaksi: {actor.name} ({role}) may not {described}: that needs the admin role. "
        "Ask someone with that role.\n"
    )
    assert not names(db) & {"Hukum", "Tono"}
    assert (entry["actor"], entry["action"], entry["outcome"]) == (
        actor.name,
        permission,
        "refused",
    )


def test_the_first_admin_needs_no_as_and_then_everyone_does(sqlite_url, capsys):
    code, out, _ = run(capsys, sqlite_url, "people", "add", "Adi Admin", "--role", "admin")
    assert code == 0 and out == "Added admin Adi Admin (handle adi-admin).\n"
    for command, (argv, described, permission) in COMMANDS.items():
        code, out, err = run(capsys, sqlite_url, *argv)
        assert (code, out) == (1, ""), command
        assert err == (
            f"redaksi: Only the admin role may {described} now that this newsroom has an "
            "admin: say who acts with --as PERSON.\n"
        )
        entry = audited(capsys, sqlite_url)[0]
        assert (entry["action"], entry["outcome"]) == (permission, "refused")
    assert run(capsys, sqlite_url, "sections", "add", "Berita", "--as", "adi-admin")[0] == 0
    code, out, _ = run(capsys, sqlite_url, "sections")
    assert "Berita" in out and "Hukum" not in out


def test_a_newsroom_without_an_admin_adds_anything_without_as(sqlite_url, capsys):
    """Importers add reporters; until someone is made admin, IT still needs a way in."""
    assert run(capsys, sqlite_url, "people", "add", "Sarah")[0] == 0
    for argv, _described, _permission in COMMANDS.values():
        code, out, err = run(capsys, sqlite_url, *argv)
        assert (code, err) == (0, "") and out.startswith("Added ")
    # A named reporter is held to their role even then.
    code, _, err = run(capsys, sqlite_url, "sections", "add", "Olahraga", "--as", "sarah")
    assert code == 1 and "Sarah (reporter) may not manage sections" in err


def test_a_password_protected_admin_gives_the_password(newsroom, sqlite_url, capsys, monkeypatch):
    db, room = newsroom
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)
    monkeypatch.delenv("REDAKSI_PASSWORD", raising=False)
    passwords.set_password(db, room.admin.id, "kunci ruang redaksi")
    argv = ["sections", "add", "Hukum", "--as", "adi-admin"]
    code, _, err = run(capsys, sqlite_url, *argv)
    assert code == 1 and "Adi Admin signs in with a password: set REDAKSI_PASSWORD" in err
    monkeypatch.setenv("REDAKSI_PASSWORD", "salah")
    code, _, err = run(capsys, sqlite_url, *argv)
    assert code == 1 and "Wrong handle or password" in err
    assert "Hukum" not in names(db)
    monkeypatch.setenv("REDAKSI_PASSWORD", "kunci ruang redaksi")
    assert run(capsys, sqlite_url, *argv)[0] == 0
    assert run(capsys, sqlite_url, "people", "add", "Tono", "--as", "adi-admin")[0] == 0
    assert {"Hukum", "Tono"} <= names(db)


@pytest.mark.parametrize("role", ["reporter", "editor", "admin"])
def test_config_set_is_each_users_own(newsroom, sqlite_url, capsys, tmp_path: Path, role):
    """It writes only this user's file, so it takes no --as and never opens the database,
    even once the newsroom has an admin."""
    _db, room = newsroom
    argv = ["config", "set", "site_name", "Kabar Timur"]
    code, _, err = run(capsys, sqlite_url, *argv, "--as", room.by_role(role).handle)
    assert code == 2 and "unrecognized arguments: --as" in err
    unreachable = tmp_path / "no-such-folder" / "redaksi.db"
    code, out, err = run(capsys, str(unreachable), *argv)
    assert (code, err) == (0, "") and out.startswith("Set site_name = Kabar Timur")
    assert 'site_name = "Kabar Timur"' in config_path().read_text(encoding="utf-8")
    assert not unreachable.parent.exists()
    assert audited(capsys, sqlite_url) == []
