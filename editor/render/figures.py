"""Figures: a photo on its own paragraph, with an optional caption and credit under it.

A reporter types::

    ![Jens Stoltenberg di Tokyo](/media/stoltenberg.jpg)
    Sekjen NATO Jens Stoltenberg tiba di Tokyo, Januari 2023.
    Foto: NATO/Net

and gets ``<figure class="figure"><img …><figcaption>… <span class="credit">NATO/Net
</span></figcaption></figure>``. The lines after the image are the caption; a last line
starting with ``Foto:``, ``Kredit:``, ``Sumber:``, ``Photo:``, ``Credit:`` or ``Source:``
is the credit. An image inside running text stays an ordinary inline image.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

# ![alt](src) or ![alt](<src with spaces> "title"); nothing else on the line.
IMAGE_LINE = re.compile(
    r"""^\s{0,3}!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<bracketed>[^>\n]*)>|(?P<src>[^\s)]+))"""
    r"""(?:\s+["'](?P<title>[^"'\n]*)["'])?\s*\)\s*$"""
)
CREDIT_LINE = re.compile(
    r"^\s*(?:foto|kredit|sumber|photo|credit|source)\s*:\s*(?P<credit>.+)$", re.I
)


class FigureProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return IMAGE_LINE.match(block.split("\n", 1)[0]) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        first, _, rest = blocks.pop(0).partition("\n")
        image = IMAGE_LINE.match(first)
        assert image is not None  # test() matched this line
        figure = etree.SubElement(parent, "figure", {"class": "figure"})
        src = (
            image.group("bracketed") if image.group("bracketed") is not None else image.group("src")
        )
        img = etree.SubElement(
            figure, "img", {"src": src.strip(), "alt": image.group("alt").strip()}
        )
        if image.group("title"):
            img.set("title", image.group("title"))
        lines = [line.strip() for line in rest.split("\n") if line.strip()]
        credit = CREDIT_LINE.match(lines[-1]) if lines else None
        if credit is not None:
            lines.pop()
        if lines or credit is not None:
            caption = etree.SubElement(figure, "figcaption")
            # Caption text goes through the inline patterns (emphasis, links) later.
            caption.text = " ".join(lines)
            if credit is not None:
                if lines:
                    caption.text += " "
                span = etree.SubElement(caption, "span", {"class": "credit"})
                span.text = credit.group("credit").strip()
        return True


class FigureExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        parser: BlockParser = md.parser
        # Above the paragraph (10) and reference (15) processors, below lists and quotes.
        parser.blockprocessors.register(FigureProcessor(parser), "newsroom-figure", 16)
