"""Plain text of an article body, for feed summaries, search snippets and counts.

Works on the sanitised HTML, so what a reader reads is what gets counted: Markdown
syntax, link targets and footnote markers are gone. Blocks are separated by a blank
line; spaces inside a block are collapsed. Parts that are not running prose are left
out: footnotes, "Baca juga" boxes, figures (photo captions), embed cards and pull
quotes (which repeat a sentence from the body).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from editor.render.pipeline import markdown_to_html

_BLOCKS = frozenset(
    {
        "p", "div", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
        "dt", "dd", "figure", "aside", "table", "ul", "ol", "hr", "br",
    }
)  # fmt: skip
_VOID = frozenset({"br", "hr", "img"})
_SKIPPED_CLASSES = frozenset({"footnote", "related", "figure", "embed", "pullquote"})
_SPACES = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (tag, skipped)

    def _skipping(self) -> bool:
        return any(skipped for _tag, skipped in self._open)

    def _break(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and not self._skipping():
            self._break()
        if tag in _VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        is_footnote_marker = tag == "sup" and (attributes.get("id") or "").startswith("fnref")
        self._open.append((tag, bool(classes & _SKIPPED_CLASSES) or is_footnote_marker))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            opened, _skipped = self._open.pop()
            if opened == tag:
                break
        if tag in _BLOCKS and not self._skipping():
            self._break()
        elif tag in {"td", "th"} and not self._skipping():
            self._current.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._current.append(data)

    def text(self) -> str:
        self.close()
        self._break()
        return "\n\n".join(self.blocks)


def html_to_text(html: str) -> str:
    """The readable prose of a rendered (sanitised) article fragment."""
    collector = _TextCollector()
    collector.feed(html)
    return collector.text()


def markdown_to_text(markdown: str, *, language: str = "id") -> str:
    """The readable prose of an article body written in Markdown."""
    return html_to_text(markdown_to_html(markdown, language=language))
