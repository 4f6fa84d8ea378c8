"""The prose in a line of Markdown: the words a person wrote, not code, links or addresses.

The editor checks one line (one paragraph, as typed) at a time, so everything here works on
a single line; fenced code and front matter span lines and are tracked by the caller with
``LineKind`` (see ``line_kinds``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Spans that are not prose, found first and skipped by every check.
_NOT_PROSE = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # the target of a link or image: ](url "title")
    r"|^\s{0,3}\[[^\]]+\]:\s*\S+.*$"  # a reference definition: [id]: url
    r"|<[^>\s]+>"  # an autolink or an HTML tag
    r"|</?[A-Za-z][^>]*>"  # an HTML tag with attributes
    r"|\b(?:https?|ftp)://\S+"  # a bare address
    r"|\bwww\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\[\^[^\]]+\]"  # a footnote mark
    r"|\[![A-Za-z]+\]"  # the pull-quote marker [!kutipan]
    r"|(?<!\w)[#@][\w-]+"  # hashtags and handles
    r"|\{\{.*?\}\}|\{%.*?%\}"  # template shortcodes
)
#: A word: letters, with inner hyphens or apostrophes (rumah-rumah, Jum'at). Words
#: touching a digit (5G, Rp4) or an underscore (snake_case) are not words to check.
WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:[-'’][^\W\d_]+)*(?![\w])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER = re.compile(r"^(---|\+\+\+)\s*$")


class LineKind(enum.IntEnum):
    """What a line of a Markdown document is, for checking."""

    PROSE = 0
    FENCE = 1  # inside (or opening, or closing) a code fence
    FRONT_MATTER = 2  # inside (or delimiting) a YAML/TOML header at the top


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def prose_mask(line: str) -> list[tuple[int, int]]:
    """The (start, end) ranges of ``line`` that are not prose."""
    return [(m.start(), m.end()) for m in _NOT_PROSE.finditer(line)]


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < end for r_start, r_end in ranges)


def words(line: str, mask: list[tuple[int, int]] | None = None) -> Iterator[Span]:
    """The words of ``line`` outside code, links and addresses."""
    skipped = prose_mask(line) if mask is None else mask
    for match in WORD.finditer(line):
        start, end = match.span()
        if not skipped or not overlaps(start, end, skipped):
            yield Span(start, end, match.group())


def advance(line: str, open_block: LineKind, *, first: bool) -> tuple[LineKind, LineKind]:
    """The kind of ``line`` and the block left open after it (``PROSE``: none).

    ``open_block`` is what the lines above left open. A fence or a header closes on its
    own delimiter line, which still belongs to it; a header opens only on the first line.
    """
    if open_block == LineKind.FRONT_MATTER:
        return LineKind.FRONT_MATTER, (
            LineKind.PROSE if _FRONT_MATTER.match(line) else LineKind.FRONT_MATTER
        )
    if open_block == LineKind.FENCE:
        return LineKind.FENCE, LineKind.PROSE if _FENCE.match(line) else LineKind.FENCE
    if first and _FRONT_MATTER.match(line):
        return LineKind.FRONT_MATTER, LineKind.FRONT_MATTER
    if _FENCE.match(line):
        return LineKind.FENCE, LineKind.FENCE
    return LineKind.PROSE, LineKind.PROSE


def line_kinds(lines: list[str]) -> list[LineKind]:
    """The kind of every line of a document: prose, in a code fence, or in front matter."""
    kinds: list[LineKind] = []
    open_block = LineKind.PROSE
    for index, line in enumerate(lines):
        kind, open_block = advance(line, open_block, first=index == 0)
        kinds.append(kind)
    return kinds
