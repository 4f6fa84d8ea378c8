"""Body headings start at level two: the article page's headline is its only ``<h1>``."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class DemoteTitleHeadings(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for heading in root.iter("h1"):
            heading.tag = "h2"


class HeadingsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(DemoteTitleHeadings(md), "newsroom-headings", 5)
