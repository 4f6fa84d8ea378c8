"""The one-line description of an article: its lead, else the first sentence of its body.

Pages put it in ``<meta name="description">`` and ``og:description``, feeds in an item's
description, JSON-LD in ``description``: search results and shared links then show what
the story is about, not its headline twice.
"""

from __future__ import annotations

import html
import re

#: Search engines show about this much; a longer description is cut at a word.
DESCRIPTION_LENGTH = 200
_TAG = re.compile(r"<[^>]*>")
_FIGURE = re.compile(r"<figure\b.*?</figure>", re.S | re.I)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)>", re.I)
_SPACE = re.compile(r"\s+")
#: A sentence ends at . ! ? followed by a space and a capital or a digit; "Rp 4,5" and
#: "2.000" have no space after the point, abbreviations like "dr." rarely a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9“\"])")


def plain_text(body_html: str) -> str:
    """The readable text of rendered body HTML, figures (captions, credits) left out."""
    text = _FIGURE.sub(" ", body_html)
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    return _SPACE.sub(" ", text).strip()


def first_sentence(body_html: str) -> str:
    text = plain_text(body_html)
    if not text:
        return ""
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    return shorten(sentence)


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def describe(lead: str, body_html: str) -> str:
    """The lead, else the body's first sentence; "" when the article has neither."""
    return shorten(lead) if lead.strip() else first_sentence(body_html)
