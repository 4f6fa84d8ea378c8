"""The allow-list every rendered article passes through before it reaches a page.

Raw HTML typed into Markdown is untrusted, so the final HTML (not the Markdown) is
cleaned with nh3: only the tags, attributes, classes and URL schemes below survive.
Scripts, styles, iframes, objects and forms are dropped with their content; event
handler and ``style`` attributes are never allowed; links and images may only point to
http(s), mailto and tel addresses or relative paths (so ``javascript:``, ``vbscript:`` and
``data:`` URLs, however disguised with entities or whitespace, are removed). Every link
gets ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd",
        "del", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
# Dropped together with everything inside them, not just unwrapped.
CONTENT_DROPPED = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "applet", "frame", "frameset",
        "noscript", "noembed", "noframes", "template", "svg", "math", "form", "textarea",
        "select", "button", "title", "xmp", "plaintext", "base", "link", "meta",
    }
)  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "li": {"id"},
    "sup": {"id"},
    "ol": {"start"},
    "td": {"align"},
    "th": {"align"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
# Classes the renderer itself writes and the site's stylesheet knows.
CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "aside": {"related"},
    "div": {"footnote", "embed", "embed-youtube", "embed-x"},
    "figure": {"figure", "pullquote"},
    "p": {"related-label"},
    "span": {"credit", "embed-label"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# nh3 leaves class="" behind when none of a tag's classes is allowed. The serialiser
# escapes '<' in text and '"' in attribute values, so this only ever matches in a tag.
_EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')


@cache
def _cleaner() -> nh3.Cleaner:
    # Built once, on first use; the cleaner holds no state between calls.
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(CONTENT_DROPPED),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def sanitise_html(html: str) -> str:
    """The HTML fragment with everything outside the allow-list removed."""
    return _EMPTY_CLASS.sub(r"\1", _cleaner().clean(html))
