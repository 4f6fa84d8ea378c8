"""A guard against the one input that makes Python-Markdown take minutes: many "[" left open.

Python-Markdown looks for a link at every "[" by scanning the rest of its paragraph
(upstream issue #798), so a paragraph with thousands of "[" that nothing closes costs
(open brackets × paragraph length): 4,000 of them spread over 24,000 characters take
8 s, a pasted log full of them minutes. Ordinary prose has a handful. A paragraph whose
cost passes ``LIMIT`` is refused before rendering with a message that says what to fix;
callers keep the text (a publish shows it as plain paragraphs and names the article).
"""

from __future__ import annotations

import re

from editor.errors import ValidationError
from editor.i18n import _

#: Open brackets × paragraph length above which rendering would take about a second.
LIMIT = 5_000_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def open_brackets(block: str) -> int:
    """How many "[" in ``block`` no later "]" can close."""
    if "[" not in block:
        return 0
    unmatched = 0
    for char in block:
        if char == "[":
            unmatched += 1
        elif char == "]" and unmatched:
            unmatched -= 1
    return unmatched


def check_brackets(markdown: str) -> None:
    """Raise ValidationError when a paragraph has too many "[" to render in time."""
    if markdown.count("[") * len(markdown) <= LIMIT:
        return  # the whole text cannot reach the limit: nothing to scan
    for block in _BLANK_LINE.split(markdown):
        if block.count("[") * len(block) <= LIMIT:
            continue
        count = open_brackets(block)
        if count * len(block) > LIMIT:
            raise ValidationError(
                _(
                    "A paragraph has {count} “[” that no “]” closes, too many to render "
                    "(it begins “{start}”). Close or remove them, or split the paragraph; "
                    "the text itself is kept."
                ).format(count=count, start=block.strip()[:40])
            )
