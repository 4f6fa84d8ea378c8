"""A site folder IT prepared for a group: two real users publish into it, one after the other.

IT's layout: ``/srv/www/kabartimur`` owned by root and the newsroom's group, setgid and
group-writable (2775), in a parent no user may change. Runs as root (it makes the users
and the group, and runs the publish as each with ``runuser``); skipped elsewhere.
"""

from __future__ import annotations

import grp
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor.publish.inside_folder import INSIDE_HOME
from editor.publish.report import PublishError
from tests.publish.conftest import PublishFn
from tests.publish.newsroom import Newsroom

REPO = Path(__file__).resolve().parents[2]
NOW = "2023-05-05T10:00+07:00"


@dataclass
class Machine:
    srv: Path
    group: str
    users: tuple[str, str]
    python: str
    db_url: str
    media: Path


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def _python_for(user: str) -> str | None:
    """An interpreter the user may run, with this checkout's packages importable."""
    for python in (sys.executable, f"/usr/bin/python{sys.version_info[0]}.{sys.version_info[1]}"):
        probe = ["runuser", "-u", user, "--", python, "-c", "pass"]
        if os.path.exists(python) and subprocess.run(probe, capture_output=True).returncode == 0:
            return python
    return None


@pytest.fixture
def machine(room: Newsroom, sqlite_url: str) -> Iterator[Machine]:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root: it creates two users and a group, and publishes as each")
    if shutil.which("useradd") is None or shutil.which("runuser") is None:
        pytest.skip("needs useradd and runuser (util-linux, passwd) to act as two users")
    tag = uuid.uuid4().hex[:6]
    group, users = f"rdk{tag}", (f"rdka{tag}", f"rdkb{tag}")
    srv = Path(tempfile.mkdtemp(prefix="redaksi-srv-"))
    try:
        _run("groupadd", group)
        for user in users:
            _run("useradd", "--no-create-home", "--no-user-group", "-G", group, user)
        os.chmod(srv, 0o755)  # the parent no user may change, as /srv/www
        python = _python_for(users[0])
        if python is None:
            pytest.skip("no Python interpreter that another user may run")
        shared = srv / "shared"  # the newsroom database and pictures, readable by all
        shared.mkdir(mode=0o777)
        os.chmod(shared, 0o777)
        db = shared / "nr.db"
        source, copy = sqlite3.connect(sqlite_url.removeprefix("sqlite:///")), sqlite3.connect(db)
        source.backup(copy)
        source.close()
        copy.close()
        os.chmod(db, 0o666)
        media = shared / "media"
        shutil.copytree(room.media, media)
        _run("chmod", "-R", "a+rX", str(media))
        for user in users:
            home = srv / f"home-{user}"
            home.mkdir()
            shutil.chown(home, user)
        yield Machine(srv, group, users, python, f"sqlite:///{db}", media)
    finally:
        for user in users:
            subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", group], capture_output=True)
        shutil.rmtree(srv, ignore_errors=True)


def _it_folder(machine: Machine, mode: int = 0o2775) -> Path:
    folder = machine.srv / "kabartimur"
    folder.mkdir()
    os.chown(folder, 0, grp.getgrnam(machine.group).gr_gid)
    os.chmod(folder, mode)
    return folder


def _publish_as(machine: Machine, user: str, out: Path, *extra: str) -> subprocess.CompletedProcess:
    home = machine.srv / f"home-{user}"
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        f"sys.exit(main({['publish', '--db', machine.db_url, '--out', str(out), *extra]!r}))\n"
    )
    site_packages = [p for p in sys.path if p.endswith("site-packages")]
    command = [
        *("runuser", "-u", user, "--", "env", f"HOME={home}", f"XDG_CONFIG_HOME={home}/config"),
        *(f"XDG_DATA_HOME={home}/data", f"XDG_CACHE_HOME={home}/cache"),
        f"REDAKSI_SYSTEM_CONFIG={home}/no-system-config.toml",
        f"PYTHONPATH={os.pathsep.join([str(REPO), *site_packages])}",
        *(machine.python, "-c", code),
    ]
    return subprocess.run(
        command, cwd=machine.srv, capture_output=True, text=True, timeout=180, umask=0o022
    )


