"""Related-article links: lines starting ``Baca juga:`` (or ``Read also:``).

A reporter types, as its own paragraph::

    Baca juga: [NATO Buka Kantor di Jepang](/read/2023/05/04/9f2c/nato-buka-kantor/)
    Baca juga: [Stoltenberg ke Tokyo](/read/2023/01/31/77ab/stoltenberg-ke-tokyo/)

and gets ``<aside class="related"><p class="related-label">Baca juga</p><ul><li><a …>
…</a></li>…</ul></aside>``. Each line is one item; the label is kept as typed (so an
English article shows "Read also"). Several links on one line, separated by commas,
become several items. A paragraph where any line lacks the label stays a paragraph.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.util import AtomicString

LABELLED_LINE = re.compile(
    r"^\s{0,3}(?:[*_]{1,2})?(?P<label>baca juga|read also|see also)(?:[*_]{1,2})?\s*:"
    r"(?:[*_]{1,2})?\s*(?P<items>\S.*)$",
    re.I,
)
# Commas between Markdown links split items; commas inside a title do not.
BETWEEN_LINKS = re.compile(r"(?<=\))\s*[,;]\s*(?=\[)")


class RelatedLinksProcessor(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        lines = [line for line in block.split("\n") if line.strip()]
        return bool(lines) and all(LABELLED_LINE.match(line) for line in lines)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        matches = [LABELLED_LINE.match(line) for line in blocks.pop(0).split("\n")]
        found = [match for match in matches if match is not None]
        aside = etree.SubElement(parent, "aside", {"class": "related"})
        label = etree.SubElement(aside, "p", {"class": "related-label"})
        label.text = AtomicString(found[0].group("label").strip().capitalize())
        items = etree.SubElement(aside, "ul")
        for match in found:
            for item in BETWEEN_LINKS.split(match.group("items").strip()):
                etree.SubElement(items, "li").text = item.strip()
        return True


class RelatedLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(
            RelatedLinksProcessor(md.parser), "newsroom-related", 16.5
        )
