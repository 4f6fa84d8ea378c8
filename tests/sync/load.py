"""Simulated reporters saving and syncing against one server at once, then a count.

Each client is a replica in its own folder, signed in as its own reporter, on its own
thread: it writes a new draft now and then and otherwise adds a numbered line to its
current one, and syncs after every save, as the app's background sync does. The time
from the local save to the end of the sync that carried it up (the server's answer and
the pull of others' changes) is one latency figure. At the end every client syncs once
more and every line and every draft is looked for on the server: each must be there
exactly once. Used by tests/sync/test_load.py and bench/sync_load.py.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import func, select

from editor.articles import get_article
from editor.database import Database
from editor.errors import OfflineError, RemoteError
from editor.models import Article, Person
from editor.people import create_person
from editor.records import ArticleDraft, PersonRecord
from editor.sync.replica import Replica
from editor.sync.tables import OutboxOp
from editor.workflow.editing import draft_article, edit_article
from tests.sync.harness import replica

#: One new draft for this many saves.
SAVES_PER_ARTICLE = 8


@dataclass
class Client:
    person: PersonRecord
    db: Database
    #: article id -> the lines its body must end with, in order.
    lines: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LoadResult:
    clients: int
    seconds: float
    saves: int
    articles: int
    latencies: tuple[float, ...]
    failures: tuple[str, ...]
    #: Lines or articles missing on the server, or found more than once.
    wrong: tuple[str, ...]

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def _work(client: Client, deadline: float, seed: int) -> None:
    try:
        _save_and_sync(client, deadline, seed)
    except Exception as error:  # a client that died must show in the figures
        client.failures.append(f"{type(error).__name__}: {error}")


def _save_and_sync(client: Client, deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    current: uuid.UUID | None = None
    handle = client.person.handle
    with Replica(client.db) as sync:
        number = 0
        while time.monotonic() < deadline:
            line = f"{handle} simpan {number}."
            started = time.perf_counter()
            if current is None or number % SAVES_PER_ARTICLE == 0:
                made = draft_article(
                    client.db,
                    ArticleDraft(headline=f"{handle} artikel {number}", body=line + "\n"),
                    actor_id=client.person.id,
                )
                current = made.id
                client.lines[current] = [line]
            else:
                record = get_article(client.db, current)
                edit_article(
                    client.db,
                    replace(record, body=record.body + line + "\n"),
                    actor_id=client.person.id,
                )
                client.lines[current].append(line)
            try:
                sync.sync()
                client.latencies.append(time.perf_counter() - started)
            except (OfflineError, RemoteError) as error:
                client.failures.append(str(error))  # stays queued; the next sync takes it
            number += 1
            time.sleep(rng.uniform(0.0, 0.2))  # a person between two saves


def _drain(client: Client) -> None:
    with Replica(client.db) as sync:
        for _attempt in range(5):
            try:
                sync.sync()
                return
            except (OfflineError, RemoteError) as error:
                client.failures.append(f"final sync: {error}")
                time.sleep(1)


def _check(server_db: Database, clients: list[Client]) -> list[str]:
    wrong: list[str] = []
    for client in clients:
        with client.db.transaction() as session:
            waiting = session.scalar(select(func.count()).select_from(OutboxOp)) or 0
        if waiting:
            wrong.append(f"{client.person.handle}: {waiting} changes never went up")
        for article_id, lines in client.lines.items():
            stored = get_article(server_db, article_id).body.splitlines()
            if stored != lines:
                missing = [line for line in lines if line not in stored]
                doubled = sorted({line for line in stored if stored.count(line) > 1})
                wrong.append(f"{article_id}: missing {missing[:3]}, doubled {doubled[:3]}")
        with server_db.transaction() as session:
            headlines = list(
                session.scalars(
                    select(Article.headline).where(
                        Article.headline.like(f"{client.person.handle} artikel %")
                    )
                )
            )
        if len(headlines) != len(client.lines) or len(set(headlines)) != len(headlines):
            wrong.append(
                f"{client.person.handle}: {len(client.lines)} drafts made, "
                f"{len(headlines)} on the server"
            )
    return wrong


def reporters(db: Database, count: int, password_of: uuid.UUID) -> list[PersonRecord]:
    """``count`` reporters who sign in with the same password as ``password_of``."""
    made = [create_person(db, f"Klien Beban {n}", role="reporter") for n in range(count)]
    with db.transaction() as session:
        hashed = session.get(Person, password_of).password_hash  # type: ignore[union-attr]
        for person in made:
            session.get(Person, person.id).password_hash = hashed  # type: ignore[union-attr]
    return made


def run_load(
    server_db: Database,
    server_url: str,
    people: list[PersonRecord],
    folder: Path,
    *,
    seconds: float,
) -> LoadResult:
    clients = [
        Client(person=person, db=replica(folder / person.handle, server_url, person.handle))
        for person in people
    ]
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_work, args=(client, deadline, n), name=f"client-{n}")
        for n, client in enumerate(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 300)
    elapsed = time.monotonic() - started
    for client in clients:
        _drain(client)
    wrong = _check(server_db, clients)
    for client in clients:
        client.db.close()
    return LoadResult(
        clients=len(clients),
        seconds=elapsed,
        saves=sum(len(lines) for c in clients for lines in c.lines.values()),
        articles=sum(len(c.lines) for c in clients),
        latencies=tuple(x for c in clients for x in c.latencies),
        failures=tuple(f for c in clients for f in c.failures),
        wrong=tuple(wrong),
    )
