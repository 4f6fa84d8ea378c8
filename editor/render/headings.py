"""Body headings start at level two: the article page's headline is its only ``<h1>``.

Applied to the HTML after Markdown is done, so a raw ``<h1>`` typed as HTML is demoted
as well as a ``#`` heading. Escaped text (``&lt;h1&gt;`` in code) is never touched.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

_TITLE_TAG = re.compile(r"<(/?)h1(?=[\s/>])", re.IGNORECASE)


class DemoteTitleHeadings(Postprocessor):
    def run(self, text: str) -> str:
        return _TITLE_TAG.sub(r"<\1h2", text)


class HeadingsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML is put back (30) and footnotes are placed (25).
        md.postprocessors.register(DemoteTitleHeadings(md), "newsroom-headings", 5)
