"""HTML as Redaksi Markdown: what a reporter pastes from a word processor or a web page.

html2text (also used by the WordPress import) writes the Markdown; before it, the HTML is
cleaned of what word processors and sites carry along:

- LibreOffice Writer: a ``<head>`` with page styles, ``<font face>``, ``<span lang>``,
  paragraph ``style`` margins, ``class="western"``;
- Google Docs: every run a ``<span style="font-weight:700; font-family:Arial; color…">``
  (bold and italic live only in those styles), the whole clipboard wrapped in
  ``<b style="font-weight:normal" id="docs-internal-guid-…">`` (bold in name only), and
  links through ``https://www.google.com/url?q=…``;
- Word and the web: ``<o:p>``, ``<meta>``, ``<style>``, ``<script>``, comments, tracking
  parameters (``utm_…``, ``fbclid``, ``gclid``) on links, and pictures, which come into
  an article only through the media library.

Headings, bold, italics, links, lists and quotes are kept. Qt-free.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import html2text
from lxml import html as lxml_html
from lxml.etree import Comment, ParserError

#: Past this size pasted HTML is not converted (the plain text is pasted instead): a
#: reporter's article is far smaller, and parsing megabytes would freeze the window.
MAX_HTML_CHARS = 2_000_000

_DROPPED = ("head", "style", "script", "meta", "title", "link", "img", "picture", "svg", "o:p")
_UNWRAPPED = ("span", "font", "div", "section", "article", "main", "u", "ins")
_BOLD = re.compile(r"font-weight:(?:bold|[6-9]00)")
_ITALIC = re.compile(r"font-style:italic")
_LIST_INDENT = re.compile(r"^  (?=\s*(?:-|\d+\.) )", re.MULTILINE)
_SPACED_PUNCTUATION = re.compile(r"(?<=\S)(\*{1,3}) (?=[,;:)”’»%])")
_HEADING_SPACE = re.compile(r"^(#{1,6})[ \t]{2,}", re.MULTILINE)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga|igshid)$", re.IGNORECASE)


def converter() -> html2text.HTML2Text:
    """html2text as Redaksi writes Markdown: no wrapping, ``-`` lists, ``*`` emphasis."""
    result = html2text.HTML2Text()
    result.body_width = 0  # no wrapping: a paragraph is one line, as typed
    result.unicode_snob = True  # keep é and – as they are, not ASCII stand-ins
    result.ul_item_mark = "-"
    result.emphasis_mark = "*"
    result.single_line_break = False
    result.wrap_links = False
    result.wrap_list_items = False
    result.pad_tables = False
    return result


def markdown_from_html(markup: str) -> str:
    """Clean Markdown for pasted ``markup``; "" when there is nothing to keep."""
    if not markup.strip() or len(markup) > MAX_HTML_CHARS:
        return ""
    try:
        cleaned = _clean(markup)
    except (ParserError, ValueError):
        return ""
    text = converter().handle(cleaned).replace("\u00a0", " ")
    # html2text indents every list by two spaces and puts a space between a closing
    # emphasis and the comma after it ("*pekan depan* ,"); neither was in the text.
    text = _LIST_INDENT.sub("", text)
    text = _SPACED_PUNCTUATION.sub(r"\1", text)
    text = text.replace("** *", "***")  # bold italic: html2text splits its marks
    # Writer's own HTML breaks the line after <h1>: the heading's text starts with a space.
    text = _HEADING_SPACE.sub(r"\1 ", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _clean(markup: str) -> str:
    document = lxml_html.document_fromstring(markup)
    for element in list(document.iter()):
        if element.tag is Comment or element.tag in _DROPPED:
            element.drop_tree()
    for element in list(document.iter()):
        if not isinstance(element.tag, str):
            continue
        _restyle(element)
    for element in list(document.iter()):
        if not isinstance(element.tag, str):
            continue
        inside_item = element.tag == "p" and element.getparent() is not None
        if element.tag in _UNWRAPPED or (inside_item and element.getparent().tag == "li"):
            element.drop_tag()
    return str(lxml_html.tostring(document, encoding="unicode"))


def _restyle(element: lxml_html.HtmlElement) -> None:
    """Bold and italic from styles; every attribute but a link's address dropped."""
    style = re.sub(r"\s+", "", element.get("style", "")).lower()
    href = element.get("href")
    for name in list(element.attrib):
        del element.attrib[name]
    if element.tag == "a":
        address = _untracked(href or "")
        if urlsplit(address).scheme.lower() in ("http", "https", "mailto"):
            element.set("href", address)
        else:
            element.tag = "span"  # a page's own or a script address: the words stay
        return
    if element.tag == "b" and "font-weight:normal" in style:
        element.tag = "span"  # Google Docs' wrapper: bold in name only
        return
    if element.tag in ("span", "font"):
        bold, italic = bool(_BOLD.search(style)), bool(_ITALIC.search(style))
        if bold:
            element.tag = "strong"
        elif italic:
            element.tag = "em"
        if bold and italic:
            inner = lxml_html.Element("em")
            inner.text, element.text = element.text, None
            for child in list(element):
                inner.append(child)
            element.append(inner)


def _untracked(href: str) -> str:
    """The address without Google's redirect and the tracking parameters."""
    parts = urlsplit(href.strip())
    if parts.netloc.endswith("google.com") and parts.path == "/url":
        target = dict(parse_qsl(parts.query)).get("q", "")
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
    if not parts.query:
        return urlunsplit(parts)
    kept = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))