def _options(machine: Machine, base: str) -> list[str]:
    return ["--media", str(machine.media), "--base-url", base, "--now", NOW]


@pytest.mark.parametrize("inside", ["", "site"], ids=["the-folder-itself", "a-folder-in-it"])
def test_two_members_of_the_group_publish_in_turn(machine: Machine, inside: str):
    it = _it_folder(machine)
    out = it / inside if inside else it
    first, second = machine.users
    done = _publish_as(machine, first, out, *_options(machine, "https://kabartimur.example.id"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    # IT's folder is still IT's folder, not a link owned by the user.
    info = os.lstat(it)
    assert stat.S_ISDIR(info.st_mode) and info.st_uid == 0
    assert stat.S_IMODE(info.st_mode) == 0o2775
    assert b"kabartimur.example.id" in (out / "index.html").read_bytes()
    # Everything the site is made of is the group's to change; the private state too,
    # but no one else may read it.
    gid = grp.getgrnam(machine.group).gr_gid
    made = [p for p in it.rglob("*") if not p.is_symlink()]
    assert made and all(p.stat().st_gid == gid for p in made)
    assert [p for p in made if not p.stat().st_mode & 0o020] == []
    private = next(p for p in it.rglob("private") if p.is_dir())
    assert stat.S_IMODE(private.stat().st_mode) == 0o2770
    assert all(not p.stat().st_mode & 0o007 for p in private.rglob("*"))

    # The other member publishes next (every page changes: a new address), and the first
    # one again after that.
    done = _publish_as(machine, second, out, *_options(machine, "https://kabar.example.id"))
    assert done.returncode == 0, done.stderr
    assert b"https://kabar.example.id" in (out / "index.html").read_bytes()
    done = _publish_as(
        machine, first, out, *_options(machine, "https://kabar.example.id"), "--full"
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_ISDIR(os.lstat(it).st_mode) and os.lstat(it).st_uid == 0


def test_a_folder_the_group_may_not_write_gives_one_line(machine: Machine):
    it = _it_folder(machine, mode=0o2755)  # IT forgot the group's write permission
    done = _publish_as(machine, machine.users[0], it, *_options(machine, "https://k.example.id"))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "may not change" in done.stderr and "chmod 2775" in done.stderr
    assert list(it.iterdir()) == []


def test_inside_a_kept_folder_every_name_switches_through_one_link(
    room: Newsroom, publish: PublishFn, tmp_path: Path
):
    """Any user: a folder published into this way before is kept, not replaced."""
    kept = tmp_path / "kabartimur"
    (kept / INSIDE_HOME).mkdir(parents=True)
    publish(kept)
    names = set(os.listdir(kept)) - {INSIDE_HOME}
    assert {"index.html", "read", "assets"} <= names
    assert all(os.readlink(kept / n) == f"{INSIDE_HOME}/live/{n}" for n in names)
    first = os.readlink(kept / INSIDE_HOME / "live")
    # A name an earlier publish had (a section since removed) goes with the next one.
    (kept / "kanal-lama").symlink_to(f"{INSIDE_HOME}/live/kanal-lama")
    room.edit(room.nato, headline="Judul baru")
    publish(kept)
    assert os.readlink(kept / INSIDE_HOME / "live") != first  # switched in one step
    assert b"Judul baru" in (kept / "index.html").read_bytes()
    assert not os.path.lexists(kept / "kanal-lama")
    assert set(os.listdir(kept)) - {INSIDE_HOME} == names
    (kept / "google1234.html").write_text("google-site-verification\n")
    with pytest.raises(PublishError, match=r"did not write \(google1234\.html\)"):
        publish(kept)
    assert (kept / "google1234.html").read_text() == "google-site-verification\n"
