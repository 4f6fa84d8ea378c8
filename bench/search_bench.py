"""Search and list benchmark on the start-up bench's newsroom (Zipf vocabulary, all indexed).

    .venv/bin/python bench/search_bench.py --count 100000

Prints, per query, the median of five runs of: ``search_articles`` (the search dialog's
first 50 hits), ``matching_ids`` (the list's search-as-you-type filter) and the list's
first page with that filter; then the list's first page sorted by each column. Targets:
search and filter ≤ 50 ms for any query, a sorted first page ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.startup_bench import build_database  # noqa: E402
from bench.zipf_corpus import Corpus  # noqa: E402
from editor.database import open_database  # noqa: E402
from editor.listing import SORT_KEYS, list_articles  # noqa: E402
from editor.records import ArticleQuery  # noqa: E402
from editor.search import matching_ids, search_articles  # noqa: E402

RUNS = 5


def median_ms(call: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def queries(corpus: Corpus) -> dict[str, str]:
    words = corpus.words
    return {
        "commonest word": words[0],
        "rank-100 word": words[99],
        "rank-5000 word": words[4999],
        "partial word as typed": words[40][:3],
        "two common words": f"{words[0]} {words[3]}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args(argv)
    path = build_database(args.count)
    db = open_database(f"sqlite:///{path}")
    corpus = Corpus(20260126)
    print(f"\n{args.count:,} articles ({path.name})")
    print("| query | matches | search_articles | matching_ids | list page with filter |")
    print("|---|---:|---:|---:|---:|")
    for name, text in queries(corpus).items():
        with db.transaction() as session:
            found = matching_ids(session, text) or []

        def filter_ids(text: str = text) -> None:
            with db.transaction() as session:
                matching_ids(session, text)

        search = median_ms(lambda text=text: search_articles(db, text))  # type: ignore[misc]
        ids = median_ms(filter_ids)
        page = median_ms(lambda text=text: list_articles(db, ArticleQuery(text=text)))  # type: ignore[misc]
        print(
            f"| {name} ({text!r}) | {len(found):,} | {search:.0f} ms "
            f"| {ids:.0f} ms | {page:.0f} ms |"
        )
    print("\n| list sorted by | first page |")
    print("|---|---:|")
    for key in SORT_KEYS:
        ms = median_ms(lambda key=key: list_articles(db, ArticleQuery(sort=key)))  # type: ignore[misc]
        print(f"| {key} | {ms:.0f} ms |")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
