"""Article text with a realistic vocabulary, for benchmarks that search it.

Word frequencies in news text follow Zipf's law: the commonest word ("yang") is in almost
every article, most words are rare. The vocabulary here is 40,000 made-up Indonesian-looking
words (syllables joined), ranked and drawn with weight 1/rank^1.07, so a search for the top
word matches nearly everything and a search for a rank-5,000 word matches a few hundred
articles, as in a real archive. The search rows go in through ``editor.import_bulk``, the
path a user's imported articles take.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Iterable
from typing import Any


def _words(text: str) -> list[str]:
    return text.split()


SYLLABLES = _words(
    "ba be bi bu da de di du ga gi gu ka ke ki ku la le li lu ma me mi mu na ne ni nu "
    "pa pe pi pu ra re ri ru sa se si su ta te ti tu ya wa an ang ar as at in ir "
    "ung un ur"
)
#: The commonest words come first: real function words, then made-up ones.
COMMON = _words("yang dan di ke dari untuk dengan ini itu pada dalam tidak akan juga oleh")
VOCABULARY_SIZE = 40_000
EXPONENT = 1.07


def vocabulary(rng: random.Random) -> list[str]:
    words = list(COMMON)
    seen = set(words)
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Corpus:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(self.rng)
        weights = [1 / (rank**EXPONENT) for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def words_of(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, count: int) -> str:
        return " ".join(self.words_of(count)).capitalize() + "."

    def body(self, paragraphs: int, words: int) -> str:
        return "\n\n".join(self.sentence(words) for _ in range(paragraphs))


def index_rows(session: Any, rows: Iterable[dict[str, Any]]) -> None:
    """Put (article_id, headline, lead, body) rows into the search index as an import does."""
    from editor.search import replace_search_rows, search_row

    replace_search_rows(
        session,
        [
            search_row(
                row["article_id"]
                if isinstance(row["article_id"], uuid.UUID)
                else uuid.UUID(str(row["article_id"])),
                row["headline"],
                row["lead"],
                row["body"],
            )
            for row in rows
        ],
    )
