"""A guard against lists and quotes nested deeper than Python-Markdown can follow.

Python-Markdown parses each nested list or quote with a recursive call. Up to 3.11.3 a
body nested deeply enough raised ``RecursionError``; from 3.11.4 the parser stops nesting
near the interpreter's recursion limit (``util.nearing_recursion_limit``) and silently
renders the rest flat, so an absurd body would be published half-parsed without a word.
Neither behaviour is one a reader or an editor should meet, so the depth is measured
from the source before rendering and an absurd body is refused with a message that says
what to fix, whichever Markdown release is installed.

The measure is deliberately generous to the parser: a list item counts one level for
every two columns of indentation (the least that nests a list anywhere), a quote one
level per ``>``. Ordinary news copy nests two or three levels; ``MAX_NESTING`` is far
beyond that and far below the depth where the parser gives up (about 220 levels with
Python's default recursion limit). A caller already deep in its own stack, or a thread
running with a lowered limit, is also refused before the parser would run out of room.
"""

from __future__ import annotations

import re
import sys

from editor.errors import ValidationError
from editor.i18n import _

#: Deepest list-or-quote nesting rendered. Reporters use a handful of levels.
MAX_NESTING = 40
#: Stack frames Python-Markdown spends per nesting level (measured: about 4 for lists,
#: 3 for quotes), plus room for the rest of the conversion and the sanitiser.
FRAMES_PER_LEVEL = 5
FRAMES_RESERVED = 150

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: The quote markers in front of a line, then the indentation and any list marker.
_PREFIX = re.compile(r"^((?:[ \t]*>)*)([ \t]*)")
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _columns(whitespace: str) -> int:
    columns = 0
    for char in whitespace:
        columns = columns + 4 - columns % 4 if char == "\t" else columns + 1
    return columns


def nesting_depth(markdown: str) -> int:
    """The deepest nesting of lists and quotes in ``markdown``, counted generously.

    Lines inside fenced code blocks are text, not structure, and do not count.
    """
    deepest = 0
    fence: str | None = None
    for line in markdown.splitlines():
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        match = _PREFIX.match(line)
        assert match is not None  # every part of the pattern may be empty
        quotes = match.group(1).count(">")
        is_item = _LIST_MARKER.match(line, match.end()) is not None
        lists = 1 + _columns(match.group(2)) // 2 if is_item else 0
        deepest = max(deepest, quotes + lists)
    return deepest


def _stack_depth() -> int:
    frame = sys._getframe()
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back  # type: ignore[assignment]
    return depth


def check_nesting(markdown: str) -> None:
    """Raise ValidationError when ``markdown`` nests too deeply to render faithfully."""
    if ">" not in markdown and not re.search(r"^[ \t]{8}", markdown, re.MULTILINE):
        return  # no quotes and nothing indented past two levels: nothing can nest deeply
    depth = nesting_depth(markdown)
    headroom = sys.getrecursionlimit() - _stack_depth() - FRAMES_RESERVED
    if depth > MAX_NESTING or depth * FRAMES_PER_LEVEL > headroom:
        raise too_deep()


def too_deep() -> ValidationError:
    """The refusal of a body nested too deeply (also when the parser itself runs out)."""
    return ValidationError(
        _(
            "The article body nests lists or quotes too deeply to render. Flatten "
            "the deepest list or quote (a few levels are plenty); the text itself is "
            "kept."
        )
    )
