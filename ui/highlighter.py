"""Markdown syntax highlighting and spelling underlines for the body editor.

Highlighting runs once per changed block (paragraph line) on the GUI thread, so every rule
here is a precompiled regular expression over one line, and fenced code and front matter
are tracked with the block state instead of rescanning the document. The spell checker
runs in the same pass, on the typed paragraph only; a freshly loaded article is checked a
slice at a time (``SpellPass``) so opening a long one never freezes the window.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from editor.spelling.checker import SPELLING, Checker, Problem
from editor.spelling.prose import LineKind, advance

#: Block states are the LineKind left open after the line: none, a ``` fence, front matter.
_STATES = {int(kind) for kind in LineKind}
#: Lines above this length are left plain: regexes over a 1 MB pasted line would stall typing.
MAX_HIGHLIGHT_LINE = 5000


def _format(
    color: str | None,
    *,
    bold: bool = False,
    italic: bool = False,
    mono: bool = False,
    background: str | None = None,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    if italic:
        fmt.setFontItalic(True)
    if mono:
        fmt.setFontFamilies(["DejaVu Sans Mono", "monospace"])
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, emphasis, links, quotes, lists, code and the newsroom blocks."""

    def __init__(self, document: QTextDocument, *, dark: bool = False) -> None:
        super().__init__(document)
        accent = "#7fb2ff" if dark else "#1f5fbf"
        muted = "#9aa0a6" if dark else "#6b7075"
        newsroom = "#e0a458" if dark else "#a0522d"
        code_bg = "#2a2d31" if dark else "#f1f1ef"
        self._code = _format("#c7a5ff" if dark else "#6a3d9a", mono=True, background=code_bg)
        self._front_matter = _format(muted, mono=True)
        self._underlines = {
            SPELLING: QColor("#ff6b6b" if dark else "#d0021b"),
            "style": QColor("#6cb4ff" if dark else "#1565c0"),
        }
        self._checker: Checker | None = None
        self._ignored: frozenset[str] = frozenset()
        #: (id of a Markdown format, problem kind) → that format with the underline.
        self._combined_formats: dict[tuple[int, str], QTextCharFormat] = {}
        #: While a whole text is being laid out (loading an article), lines are coloured
        #: but not checked: the SpellPass checks them afterwards, a slice at a time.
        self.deferring = False
        # Whole-line rules: the first that matches decides the line's base format.
        self._line_rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^#{1,6}\s.*$"), _format(accent, bold=True)),
            # The newsroom blocks of editor.render: pull quote, "Baca juga", embeds, credits.
            (
                re.compile(r"^\s{0,3}>\s?\[!(quote|kutipan)\].*$", re.IGNORECASE),
                _format(newsroom, bold=True),
            ),
            (
                re.compile(
                    r"^\s{0,3}[*_]{0,2}(baca juga|read also|see also)[*_]{0,2}\s*:.*$", re.I
                ),
                _format(newsroom, italic=True),
            ),
            (
                re.compile(
                    r"^https?://(www\.|m\.|mobile\.)?(youtube\.com|youtu\.be|x\.com|twitter\.com)/\S*$"
                ),
                _format(newsroom, bold=True),
            ),
            (
                re.compile(r"^(foto|kredit|sumber|photo|credit|source)\s*:.*$", re.IGNORECASE),
                _format(muted, italic=True),
            ),
            (re.compile(r"^\s*>.*$"), _format(muted, italic=True)),
            (re.compile(r"^\s*\|.*\|\s*$"), _format(muted, mono=True)),
            (re.compile(r"^\s*([-*_]\s*){3,}$"), _format(muted)),
        ]
        # Inline rules: applied on top, left to right.
        self._inline_rules: list[tuple[re.Pattern[str], QTextCharFormat]] = [
            (re.compile(r"^\s*([-*+]|\d+[.)])\s"), _format(accent, bold=True)),
            (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), _format(None, bold=True)),
            (
                re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*_(?![_\w])"),
                _format(None, italic=True),
            ),
            (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)"), _format(accent)),
            (re.compile(r"\[\^[^\]\n]+\]"), _format(newsroom)),
            (re.compile(r"`[^`\n]+`"), self._code),
        ]

    def set_checker(self, checker: Checker | None, ignored: frozenset[str] = frozenset()) -> None:
        """Check with ``checker`` from now on (None: no underlines); the caller re-checks."""
        self._checker = checker
        self._ignored = ignored

    def checker(self) -> Checker | None:
        return self._checker

    def problems(self, text: str, kind: LineKind = LineKind.PROSE) -> list[Problem]:
        """The problems the underlines of a line of prose show."""
        if self._checker is None or kind != LineKind.PROSE or len(text) > MAX_HIGHLIGHT_LINE:
            return []
        return [p for p in self._checker.check_line(text) if p.text not in self._ignored]

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        open_block = LineKind(previous) if previous in _STATES else LineKind.PROSE
        # Only the first block has no state above it (blocks are highlighted in order);
        # asking Qt for the block number on every keystroke would cost a call into Qt.
        first = previous == -1 and self.currentBlock().blockNumber() == 0
        kind, left_open = advance(text, open_block, first=first)
        self.setCurrentBlockState(int(left_open))
        if kind == LineKind.FENCE:
            self.setFormat(0, len(text), self._code)
            return
        if kind == LineKind.FRONT_MATTER:
            self.setFormat(0, len(text), self._front_matter)
            return
        if not text or len(text) > MAX_HIGHLIGHT_LINE:
            return
        # Formats are worked out in Python first and handed to Qt once per run of equal
        # format: each call into Qt may wait for the interpreter lock while the preview
        # renders on its worker, so a call per character would stall typing.
        formats: list[QTextCharFormat | None] = [None] * len(text)
        for pattern, fmt in self._line_rules:
            if pattern.match(text):
                formats[:] = [fmt] * len(text)
                break
        for pattern, fmt in self._inline_rules:
            for match in pattern.finditer(text):
                formats[match.start() : match.end()] = [fmt] * (match.end() - match.start())
        underlines: list[str | None] = [None] * len(text)
        if not self.deferring:
            for problem in self.problems(text):
                underlines[problem.start : problem.end] = [problem.kind] * (
                    problem.end - problem.start
                )
        start = 0
        for end in range(1, len(text) + 1):
            # "is": comparing formats with == would be a call into Qt per character.
            if (
                end < len(text)
                and formats[end] is formats[start]
                and underlines[end] == underlines[start]
            ):
                continue
            fmt = self._combined(formats[start], underlines[start])
            if fmt is not None:
                self.setFormat(start, end - start, fmt)
            start = end

    def _combined(
        self, fmt: QTextCharFormat | None, underline: str | None
    ) -> QTextCharFormat | None:
        """``fmt`` with a wavy underline of the problem kind's colour (made once, kept)."""
        if underline is None:
            return fmt
        key = (id(fmt), underline)
        combined = self._combined_formats.get(key)
        if combined is None:
            combined = QTextCharFormat(fmt) if fmt is not None else QTextCharFormat()
            combined.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            combined.setUnderlineColor(self._underlines.get(underline, self._underlines["style"]))
            self._combined_formats[key] = combined
        return combined


class SpellPass(QObject):
    """Re-highlights every block of a document a slice at a time, between other events.

    Each slice runs for at most ``SLICE_MS`` and then hands the GUI thread back, so typing
    stays smooth while an 8,000-word article gets its underlines.
    """

    SLICE_MS = 8

    def __init__(self, highlighter: MarkdownHighlighter) -> None:
        super().__init__(highlighter)
        self._highlighter = highlighter
        self._next: QTextBlock | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._slice)
        self.restyling = False

    def start(self) -> None:
        document = self._highlighter.document()
        self._next = document.firstBlock() if document is not None else None
        self._timer.start()

    def running(self) -> bool:
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self._next = None

    def _slice(self) -> None:
        deadline = time.perf_counter() + self.SLICE_MS / 1000
        self.restyling = True
        try:
            while self._next is not None and self._next.isValid():
                self._highlighter.rehighlightBlock(self._next)
                self._next = self._next.next()
                if time.perf_counter() > deadline:
                    break
        finally:
            self.restyling = False
        if self._next is not None and self._next.isValid():
            self._timer.start()
        else:
            self._next = None
