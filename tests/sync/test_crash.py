"""kill -9 of the client and of the server in the middle of a sync, at many points: no
change is lost and none is applied twice (ops carry ids; the server answers a repeat
with the stored result)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

import psycopg
from sqlalchemy import func, select

from editor.articles import get_article
from editor.database import Database
from editor.errors import OfflineError, RemoteError
from editor.records import ArticleDraft
from editor.revisions import create_revision, list_revisions
from editor.sync import credentials
from editor.sync.remote import RemoteServer
from editor.sync.replica import Replica, remote_config
from editor.sync.states import loads
from editor.sync.tables import OutboxOp
from editor.workflow.editing import draft_article, edit_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

ROUNDS = 25


def _queue_changes(db: Database, article_id: uuid.UUID, actor: uuid.UUID, tag: str) -> None:
    """Two ops a round: a save adding a line, and a save point naming the round."""
    for number in range(ROUNDS):
        record = get_article(db, article_id)
        edit_article(db, replace(record, body=record.body + f"{tag} {number}.\n"), actor_id=actor)
        create_revision(db, article_id, note=f"{tag}-{number}")


def _pending(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def _check_exactly_once(newsroom: Newsroom, db: Database, article_id: uuid.UUID, tag: str) -> None:
    assert _pending(db) == 0
    stored = get_article(newsroom.db, article_id)
    lines = stored.body.splitlines()
    for number in range(ROUNDS):
        assert lines.count(f"{tag} {number}.") == 1
    notes = [r.note for r in list_revisions(newsroom.db, article_id)]
    for number in range(ROUNDS):
        assert notes.count(f"{tag}-{number}") == 1
    assert get_article(db, article_id).body == stored.body


def test_kill_9_of_the_client_during_sync_loses_nothing_and_repeats_nothing(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    folder = tmp_path / "sarah"
    db = replica(folder, server.url, "sarah-meiliana-gunawan")
    story = draft_article(db, ArticleDraft(headline="Sidang"), actor_id=newsroom.reporter.id)
    _queue_changes(db, story.id, newsroom.reporter.id, "klien")
    command = [
        sys.executable,
        "-c",
        "from ui.launcher import main; raise SystemExit(main())",
        "sync",
        "--db",
        str(folder / "replica.db"),
    ]
    kills = 0
    for delay in (0.9, 1.3, 1.7, 2.1, 2.5, 2.9, 3.4):
        if not _pending(db):
            break
        process = subprocess.Popen(command, env={**os.environ}, stdout=subprocess.DEVNULL)
        time.sleep(delay)
        if process.poll() is None:
            process.kill()
            kills += 1
        process.wait()
    assert kills >= 1
    sync(db)
    _check_exactly_once(newsroom, db, story.id, "klien")


def _server_writing_articles(db_url: str) -> bool:
    """Whether a transaction that has written to the articles is open on the server's
    database (a pushed batch carried out, not yet committed)."""
    url = db_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_locks WHERE relation = 'articles'::regclass "
            "AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()"
        ).fetchone()
    return bool(row and row[0])


def test_a_batch_retried_after_the_client_was_killed_mid_request_applies_nothing_twice(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    """The client dies while the server is carrying out its batch (the request sent, the
    answer never read): the ops stay queued, and the next sync's batch is answered from
    what the server stored, not carried out again."""
    folder = tmp_path / "adi"
    db = replica(folder, server.url, "adi-admin")
    story = draft_article(db, ArticleDraft(headline="Banjir"), actor_id=newsroom.admin.id)
    sync(db)
    _queue_changes(db, story.id, newsroom.admin.id, "batch")
    queued = _pending(db)
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ui.launcher import main; raise SystemExit(main())",
            "sync",
            "--db",
            str(folder / "replica.db"),
        ],
        env={**os.environ},
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not _server_writing_articles(server.db_url):
        assert process.poll() is None, "the sync ended before the server started writing"
        assert time.monotonic() < deadline, "the server never started the batch"
        time.sleep(0.01)
    process.kill()
    process.wait()
    assert _pending(db) == queued  # killed before it heard the answer
    sync(db)
    _check_exactly_once(newsroom, db, story.id, "batch")


def test_a_push_repeated_while_the_server_still_carries_it_out_is_answered_once(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    """A client killed mid-push and started again sends the same ops while the server is
    still carrying out the first request: the saves race for the same article version.
    The loser merges again (before, the server answered 500 and the sync failed)."""
    db = replica(tmp_path / "budi", server.url, "budi-santoso")
    story = draft_article(db, ArticleDraft(headline="Pasar"), actor_id=newsroom.other_reporter.id)
    _queue_changes(db, story.id, newsroom.other_reporter.id, "ulang")
    config = remote_config(db)
    assert config is not None
    token = credentials.load_token(config.url, config.handle)
    with db.transaction() as session:
        ops = [
            {
                "op_id": str(op.op_id),
                "kind": op.kind,
                "base_version": op.base_version,
                "payload": loads(op.payload_json),
            }
            for op in session.scalars(select(OutboxOp).order_by(OutboxOp.position))
        ]
    failures: list[BaseException] = []

    def push() -> None:
        try:
            with RemoteServer(config.url, token=token) as remote:
                remote.push(ops)
        except (OfflineError, RemoteError) as error:
            failures.append(error)

    pushers = [threading.Thread(target=push) for _ in range(3)]
    for pusher in pushers:
        pusher.start()
    for pusher in pushers:
        pusher.join(timeout=120)
    assert failures == []
    sync(db)
    _check_exactly_once(newsroom, db, story.id, "ulang")


def _sync_catching(db: Database, failures: list[BaseException]) -> None:
    try:
        with Replica(db) as client:
            client.sync()
    except (OfflineError, RemoteError) as error:
        failures.append(error)


def test_kill_9_of_the_server_during_sync_loses_nothing_and_repeats_nothing(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    db = replica(tmp_path / "rina", server.url, "rina-editor")
    story = draft_article(db, ArticleDraft(headline="Anggaran"), actor_id=newsroom.editor.id)
    _queue_changes(db, story.id, newsroom.editor.id, "server")
    interrupted = 0
    for delay in (0.05, 0.2, 0.4, 0.7):
        if not _pending(db):
            break
        failures: list[BaseException] = []
        worker = threading.Thread(target=_sync_catching, args=(db, failures))
        worker.start()
        time.sleep(delay)
        server.kill()
        worker.join(timeout=60)
        interrupted += len(failures)
        server.start()
    assert interrupted >= 1
    sync(db)
    _check_exactly_once(newsroom, db, story.id, "server")
