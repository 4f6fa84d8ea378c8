"""The allow-list every rendered article passes through before it reaches a page.

Raw HTML typed into Markdown is untrusted, so the final HTML (not the Markdown) is
cleaned with nh3: only the tags, attributes, classes and URL schemes below survive.
Event handler and ``style`` attributes are never allowed; links and images may only
point to http(s), mailto and tel addresses or relative paths, so ``javascript:``,
``vbscript:`` and ``data:`` URLs, however disguised with entities, case or whitespace,
are removed. Every link gets ``rel="noopener noreferrer"``. Control characters and
non-characters, which no page may carry, are taken out (``editor.code_points``).

Elements that swallow what follows them (``script``, ``style``, ``iframe``, ``textarea``,
``title``, ``svg`` …) get special care first. A complete one, such as the script
line of a pasted tweet embed, is removed with its content. An unclosed one would
swallow the rest of the article, so its tag is turned into visible text instead: the
reporter sees what they typed in the preview and no paragraph after it disappears.
"""

from __future__ import annotations

import re
from functools import cache

import nh3

from editor.code_points import publishable

TAGS = frozenset(
    {
        "a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd",
        "del", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    }
)  # fmt: skip
# Elements that swallow what follows them: the HTML parser reads their content as raw
# text (script, style, …) or foreign markup the cleaner drops whole (svg, math).
SWALLOWING_TAGS = (
    "script", "style", "iframe", "textarea", "title", "xmp", "noembed", "noframes",
    "noscript", "plaintext", "template", "select", "svg", "math",
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
#: A picture of the newsroom's media library (``media:<sha256>``): only as an image's
#: source, which the publish and the preview replace with the real picture.
MEDIA_SCHEME = "media"
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})

_RAW_NAMES = "|".join(SWALLOWING_TAGS)
_COMPLETE_RAW_ELEMENT = re.compile(
    rf"<({_RAW_NAMES})(?=[\s/>])[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_LEFTOVER_RAW_TAG = re.compile(rf"<(/?(?:{_RAW_NAMES}))(?=[\s/>]|$)", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_MEDIA_REF = re.compile(r"^media:[0-9a-f]{64}$")
# nh3 leaves class="" behind when none of a tag's classes is allowed. The serialiser
# escapes '<' in text and '"' in attribute values, so this only ever matches in a tag.
_EMPTY_CLASS = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')
# A link or picture tag as the serialiser writes it: every attribute quoted, '"' escaped
# inside values, so each value is one "[^"]*" and the tag ends at the first '>' after them.
_LINK_OR_PICTURE = re.compile(r'<(a|img)((?: [a-z][a-z0-9-]*="[^"]*")*)( ?/?)>')
_LINK_REL_VALUE = "noopener noreferrer"
_LINK_REL = f' rel="{_LINK_REL_VALUE}"'


def _refuse_hidden_schemes(tag: str, attribute: str, value: str) -> str | None:
    """Drop URLs whose scheme only looks harmless because of spaces or control characters.

    Browsers ignore tabs and newlines inside a URL, and a Markdown tab becomes spaces;
    "jav  ascript:" is garbage either way, so it goes rather than passing as relative.
    """
    if attribute not in _URL_ATTRIBUTES:
        return value
    compact = "".join(ch for ch in value if ch > " " and ch != "\x7f").lower()
    scheme = _SCHEME.match(compact)
    if scheme is not None and scheme.group(1) == MEDIA_SCHEME:
        return value if tag == "img" and attribute == "src" and _MEDIA_REF.match(value) else None
    if scheme is not None and scheme.group(1) not in URL_SCHEMES:
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    # Built once, on first use; the cleaner holds no state between calls.
    return nh3.Cleaner(
        tags=set(TAGS),
        clean_content_tags=set(SWALLOWING_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_refuse_hidden_schemes,
        allowed_classes={tag: set(names) for tag, names in CLASSES.items()},
        url_schemes={*URL_SCHEMES, MEDIA_SCHEME},
        link_rel=_LINK_REL_VALUE,
        strip_comments=True,
    )


def _defuse_raw_text(html: str) -> str:
    html = _COMPLETE_RAW_ELEMENT.sub("", html)
    return _LEFTOVER_RAW_TAG.sub(r"&lt;\1", html)


def _complete_tag(match: re.Match[str]) -> str:
    """A link whose address was refused keeps its text without a ``rel`` (which HTML
    allows only beside an ``href``); a picture typed without ``alt`` gets an empty one,
    which HTML requires (the checklist asks the reporter for a real description)."""
    name, attributes, end = match.groups()
    if name == "a" and ' href="' not in attributes:
        attributes = attributes.replace(_LINK_REL, "")
    elif name == "img" and ' alt="' not in attributes:
        attributes = ' alt=""' + attributes
    return f"<{name}{attributes}{end}>"


def sanitise_html(html: str) -> str:
    """The HTML fragment with everything outside the allow-list removed."""
    cleaned = _EMPTY_CLASS.sub(r"\1", _cleaner().clean(_defuse_raw_text(html)))
    return publishable(_LINK_OR_PICTURE.sub(_complete_tag, cleaned))
