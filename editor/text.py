"""Counting what a reporter writes: words, characters, reading time."""

from __future__ import annotations

import math
import re

# Link and image targets are not words the reader reads.
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[\w'’-]+")
_JOINERS_ONLY = re.compile(r"(?<![\w'’-])[_'’-]+(?![\w'’-])")
WORDS_PER_MINUTE = 200


def word_count(markdown: str) -> int:
    text = _HTML_TAG.sub(" ", _LINK_TARGET.sub("]", markdown))
    # A word has a letter or digit: a run of joiners alone ("--", "_") is no word. Both
    # counts run in the regex engine; a scan of each word in Python took most of an import.
    return len(_WORD.findall(text)) - len(_JOINERS_ONLY.findall(text))


def reading_minutes(words: int) -> int:
    """Whole minutes, at least one for any text at all."""
    return 0 if words == 0 else max(1, math.ceil(words / WORDS_PER_MINUTE))
