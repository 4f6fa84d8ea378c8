"""Sync figures on a real PostgreSQL and a real server on a loopback port.

    nice .venv/bin/python bench/sync_bench.py [--articles 10000 30000 100000] [--changed 1000]
                                              [--runs 20]

Prints, with the issue's targets:
- first sync of the newsroom into an empty replica (a reporter's: metadata of everything
  they may read, bodies of their own and their desk's recent articles), target ≤ 60 s at
  100,000 articles; each size given is built and synced in turn (on a loaded machine the
  smaller ones say how the time grows);
- sync of 1,000 changed articles, both ways: 1,000 local saves going up, and 1,000 saves
  made on the server coming down, target ≤ 5 s each;
- save-to-visible latency: a save on one replica until another replica, woken by the
  server's long-poll (push, no polling), holds it; target ≤ 2 s.

How the newsroom is built: bench/sync_newsroom.py.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path

from sync_newsroom import BenchNewsroom, bench_newsroom, work_folder

from editor.articles import get_article
from editor.database import Database, open_database
from editor.listing import list_articles
from editor.records import ArticleQuery, ArticleSummary
from editor.sync.replica import Replica, SyncReport, sign_in
from editor.workflow.editing import edit_article
from tests.sync.harness import PASSWORD

FIRST_SYNC_TARGET_S = 60.0
CHANGES_TARGET_S = 5.0
VISIBLE_TARGET_S = 2.0


def _verdict(seconds: float, target: float) -> str:
    return "meets" if seconds <= target else "MISSES"


def first_sync(room: BenchNewsroom, folder: Path) -> Database:
    folder.mkdir(parents=True)
    db = open_database(f"sqlite:///{folder / 'replica.db'}")
    sign_in(db, room.server.url, room.reporter.handle, PASSWORD, label="bench")
    started = time.perf_counter()
    with Replica(db) as client:
        report = client.sync()
    seconds = time.perf_counter() - started
    size = (folder / "replica.db").stat().st_size / 2**20
    print(
        f"first sync into an empty replica: {seconds:.1f} s for {report.pulled:,} changes "
        f"({size:.0f} MB replica) — target ≤ {FIRST_SYNC_TARGET_S:.0f} s: "
        f"{_verdict(seconds, FIRST_SYNC_TARGET_S)}"
    )
    return db


def _own_drafts(db: Database, person_id: uuid.UUID, count: int) -> list[ArticleSummary]:
    query = ArticleQuery(statuses=("draft",), author_id=person_id, limit=count)
    return list(list_articles(db, query).items)


def _timed_sync(db: Database) -> tuple[SyncReport, float]:
    started = time.perf_counter()
    with Replica(db) as client:
        report = client.sync()
    return report, time.perf_counter() - started


def changes_up(room: BenchNewsroom, db: Database, count: int) -> None:
    stories = _own_drafts(db, room.reporter.id, count)
    started = time.perf_counter()
    for story in stories:
        record = get_article(db, story.id)
        edit_article(
            db, replace(record, body=record.body + "Tambahan.\n"), actor_id=room.reporter.id
        )
    local = time.perf_counter() - started
    report, seconds = _timed_sync(db)
    print(
        f"sync of {report.pushed:,} local saves going up: {seconds:.2f} s "
        f"({report.applied} applied, {report.merged} merged, {report.refused} refused; the "
        f"saves themselves took {local:.1f} s) — target ≤ {CHANGES_TARGET_S:.0f} s: "
        f"{_verdict(seconds, CHANGES_TARGET_S)}"
    )


def changes_down(room: BenchNewsroom, db: Database, count: int) -> None:
    published = list(
        list_articles(room.db, ArticleQuery(statuses=("published",), limit=count * 3)).items
    )
    rng = random.Random(5)
    chosen = rng.sample(published, min(count, len(published)))
    started = time.perf_counter()
    for story in chosen:
        record = get_article(room.db, story.id)
        edit_article(room.db, replace(record, kicker="Diperbarui"), actor_id=room.editor.id)
    made = time.perf_counter() - started
    report, seconds = _timed_sync(db)
    print(
        f"sync of {report.pulled:,} changes made on the server coming down: {seconds:.2f} s "
        f"(the editor's saves on the server took {made:.1f} s) — target ≤ "
        f"{CHANGES_TARGET_S:.0f} s: {_verdict(seconds, CHANGES_TARGET_S)}"
    )


def _copy_replica(source: Database, folder: Path) -> Database:
    """The reporter's second computer: a copy of the synced replica (same cursor)."""
    folder.mkdir(parents=True)
    source_path = Path(str(source.url).removeprefix("sqlite:///"))
    with sqlite3.connect(source_path) as src, sqlite3.connect(folder / "replica.db") as dst:
        src.backup(dst)
    return open_database(f"sqlite:///{folder / 'replica.db'}")


def latency(room: BenchNewsroom, laptop: Database, folder: Path, runs: int) -> None:
    desktop = _copy_replica(laptop, folder)
    with Replica(desktop) as client:
        client.sync()
    story = _own_drafts(laptop, room.reporter.id, 1)[0]
    expected = {"headline": ""}
    seen = threading.Event()
    stop = threading.Event()

    def listen() -> None:
        # What the app's background threads do: sit in the long-poll, sync when woken.
        with Replica(desktop) as client:
            while not stop.is_set():
                if client.wait_for_changes(timeout=5.0):
                    client.sync()
                    if get_article(desktop, story.id).headline == expected["headline"]:
                        seen.set()

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    time.sleep(0.5)
    figures = []
    with Replica(laptop) as client:
        for run in range(runs):
            seen.clear()
            record = get_article(laptop, story.id)
            expected["headline"] = f"Berita terkini, versi {run}"
            started = time.perf_counter()
            edit_article(
                laptop, replace(record, headline=expected["headline"]), actor_id=room.reporter.id
            )
            client.sync()  # the app's sync thread, woken by the save
            if not seen.wait(timeout=30):
                print(f"  run {run}: not visible after 30 s")
                continue
            figures.append(time.perf_counter() - started)
            time.sleep(0.2)
    stop.set()
    listener.join(timeout=10)
    desktop.close()
    if not figures:
        print("save-to-visible: no run finished")
        return
    figures.sort()
    p95 = figures[min(len(figures) - 1, int(len(figures) * 0.95))]
    print(
        f"save-to-visible on another replica (long-poll), {len(figures)} saves: median "
        f"{statistics.median(figures) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max "
        f"{figures[-1] * 1000:.0f} ms — target ≤ {VISIBLE_TARGET_S:.0f} s: "
        f"{_verdict(figures[-1], VISIBLE_TARGET_S)}"
    )


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[100_000],
        help="newsroom sizes; each gets a first sync, the last the other figures too",
    )
    parser.add_argument("--changed", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"machine: {_load()}")
    with work_folder() as temporary:
        work = Path(temporary)
        for size in args.articles[:-1]:
            with bench_newsroom(size, work / f"n{size}", own_drafts=args.changed) as room:
                first_sync(room, work / f"n{size}" / "laptop").close()
            print(f"  ({_load()})")
        size = args.articles[-1]
        with bench_newsroom(size, work / f"n{size}", own_drafts=args.changed) as room:
            laptop = first_sync(room, work / f"n{size}" / "laptop")
            changes_up(room, laptop, args.changed)
            changes_down(room, laptop, args.changed)
            latency(room, laptop, work / f"n{size}" / "desktop", args.runs)
            laptop.close()
        print(f"machine: {_load()}")
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
