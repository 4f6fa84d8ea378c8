"""A WordPress post's HTML as Redaksi Markdown.

1. Shortcodes first, each replaced by a placeholder paragraph so the HTML converter cannot
   reflow what it becomes:

   - ``[caption]<img …> Caption[/caption]`` → a figure: the image line, the caption under it
     and a ``Foto:`` credit line when the caption ends with one (editor.render.figures);
   - ``[gallery ids="1,2"]`` → one figure per attachment, with its caption;
   - ``[embed]URL[/embed]``, ``[youtube URL]``, ``[tweet URL]``, ``[twitter url=…]`` and a
     YouTube or X address alone on its line → the address alone on its line, which Redaksi
     shows as an embed card (editor.render.embeds);
   - any other shortcode stays as it was typed, visibly, and is named in the result so the
     import report (and the pre-publish checklist) can point at it.

2. WordPress keeps paragraphs as blank lines, not ``<p>`` (its ``wpautop`` adds them when
   it shows a post), so text between blank lines becomes a paragraph and a lone line break
   a ``<br>``, as on the old site.

3. html2text turns the HTML into Markdown: headings with ``#``, lists with ``-``, links and
   images inline, no line wrapping.

Image addresses under ``wp-content/uploads/`` are given to ``media`` (editor.wordpress.media),
which says what the Markdown should point at (the newsroom's media folder, or the address
as it was when the file is not at hand).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from editor.html_markdown import converter as html_to_markdown

#: A shortcode's opening tag: [name attrs] or [name=value]; [[name]] is WordPress's escape.
_OPENING = re.compile(r"(?<!\[)\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:=|\s)[^\]]*)?\](?!\])")
_ATTR = re.compile(
    r"""(?P<key>[\w-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+))"""
)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMG_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_BLOCK_START = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|figure|div|hr|dl|"
    r"section|address|!--)[\s>/-]",
    re.IGNORECASE,
)
_URL_LINE = re.compile(
    r"^\s*(https?://(?:www\.|m\.)?(?:youtube\.com|youtu\.be|twitter\.com|x\.com)/\S+)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*\(?(?:foto|photo|kredit|credit)\s*:\s*(?P<credit>[^()]+)\)?\s*$", re.I
)
_ESCAPED = re.compile(r"\[\[([a-zA-Z][^\[\]\n]*)\]\]")
_PLACEHOLDER = "REDAKSIWPBLOCK{}X"
#: Shortcodes that wrap content, so their closing tag belongs to them.
_ENCLOSING = ("caption", "wp_caption", "embed", "youtube", "tweet", "twitter")
EMBED_NAMES = ("embed", "youtube", "tweet", "twitter", "x")


@dataclass(frozen=True)
class Attachment:
    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass
class Converted:
    markdown: str
    #: Shortcodes kept as typed (no Redaksi equivalent), by name, in order of appearance.
    unknown_shortcodes: list[str] = field(default_factory=list)


def _attrs(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    text = text.strip()
    if text.startswith("="):  # [youtube=https://…]
        return {"": text[1:].strip().strip("\"'")}
    for match in _ATTR.finditer(text):
        value = match.group("dq") or match.group("sq") or match.group("bare") or ""
        found[match.group("key").lower()] = html.unescape(value)
    bare = _ATTR.sub("", text).strip()
    if bare:
        found.setdefault("", bare.split()[0].strip("\"'"))
    return found


def _image(tag: str) -> tuple[str, str]:
    values = {m.group(1).lower(): m.group(2) or m.group(3) or "" for m in _IMG_ATTR.finditer(tag)}
    return html.unescape(values.get("src", "")), html.unescape(values.get("alt", ""))


def _strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _figure(src: str, alt: str, caption: str, credit: str) -> str:
    if not credit:
        found = _CREDIT.match(caption)
        if found is not None and found.group("caption"):
            caption, credit = found.group("caption"), found.group("credit").strip()
    lines = [f"![{alt.replace(']', '')}]({src.replace(' ', '%20')})"]
    if caption:
        lines.append(" ".join(caption.split()))
    if credit:
        lines.append(f"Foto: {credit}")
    return "\n".join(lines)


class _Converter:
    def __init__(self, attachments: Mapping[int, Attachment], media: Callable[[str], str]) -> None:
        self.attachments = attachments
        self.media = media
        self.blocks: list[str] = []
        self.unknown: list[str] = []

    def block(self, markdown: str) -> str:
        self.blocks.append(markdown)
        return f"\n\n<p>{_PLACEHOLDER.format(len(self.blocks) - 1)}</p>\n\n"

    def shortcodes(self, text: str) -> str:
        out: list[str] = []
        position = 0
        while True:
            match = _OPENING.search(text, position)
            if match is None:
                out.append(text[position:])
                return "".join(out)
            out.append(text[position : match.start()])
            name = match.group("name").lower()
            attrs = _attrs(match.group("attrs") or "")
            inner, end = "", match.end()
            closing = f"[/{match.group('name')}]"
            if name in _ENCLOSING:
                close_at = text.find(closing, match.end())
                if close_at >= 0:
                    inner, end = text[match.end() : close_at], close_at + len(closing)
            replacement = self.shortcode(name, attrs, inner)
            if replacement is None:
                self.unknown.append(name)
                out.append(match.group(0))
                position = match.end()
            else:
                out.append(replacement)
                position = end

    def shortcode(self, name: str, attrs: dict[str, str], inner: str) -> str | None:
        if name in ("caption", "wp_caption"):
            image = _IMG.search(inner)
            if image is None:
                return None
            src, alt = _image(image.group(0))
            caption = attrs.get("caption") or _strip_tags(_IMG.sub("", inner))
            return self.block(_figure(self.media(src), alt, caption, ""))
        if name == "gallery":
            ids = [int(part) for part in re.findall(r"\d+", attrs.get("ids", ""))]
            figures = [
                _figure(self.media(found.url), found.alt, found.caption, found.credit)
                for found in (self.attachments.get(i) for i in ids)
                if found is not None
            ]
            return self.block("\n\n".join(figures)) if figures else None
        if name in EMBED_NAMES:
            url = (inner.strip() or attrs.get("url") or attrs.get("") or "").strip()
            if not url.startswith(("https://", "http://")):
                return None
            return self.block(url)
        return None


def _autop(text: str) -> str:
    """WordPress's paragraphs: blank-line separated text that is not already a block."""
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br />\n") + "</p>")
    return "\n\n".join(out)


_UPLOAD_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']+)\2""", re.IGNORECASE)


def to_markdown(
    content: str,
    *,
    attachments: Mapping[int, Attachment] | None = None,
    media: Callable[[str], str] = lambda url: url,
) -> Converted:
    """The Markdown for a post's ``content:encoded``."""
    converter = _Converter(attachments or {}, media)
    text = _URL_LINE.sub(lambda m: converter.block(m.group(1)), content)
    text = converter.shortcodes(text)
    text = _UPLOAD_SRC.sub(
        lambda m: m.group(1) + '"' + html.escape(media(html.unescape(m.group(3)))) + '"', text
    )
    markdown = html_to_markdown().handle(_autop(text))
    for number, block in enumerate(converter.blocks):
        markdown = markdown.replace(_PLACEHOLDER.format(number), block)
    # WordPress's escape for a literal shortcode, which Redaksi would read as a note.
    markdown = _ESCAPED.sub(r"[\1]", markdown)
    lines = [line.rstrip() if not line.endswith("  ") else line for line in markdown.split("\n")]
    markdown = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return Converted(markdown + "\n" if markdown else "", converter.unknown)
