"""Search and list benchmark on the start-up bench's newsroom (Zipf vocabulary, all indexed).

    .venv/bin/python bench/search_bench.py --count 100000 [--runs 5]

Prints the machine's load, then per query the median of the runs of:
``search_articles`` (the search dialog's first 50 hits); ``list_page`` (what the list
shows while typing: its first page of 200 with the filter, newest first); counting the
matches (``count_articles``, which the list does on a worker thread after showing that
page); ``list_articles`` (page and count together, as ``redaksi list`` does); and
``matching_ids`` (every matching id in Python, for comparison with older runs); and
FTS5 finding the matches alone (a count of the MATCH, no table read), the floor under
every figure before it. Then
the list's first page sorted by every column in both directions, and a save of one
article (its search entry replaced). Targets: a filtered page ≤ 50 ms a keystroke, a
sorted first page ≤ 20 ms. Figures under load are several times slower than on a quiet
machine: compare runs made under similar load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bench.startup_bench import build_database  # noqa: E402
from bench.zipf_corpus import Corpus  # noqa: E402
from editor.articles import get_article, save_article  # noqa: E402
from editor.database import open_database  # noqa: E402
from editor.listing import SORT_KEYS, count_articles, list_articles, list_page  # noqa: E402
from editor.records import ArticleQuery  # noqa: E402
from editor.search import fts5_query, matching_ids, search_articles  # noqa: E402

FTS_COUNT = text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :q")
#: The article list's page size (ui.article_list.PAGE_SIZE, not imported: no Qt here).
LIST_PAGE = 200


def median_ms(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
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
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path = build_database(args.count)
    db = open_database(f"sqlite:///{path}")
    corpus = Corpus(20260126)
    runs = args.runs
    print(f"\n{args.count:,} articles ({path.name}), median of {runs}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "| query | matches | search_articles | list_page (shown while typing) "
        "| count (worker thread) | list_articles | matching_ids | FTS5 match alone |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, words in queries(corpus).items():
        query = ArticleQuery(text=words, limit=LIST_PAGE)
        found = count_articles(db, query)

        def ids(words: str = words) -> None:
            with db.transaction() as session:
                matching_ids(session, words)

        def fts_alone(words: str = words) -> None:
            with db.transaction() as session:
                session.execute(FTS_COUNT, {"q": fts5_query(words)}).scalar()

        figures = [
            median_ms(lambda words=words: search_articles(db, words), runs),  # type: ignore[misc]
            median_ms(lambda query=query: list_page(db, query), runs),  # type: ignore[misc]
            median_ms(lambda query=query: count_articles(db, query), runs),  # type: ignore[misc]
            median_ms(lambda query=query: list_articles(db, query), runs),  # type: ignore[misc]
            median_ms(ids, runs),
            median_ms(fts_alone, runs),
        ]
        print(f"| {name} ({words!r}) | {found:,} | " + " | ".join(f"{f:.0f} ms" for f in figures))
    print(f"\n| list sorted by (page of {LIST_PAGE}) | descending | ascending |")
    print("|---|---:|---:|")
    for key in SORT_KEYS:
        figures = [
            median_ms(
                lambda key=key, down=down: list_page(  # type: ignore[misc]
                    db, ArticleQuery(sort=key, descending=down, limit=LIST_PAGE)
                ),
                runs,
            )
            for down in (True, False)
        ]
        print(f"| {key} | {figures[0]:.0f} ms | {figures[1]:.0f} ms |")
    article = get_article(db, list_page(db, ArticleQuery(limit=1))[0].id)
    edits = iter(range(runs * 2))

    def save() -> None:
        nonlocal article
        article = save_article(db, replace(article, lead=f"{article.lead} {next(edits)}"))

    print(f"\nsave one article (its search entry replaced): {median_ms(save, runs):.0f} ms")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
