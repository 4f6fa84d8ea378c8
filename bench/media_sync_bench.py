"""Pictures over sync on a real PostgreSQL and a real server on a loopback port.

    nice .venv/bin/python bench/media_sync_bench.py [--pictures 100] [--side 800]

A reporter adds ``--pictures`` photos (JPEG, about 0.25 MB each at 800 px) on a replica and
syncs (the bytes and a ``media`` op each), then submits ten articles showing them; an
editor's empty replica syncs them down with the articles; a second reporter who has the
same photos syncs and sends nothing. Prints the time and throughput of each (loopback:
the figures are the server's and the replicas' work, not a network's).
"""

from __future__ import annotations

import argparse
import io
import random
import time
from pathlib import Path

from sync_newsroom import bench_newsroom, work_folder

from editor.database import Database, open_database
from editor.media.library import add_file
from editor.records import ArticleDraft
from editor.sync.replica import Replica, SyncReport, sign_in
from editor.workflow.editing import draft_article
from editor.workflow.transitions import change_status
from tests.sync.harness import PASSWORD

ARTICLES = 10


def _photos(folder: Path, count: int, side: int) -> list[Path]:
    """JPEGs of smooth noise (they compress like photos, not like flat colour)."""
    from PIL import Image, ImageFilter

    folder.mkdir(parents=True)
    rng = random.Random(7)
    paths = []
    for number in range(count):
        pixels = rng.randbytes(side * side * 3 // 4)
        small = Image.frombytes("RGB", (side // 2, side // 2), pixels)
        image = small.resize((side, side)).filter(ImageFilter.GaussianBlur(1))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        path = folder / f"foto-{number:03d}.jpg"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def _replica(folder: Path, url: str, handle: str) -> Database:
    folder.mkdir(parents=True)
    db = open_database(f"sqlite:///{folder / 'replica.db'}")
    sign_in(db, url, handle, PASSWORD, label="bench")
    return db


def _timed_sync(db: Database) -> tuple[SyncReport, float]:
    started = time.perf_counter()
    with Replica(db) as client:
        report = client.sync()
    return report, time.perf_counter() - started


def _line(what: str, report: SyncReport, seconds: float, up: bool) -> None:
    pictures = report.pictures_up if up else report.pictures_down
    size = (report.bytes_up if up else report.bytes_down) / 2**20
    rate = f", {size / seconds:.1f} MB/s" if size else ""
    print(f"{what}: {seconds:.2f} s, {pictures} pictures, {size:.1f} MB{rate}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pictures", type=int, default=100)
    parser.add_argument("--side", type=int, default=800)
    args = parser.parse_args()
    with work_folder() as temp:
        work = Path(temp)
        photos = _photos(work / "photos", args.pictures, args.side)
        total = sum(p.stat().st_size for p in photos) / 2**20
        print(f"{len(photos)} photos, {total:.1f} MB in all")
        with bench_newsroom(ARTICLES, work) as room:
            url = room.server.url
            reporter = _replica(work / "reporter", url, room.reporter.handle)
            started = time.perf_counter()
            refs = [
                add_file(reporter, path, actor_id=room.reporter.id, alt_text=path.stem).record.ref
                for path in photos
            ]
            seconds = time.perf_counter() - started
            print(f"added to the reporter's replica (offline): {seconds:.2f} s")
            _line("reporter's sync, pictures and descriptions up", *_timed_sync(reporter), up=True)
            per = max(1, len(refs) // ARTICLES)
            for start in range(0, len(refs), per):
                body = "".join(f"![foto]({ref})\n\n" for ref in refs[start : start + per])
                story = draft_article(
                    reporter,
                    ArticleDraft(headline=f"Galeri {start}", body=body, lead_image=refs[start]),
                    actor_id=room.reporter.id,
                )
                change_status(reporter, story.id, "submitted", actor_id=room.reporter.id)
            _timed_sync(reporter)
            editor = _replica(work / "editor", url, room.editor.handle)
            _line("editor's first sync, pictures down", *_timed_sync(editor), up=False)
            other = _replica(work / "other", url, room.other_reporter.handle)
            for path in photos:
                add_file(other, path, actor_id=room.other_reporter.id)
            report, seconds = _timed_sync(other)
            print(
                f"second reporter with the same photos: {seconds:.2f} s, "
                f"{report.pictures_up} pictures and {report.bytes_up} bytes sent"
            )


if __name__ == "__main__":
    main()
