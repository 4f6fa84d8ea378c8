"""Markdown in, sanitised HTML out: the one path every article body takes to a page.

Python-Markdown with tables, footnotes, fenced code and sane lists, plus the newsroom
blocks (figures, pull quotes, "Baca juga" links, YouTube / X cards; each module's
docstring shows the syntax), then the nh3 allow-list. Same input, same bytes: footnote
ids come from the reporter's labels (``fn:kemenkeu``) and their numbers from the order
a reader meets them, never from anything rendered before.

A Markdown instance keeps state while converting, so it must not be shared between
threads (the GUI renders previews in a worker thread). Each thread keeps one per
language and resets it before every document (``Markdown.reset`` clears the stash,
references and footnotes): building one costs a tenth of rendering an 800-word article,
which adds up over a publish of thousands. An instance a failed conversion may have left
half-way is thrown away.
"""

from __future__ import annotations

import threading

from markdown import Markdown
from markdown.extensions.fenced_code import FencedCodeExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension

from editor.render.brackets import check_brackets
from editor.render.embeds import EmbedExtension
from editor.render.figures import FigureExtension
from editor.render.headings import HeadingsExtension
from editor.render.nesting import check_nesting, too_deep
from editor.render.pullquotes import PullQuoteExtension
from editor.render.related import RelatedLinksExtension
from editor.render.sanitise import sanitise_html

# The footnote back-link's tooltip is part of the article, so it follows its language.
_BACKLINK_TITLES = {
    "id": "Kembali ke catatan kaki {} di teks",
    "en": "Back to footnote {} in the text",
}


def _build(language: str) -> Markdown:
    if language not in _BACKLINK_TITLES:
        known = ", ".join(sorted(_BACKLINK_TITLES))
        raise ValueError(f"Unsupported article language {language!r}: use one of {known}.")
    return Markdown(
        output_format="html",
        tab_length=4,
        extensions=[
            # An align attribute rather than the style attribute the sanitiser removes.
            TableExtension(use_align_attribute=True),
            FootnoteExtension(
                BACKLINK_TITLE=_BACKLINK_TITLES[language],
                # Readers meet footnote 1 first, wherever the reporter defined it.
                USE_DEFINITION_ORDER=False,
            ),
            FencedCodeExtension(),
            SaneListExtension(),
            FigureExtension(),
            PullQuoteExtension(),
            RelatedLinksExtension(),
            EmbedExtension(),
            HeadingsExtension(),
        ],
    )


_per_thread = threading.local()


def _instances() -> dict[str, Markdown]:
    found: dict[str, Markdown] | None = getattr(_per_thread, "instances", None)
    if found is None:
        found = _per_thread.instances = {}
    return found


def markdown_to_html(markdown: str, *, language: str = "id") -> str:
    """The article body as a sanitised HTML fragment, ready to place in a page.

    Raises ValidationError when lists or quotes nest too deeply for the Markdown parser,
    or a paragraph holds too many unclosed "[" to render in reasonable time.
    """
    check_brackets(markdown)
    check_nesting(markdown)
    instances = _instances()
    # Popped while in use: only a conversion that finished puts its instance back.
    md = instances.pop(language, None) or _build(language)
    try:
        html = md.reset().convert(markdown)
    except RecursionError:
        # Markdown before 3.11.4 raises this where check_nesting's estimate fell short.
        raise too_deep() from None
    instances[language] = md
    return sanitise_html(html)
