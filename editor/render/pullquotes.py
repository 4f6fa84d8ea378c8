"""Pull quotes: a block quote marked ``[!quote]`` (or ``[!kutipan]``).

A reporter types::

    > [!kutipan] Kantor penghubung akan memungkinkan diskusi dengan mitra keamanan.
    > — Jens Stoltenberg

and gets ``<figure class="pullquote"><blockquote><p>…</p></blockquote>
<figcaption>Jens Stoltenberg</figcaption></figure>``. A last line starting with an em
dash, ``--`` or ``―`` names who said it. The marker follows the callout syntax of
GitHub and Obsidian, so the text still reads as a quote in any Markdown viewer.
Ordinary ``>`` quotes are left to the standard block quote.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

MARKER = re.compile(r"^\s{0,3}>\s?\[!(?:quote|kutipan)\][ \t]*", re.I)
QUOTE_PREFIX = re.compile(r"^\s{0,3}> ?")
ATTRIBUTION = re.compile(r"^(?:—|―|--)\s*(?P<who>\S.*)$")


class PullQuoteProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return MARKER.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = MARKER.sub("", blocks.pop(0), count=1)
        # Lazy continuation: lines without '>' still belong to the quote, as in Markdown.
        lines = [QUOTE_PREFIX.sub("", line, count=1).rstrip() for line in block.split("\n")]
        while lines and not lines[-1].strip():
            lines.pop()
        has_quote = any(line.strip() for line in lines[:-1])
        who = ATTRIBUTION.match(lines[-1].strip()) if has_quote else None
        if who is not None:
            lines.pop()
        figure = etree.SubElement(parent, "figure", {"class": "pullquote"})
        quote = etree.SubElement(figure, "blockquote")
        self.parser.parseChunk(quote, "\n".join(lines))
        if who is not None:
            caption = etree.SubElement(figure, "figcaption")
            caption.text = who.group("who").strip()
        return True


class PullQuoteExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before the standard block quote (20) so the marker is seen first.
        md.parser.blockprocessors.register(PullQuoteProcessor(md.parser), "newsroom-pullquote", 21)
