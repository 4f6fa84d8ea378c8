"""Import benchmark: files per second for a first import and for a re-import of the same site.

Generates a plain Markdown site (Hugo-style YAML front matter, Jekyll-style file names, a
few sections, tags and authors; 300-700 words a file) and imports it with ``import_paths``
into a fresh SQLite database as an admin (its sections are created by the import):

1. first import: every file is a new article (with its revision and audit entry);
2. re-import with nothing changed: every file is unchanged;
3. re-import after every tenth file was edited.

Prints files/s for each and the targets (first import >= 300 files/s, unchanged re-import
>= 1,000 files/s). The figures before this was tuned were 15-29 and 36-129 files/s.

    .venv/bin/python bench/import_bench.py                  # 2,000 files
    .venv/bin/python bench/import_bench.py --files 500      # a quick run
    .venv/bin/python bench/import_bench.py --db postgresql://127.0.0.1/test

Everything is written under ``--work`` (default build/import-bench, which git ignores).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from editor.database import Database, open_database
from editor.importer import ImportReport, import_paths
from editor.people import create_person

REPO = Path(__file__).resolve().parent.parent
FIRST_TARGET = 300.0
UNCHANGED_TARGET = 1000.0
SEED = 20261207
_WORD_LIST = (
    "pemerintah daerah masyarakat warga kota desa provinsi presiden menteri gubernur bupati "
    "anggaran pembangunan jalan jembatan sekolah rumah sakit banjir hujan musim panen petani "
    "nelayan harga beras minyak pasar ekonomi rupiah bank investasi pelabuhan bandara kereta "
    "sidang pengadilan hakim jaksa polisi saksi korban bantuan program kebijakan rapat dewan"
)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS = _words(_WORD_LIST)
SECTIONS = ("berita", "ekonomi", "olahraga", "nasional", "dunia")
AUTHORS = ("Sarah Meiliana Gunawan", "Budi Santoso", "Rina Wulandari", "Tomáš Šedovič")


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    return " ".join(words).capitalize() + "."


def _file_text(rng: random.Random, number: int) -> str:
    title = " ".join(rng.choices(WORDS, k=7)).capitalize() + f" {number}"
    paragraphs = []
    words = 0
    target = rng.randint(300, 700)
    while words < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        words += len(paragraph.split())
        paragraphs.append(paragraph)
    tags = ", ".join(f'"{tag}"' for tag in rng.sample(WORDS, 3))
    header = (
        f'title: "{title}"\n'
        f"date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T08:30:00+07:00\n"
        f"categories: [{rng.choice(SECTIONS)}]\n"
        f"tags: [{tags}]\n"
        f'author: "{rng.choice(AUTHORS)}"\n'
        f'description: "{_sentence(rng)}"\n'
    )
    return f"---\n{header}---\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(SEED)
    shutil.rmtree(folder, ignore_errors=True)
    paths = []
    for number in range(count):
        section = SECTIONS[number % len(SECTIONS)]
        path = folder / "content" / section / f"2025-01-{number % 28 + 1:02d}-post-{number}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_file_text(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


def fresh_database(url: str | None, work: Path) -> Database:
    if url is None:
        target = work / "bench.db"
        for leftover in work.glob("bench.db*"):
            leftover.unlink()
        return open_database(f"sqlite:///{target}")
    db = open_database(url)
    from editor.models import Base

    with db.engine.begin() as connection:  # an emptied server database
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    return db


def timed(label: str, count: int, run: Callable[[], ImportReport]) -> tuple[float, ImportReport]:
    started = time.perf_counter()
    report = run()
    seconds = time.perf_counter() - started
    rate = count / seconds
    print(f"{label:<34} {count:>6} files in {seconds:7.2f} s = {rate:8.1f} files/s")
    print(f"{'':<34} {report.summary()}")
    if report.problems:
        print(f"{'':<34} first problem: {report.problems[0]}")
    return rate, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=REPO / "build" / "import-bench")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    site = args.work / "site"
    paths = generate(site, args.files)
    db = fresh_database(args.db, args.work)
    editor = create_person(db, "Admin Impor", role="admin")

    def run() -> ImportReport:
        return import_paths(db, [site / "content"], actor_id=editor.id)

    first, report = timed("first import", len(paths), run)
    unchanged, again = timed("re-import, nothing changed", len(paths), run)
    for path in paths[::10]:
        path.write_text(path.read_text(encoding="utf-8") + "\nRalat: satu kalimat.\n", "utf-8")
    edited, _ = timed("re-import, every 10th file edited", len(paths), run)
    db.engine.dispose()
    print()
    print(f"first import        {first:8.1f} files/s  (target >= {FIRST_TARGET:.0f})")
    print(f"unchanged re-import {unchanged:8.1f} files/s  (target >= {UNCHANGED_TARGET:.0f})")
    print(f"edited re-import    {edited:8.1f} files/s")
    ok = (
        first >= FIRST_TARGET
        and unchanged >= UNCHANGED_TARGET
        and len(report.created) == len(paths)
        and len(again.unchanged) == len(paths)
    )
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
