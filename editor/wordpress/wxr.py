"""Reading a WordPress export (WXR 1.0-1.2: RSS with the ``wp:`` elements) as a stream.

The file is read with lxml's incremental parser and each ``<item>`` is let go once it is
handed on, so a 2 GB export is read in bounded memory. The parser resolves no entities and
uses no network, and a file with a DTD (``<!DOCTYPE …>``, which WordPress never writes) is
refused before its first element is used: an entity bomb ("billion laughs") or an external
entity that would read a local file gets one line, not a hang or a leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from editor.i18n import _
from editor.outside_files import UnreadableFile, open_regular

_WP = "http://wordpress.org/export/"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"


class WxrError(ValueError):
    """The file cannot be read as a WordPress export; the message is one line."""


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclass(frozen=True)
class Category:
    nicename: str
    name: str
    #: The parent's nicename, "" at the top.
    parent: str


@dataclass(frozen=True)
class Term:
    """A post's category or tag: ``domain`` is "category" or "post_tag"."""

    domain: str
    nicename: str
    name: str


@dataclass(frozen=True)
class Item:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    post_name: str
    #: "YYYY-MM-DD HH:MM:SS"; the GMT one is "0000-00-00 00:00:00" for an unsent draft.
    post_date: str
    post_date_gmt: str
    parent: int
    attachment_url: str
    terms: tuple[Term, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)
    #: The item's XML, for its fingerprint (a re-import of the same item is unchanged).
    raw: bytes = b""
    #: When the post was last edited, as post_date_gmt.
    post_modified_gmt: str = ""


@dataclass
class Channel:
    """What the export says about the site, before its items."""

    base_url: str = ""
    #: The site's language as RSS says it ("id-ID", "en-US").
    language: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)


def _local(element: Any) -> tuple[str, str]:
    qname = etree.QName(element)
    return qname.namespace or "", qname.localname


def _text(element: Any) -> str:
    return (element.text or "").strip()


def _is_wp(namespace: str) -> bool:
    return namespace.startswith(_WP) and "/excerpt/" not in namespace


def _number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def _item(element: Any) -> Item:
    values: dict[str, str] = {}
    terms: list[Term] = []
    meta: dict[str, str] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        namespace, name = _local(child)
        if namespace == "" and name == "category":
            terms.append(Term(child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif _is_wp(namespace) and name == "postmeta":
            parts = {_local(part)[1]: part.text or "" for part in child}
            meta[parts.get("meta_key", "")] = parts.get("meta_value", "")
        elif namespace == _CONTENT and name == "encoded":
            values["content"] = child.text or ""
        elif namespace.startswith(_WP) and "/excerpt/" in namespace and name == "encoded":
            values["excerpt"] = (child.text or "").strip()
        elif namespace == _DC and name == "creator":
            values["creator"] = _text(child)
        elif namespace == "" or _is_wp(namespace):
            values.setdefault(name, _text(child))
    return Item(
        post_id=_number(values.get("post_id", "")),
        post_type=values.get("post_type", ""),
        status=values.get("status", ""),
        title=values.get("title", ""),
        link=values.get("link", ""),
        creator=values.get("creator", ""),
        content=values.get("content", ""),
        excerpt=values.get("excerpt", ""),
        post_name=values.get("post_name", ""),
        post_date=values.get("post_date", ""),
        post_date_gmt=values.get("post_date_gmt", ""),
        post_modified_gmt=values.get("post_modified_gmt", ""),
        parent=_number(values.get("post_parent", "")),
        attachment_url=values.get("attachment_url", ""),
        terms=tuple(terms),
        meta=meta,
        raw=etree.tostring(element),
    )


def _channel_entry(element: Any, channel: Channel) -> None:
    namespace, name = _local(element)
    if not _is_wp(namespace):
        if namespace == "" and name == "link" and not channel.base_url:
            channel.base_url = _text(element)
        elif namespace == "" and name == "language":
            channel.language = _text(element)
        return
    parts = {_local(child)[1]: _text(child) for child in element if isinstance(child.tag, str)}
    if name == "author":
        login = parts.get("author_login", "")
        if login:
            channel.authors[login] = Author(login, parts.get("author_display_name") or login)
    elif name == "category":
        nicename = parts.get("category_nicename", "")
        if nicename:
            channel.categories[nicename] = Category(
                nicename, parts.get("cat_name") or nicename, parts.get("category_parent", "")
            )
    elif name == "base_site_url":
        channel.base_url = _text(element)


def _dtd_refused() -> WxrError:
    return WxrError(
        _(
            "declares a DTD (<!DOCTYPE …>), which a WordPress export never has; it was "
            "refused so that no entity can expand or read other files."
        )
    )


#: The prologue (XML declaration, comments, any DTD) is looked at before parsing.
_PROLOGUE_BYTES = 64 * 1024
_DOCTYPE = re.compile(rb"<!\s*DOCTYPE", re.IGNORECASE)
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def _check_prologue(head: bytes) -> None:
    """Refuse a DTD before the parser sees it: libxml2 would read its declarations (and
    stop an entity bomb with a message about "amplification") before any element."""
    doctype = _DOCTYPE.search(head)
    first = _FIRST_ELEMENT.search(head)
    if doctype is not None and (first is None or doctype.start() < first.start()):
        raise _dtd_refused()


def _refuse_dtd(element: Any) -> None:
    info = element.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.system_url:
        raise _dtd_refused()


def read_export(path: Path, channel: Channel) -> Iterator[Item]:
    """Every ``<item>`` of the export at ``path``, in order; ``channel`` is filled with the
    site's authors and categories as they are met (WordPress writes them first).
    WxrError when the file is not a readable WordPress export."""
    try:
        stream = open_regular(path)
    except UnreadableFile as error:
        raise WxrError(error.reason) from None
    with stream:
        _check_prologue(stream.read(_PROLOGUE_BYTES))
        stream.seek(0)
        events = etree.iterparse(
            stream,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
        )
        depth = 0
        checked = False
        try:
            for event, element in events:
                if event == "start":
                    if not checked:
                        _refuse_dtd(element)
                        if _local(element)[1] != "rss":
                            raise WxrError(_("is not a WordPress export (no <rss> element)."))
                        checked = True
                    depth += 1
                    continue
                depth -= 1
                if depth != 2:  # rss > channel > (item | wp:author | wp:category | …)
                    continue
                if _local(element) == ("", "item"):
                    yield _item(element)
                else:
                    _channel_entry(element, channel)
                # Let go of what was read: the channel keeps no children behind it.
                element.clear()
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            raise WxrError(
                _("is not well-formed XML (line {line}): {reason}").format(
                    line=error.lineno, reason=error.msg
                )
            ) from None
