"""The change feed never lets a cursor skip a change, even with writers committing out of
order, and a long-poll wakes as soon as something commits."""

from __future__ import annotations

import random
import threading
import time
import uuid
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

from editor.articles import create_article
from editor.database import open_database
from editor.models import Person
from editor.records import ArticleDraft
from editor.sync.feed import pull
from tests.sync.harness import Newsroom, ServerProcess, save_wakes_waiting_replica

WRITERS, PER_WRITER = 4, 12


def test_a_reader_sees_every_change_while_writers_race(
    newsroom_url: str, newsroom: Newsroom
) -> None:
    db = open_database(newsroom_url)
    assert db.sync_role == "feed"

    def pause_before_commit(_session: Session) -> None:
        # After the numbers are taken and before the commit: the window in which a
        # sequence-number feed shows a later number first.
        time.sleep(random.uniform(0, 0.05))

    event.listen(db.sessions, "before_commit", pause_before_commit)
    made: set[uuid.UUID] = set()
    lock = threading.Lock()

    def write() -> None:
        for number in range(PER_WRITER):
            record = create_article(db, ArticleDraft(headline=f"Berita {number}"))
            with lock:
                made.add(record.id)

    writers = [threading.Thread(target=write) for _ in range(WRITERS)]
    for writer in writers:
        writer.start()
    seen: set[uuid.UUID] = set()
    cursor = 0
    with newsroom.db.transaction() as session:
        cursor = pull(session, session.get(Person, newsroom.editor.id), after=0, limit=2000)[
            "cursor"
        ]  # type: ignore[arg-type]

    def read_once() -> None:
        nonlocal cursor
        with db.transaction() as session:
            page = pull(session, session.get(Person, newsroom.editor.id), after=cursor, limit=7)  # type: ignore[arg-type]
        seen.update(uuid.UUID(c["id"]) for c in page["changes"] if c["kind"] == "article")
        cursor = page["cursor"]

    while any(writer.is_alive() for writer in writers):
        read_once()
    for _ in range(WRITERS * PER_WRITER):
        read_once()
    db.close()
    assert len(made) == WRITERS * PER_WRITER
    assert made <= seen


def test_a_long_poll_wakes_when_another_replica_saves(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    save_wakes_waiting_replica(newsroom, tmp_path, server.url, server.url, "Gempa")
