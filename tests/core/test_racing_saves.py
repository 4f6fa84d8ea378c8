"""Many saves of one article at once, from threads and from separate processes, on SQLite
and PostgreSQL: each one either lands or raises ConflictError (never StaleDataError, never
a raw "database is locked"), and no landed save is lost.

Every save starts from the article as just read and changes its body, so the stored version
must have moved once for each save that landed, and the body must be the last one's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import traceback
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from editor.articles import create_article, get_article, save_article
from editor.database import Database, open_database
from editor.errors import ConflictError, DatabaseLockedError
from editor.records import ArticleDraft

THREADS, SAVES_PER_THREAD = 8, 25
PROCESSES, SAVES_PER_PROCESS = 4, 50


def _race(
    db: Database, article_id: uuid.UUID, who: str, saves: int, start: threading.Barrier | None
) -> dict:
    """``saves`` read-then-save rounds; what each ended in, and the bodies that landed."""
    outcomes: Counter[str] = Counter()
    landed: list[str] = []
    if start is not None:
        start.wait()
    for number in range(saves):
        mine = get_article(db, article_id)
        body = f"{who} {number} " + "kata " * (number % 7 * 40)
        try:
            save_article(db, replace(mine, body=body))
        except ConflictError:
            outcomes["conflict"] += 1
        except Exception as error:  # what the test is about: anything else is a failure
            outcomes[f"{type(error).__name__}: {error}\n{traceback.format_exc()}"] += 1
        else:
            outcomes["saved"] += 1
            landed.append(body)
    return {"outcomes": dict(outcomes), "landed": landed}


def _in_threads(db: Database, article_id: uuid.UUID) -> list[dict]:
    start = threading.Barrier(THREADS)
    results: list[dict] = [{} for _ in range(THREADS)]

    def run(index: int) -> None:
        results[index] = _race(db, article_id, f"t{index}", SAVES_PER_THREAD, start)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _in_processes(url: str, article_id: uuid.UUID, folder: Path) -> list[dict]:
    """Forked processes, each with its own connections, started together on a pipe."""
    go_read, go_write = os.pipe()
    children = []
    for index in range(PROCESSES):
        report = folder / f"race-{index}.json"
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.close(go_write)
                database = open_database(url)
                os.read(go_read, 1)  # everyone waits for the start
                result = _race(database, article_id, f"p{index}", SAVES_PER_PROCESS, None)
                database.close()
                report.write_text(json.dumps(result), encoding="utf-8")
            finally:
                os._exit(0)
        children.append((pid, report))
    os.close(go_read)
    os.write(go_write, b"g" * PROCESSES)
    os.close(go_write)
    results = []
    for pid, report in children:
        os.waitpid(pid, 0)
        results.append(json.loads(report.read_text(encoding="utf-8")))
    return results


@pytest.mark.slow  # 400 saves on each backend
def test_racing_saves_land_or_conflict_and_lose_nothing(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    article = create_article(db, ArticleDraft(headline="Balapan", body="Awal."))
    results = _in_threads(db, article.id)
    db.engine.dispose()  # the children open their own connections
    results += _in_processes(db_url, article.id, tmp_path)

    outcomes: Counter[str] = Counter()
    for result in results:
        outcomes.update(result["outcomes"])
    assert sum(outcomes.values()) == THREADS * SAVES_PER_THREAD + PROCESSES * SAVES_PER_PROCESS
    assert set(outcomes) <= {"saved", "conflict"}, "\n".join(
        kind for kind in outcomes if kind not in ("saved", "conflict")
    )
    assert outcomes["saved"] > 0 and outcomes["conflict"] > 0  # they did race
    stored = get_article(db, article.id)
    # No save that said it landed was overwritten unseen: each moved the version once.
    assert stored.version == article.version + outcomes["saved"]
    assert stored.body in {body for result in results for body in result["landed"]}


def test_a_save_that_finds_sqlite_busy_past_its_timeout_says_so_and_saves_nothing(
    sqlite_url: str,
) -> None:
    db = open_database(sqlite_url, busy_timeout=0.1)
    try:
        article = create_article(db, ArticleDraft(headline="Terkunci", body="Awal."))
        other = sqlite3.connect(db.sqlite_file, isolation_level=None)  # type: ignore[arg-type]
        other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
        try:
            with pytest.raises(DatabaseLockedError, match="busy with another program"):
                save_article(db, replace(article, body="Tidak tersimpan."))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert get_article(db, article.id).body == "Awal."
        # Once the other program is done, the same save goes through.
        assert save_article(db, replace(article, body="Tersimpan.")).body == "Tersimpan."
    finally:
        db.close()
