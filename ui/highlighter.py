"""Markdown syntax highlighting for the body editor.

Highlighting runs once per changed block (paragraph line) on the GUI thread, so every rule
here is a precompiled regular expression over one line, and fenced code is tracked with
the block state instead of rescanning the document.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

#: Block states: inside a ``` fence or not.
_NORMAL, _IN_FENCE = 0, 1
_FENCE = re.compile(r"^\s*(```|~~~)")
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

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        if _FENCE.match(text):
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(_NORMAL if previous == _IN_FENCE else _IN_FENCE)
            return
        if previous == _IN_FENCE:
            self.setFormat(0, len(text), self._code)
            self.setCurrentBlockState(_IN_FENCE)
            return
        self.setCurrentBlockState(_NORMAL)
        if not text or len(text) > MAX_HIGHLIGHT_LINE:
            return
        for pattern, fmt in self._line_rules:
            if pattern.match(text):
                self.setFormat(0, len(text), fmt)
                break
        for pattern, fmt in self._inline_rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), fmt)
