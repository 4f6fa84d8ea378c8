"""A real newsroom server in a subprocess and replicas in temporary folders."""

from __future__ import annotations

import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from editor.database import Database, open_database
from editor.models import Person
from editor.people import create_person
from editor.records import PersonRecord
from editor.sync.replica import Replica, sign_in
from editor.workflow.passwords import set_password

PASSWORD = "kopi tubruk pagi"
#: No system keyring in tests: tokens go to the private file in the test's config folder.
FAIL_KEYRING = "keyring.backends.fail.Keyring"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ServerProcess:
    """``redaksi server`` on a free loopback port; ``stop`` (SIGTERM) or ``kill`` (-9)."""

    db_url: str
    port: int
    log: Path
    certfile: str | None = None
    keyfile: str | None = None
    #: More options for ``redaksi server`` (``--max-picture-mb 1``).
    options: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.certfile else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self, *, cafile: str | None = None, timeout: float = 30.0) -> ServerProcess:
        command = [
            sys.executable,
            "-c",
            "from ui.launcher import main; raise SystemExit(main())",
            "server",
            "--db",
            self.db_url,
            "--port",
            str(self.port),
        ]
        if self.certfile and self.keyfile:
            command += ["--certfile", self.certfile, "--keyfile", self.keyfile]
        command += self.options
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ}
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            try:
                trust = ssl.create_default_context(cafile=cafile) if cafile else False
                httpx.get(self.url + "/api/v1/hello", timeout=1.0, verify=trust)
                return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None


@dataclass
class Newsroom:
    db: Database
    reporter: PersonRecord
    other_reporter: PersonRecord
    editor: PersonRecord
    admin: PersonRecord


def make_newsroom(db_url: str) -> Newsroom:
    """People with passwords in the server's database (the first admin made by IT)."""
    db = open_database(db_url)
    people = {}
    for key, name, role in (
        ("reporter", "Sarah Meiliana Gunawan", "reporter"),
        ("other_reporter", "Budi Santoso", "reporter"),
        ("editor", "Rina Editor", "editor"),
        ("admin", "Adi Admin", "admin"),
    ):
        people[key] = create_person(db, name, role=role)
    # One scrypt hash (a third of a second) serves everyone: same password, set-up only.
    set_password(db, people["admin"].id, PASSWORD)
    with db.transaction() as session:
        hashed = session.get(Person, people["admin"].id).password_hash  # type: ignore[union-attr]
        for person in people.values():
            session.get(Person, person.id).password_hash = hashed  # type: ignore[union-attr]
    return Newsroom(db=db, **people)


def replica(folder: Path, server_url: str, handle: str, *, cafile: str | None = None) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{folder / 'replica.db'}")
    sign_in(db, server_url, handle, PASSWORD, label=folder.name, cafile=cafile)
    return db


def sync(db: Database) -> object:
    with Replica(db) as client:
        return client.sync()


def save_wakes_waiting_replica(
    newsroom: Newsroom, folder: Path, saved_via: str, waiting_on: str, headline: str
) -> None:
    """Rina's replica long-polls the server at ``waiting_on`` while Sarah saves a draft and
    syncs through ``saved_via``: the wait must end with a change (not run out), and Rina's
    next sync must bring the draft."""
    from editor.articles import get_article
    from editor.records import ArticleDraft
    from editor.workflow.editing import draft_article

    sarah = replica(folder / "sarah", saved_via, "sarah-meiliana-gunawan")
    rina = replica(folder / "rina", waiting_on, "rina-editor")
    sync(rina)
    woke: list[bool] = []

    def wait() -> None:
        with Replica(rina) as client:
            woke.append(client.wait_for_changes(timeout=30))

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.5)
    story = draft_article(sarah, ArticleDraft(headline=headline), actor_id=newsroom.reporter.id)
    sync(sarah)
    waiter.join(timeout=40)
    assert woke == [True]  # False would mean the wait ran out: no notice came
    sync(rina)
    assert get_article(rina, story.id).headline == headline
