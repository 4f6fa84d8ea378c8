"""RSS 2.0 and Atom feeds, for the whole site and for each section.

Built from strings with XML escaping rather than a template: a feed is a few dozen lines
and must be byte-identical for the same data. Feed times come from the items themselves
(never the clock), so an unchanged feed keeps its bytes between publishes; an empty feed
takes the site's newest change. Correction notes are appended to an item's description
(as text) and content (the page's box). An item without a lead is described by its
first sentence; one with a lead picture carries it as an enclosure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape as html_escape
from xml.sax.saxutils import quoteattr

from editor.publish.corrections import corrections_html, corrections_text
from editor.publish.model import PublicArticle
from editor.publish.pages import SiteInfo, iso
from editor.publish.summary import describe
from editor.publish.xml_text import xml_clean, xml_text

FEED_LENGTH = 20


@dataclass(frozen=True)
class Enclosure:
    """An item's picture: absolute URL, size in bytes (RSS requires it), MIME type."""

    url: str
    length: int
    mime: str


Enclosures = Callable[[PublicArticle], Enclosure | None]


def _no_enclosure(_article: PublicArticle) -> Enclosure | None:
    return None


def _text(value: str) -> str:
    return xml_text(value)


def _attr(value: str) -> str:
    return quoteattr(xml_clean(value))


def _corrections_html(site: SiteInfo, article: PublicArticle) -> str:
    return str(corrections_html(article.corrections, zone=site.zone, language=article.language))


def _corrections_text(site: SiteInfo, article: PublicArticle) -> str:
    return corrections_text(article.corrections, zone=site.zone, language=article.language)


def rss(
    *,
    site: SiteInfo,
    title: str,
    page_url: str,
    feed_url: str,
    items: Sequence[PublicArticle],
    body_html: Callable[[PublicArticle], str],
    enclosure: Enclosures = _no_enclosure,
) -> str:
    newest = max((a.published_at for a in items), default=None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{_text(title)}</title>",
        f"<link>{_text(site.base + page_url)}</link>",
        f"<description>{_text(title)}</description>",
        f"<language>{site.language}</language>",
        f'<atom:link href={_attr(site.base + feed_url)} rel="self" type="application/rss+xml"/>',
    ]
    if newest is not None:
        lines.append(f"<lastBuildDate>{format_datetime(newest, usegmt=True)}</lastBuildDate>")
    for article in items:
        url = site.base + article.url
        lines += [
            "<item>",
            f"<title>{_text(article.headline)}</title>",
            f"<link>{_text(url)}</link>",
            f'<guid isPermaLink="false">urn:uuid:{article.id}</guid>',
            f"<pubDate>{format_datetime(article.published_at, usegmt=True)}</pubDate>",
        ]
        if article.bylines:
            lines.append(f"<dc:creator>{_text(article.byline)}</dc:creator>")
        if article.section is not None:
            lines.append(f"<category>{_text(article.section.name)}</category>")
        content = body_html(article)
        description = describe(article.lead, content) or article.headline
        if article.corrections:
            description += "\n\n" + _corrections_text(site, article)
            content += "\n" + _corrections_html(site, article)
        # Readers take an RSS description as HTML: escaped once as HTML, once as XML.
        lines.append(f"<description>{_text(html_escape(description))}</description>")
        lines.append(f"<content:encoded>{_text(content)}</content:encoded>")
        picture = enclosure(article)
        if picture is not None:
            lines.append(
                f'<enclosure url={_attr(picture.url)} length="{picture.length}"'
                f" type={_attr(picture.mime)}/>"
            )
        lines.append("</item>")
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def atom(
    *,
    site: SiteInfo,
    title: str,
    page_url: str,
    feed_url: str,
    items: Sequence[PublicArticle],
    body_html: Callable[[PublicArticle], str],
    empty_updated: datetime,
    enclosure: Enclosures = _no_enclosure,
) -> str:
    """``empty_updated``: what an empty feed's ``<updated>`` says (Atom requires one)."""
    updated = max((max(a.updated_at, a.published_at) for a in items), default=empty_updated)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.language}">',
        f"<title>{_text(title)}</title>",
        f"<id>{_text(site.base + feed_url)}</id>",
        f'<link rel="alternate" type="text/html" href={_attr(site.base + page_url)}/>',
        f'<link rel="self" type="application/atom+xml" href={_attr(site.base + feed_url)}/>',
        # Atom requires <updated>: an empty feed gives the site's newest change.
        f"<updated>{iso(updated)}</updated>",
        f"<author><name>{_text(site.name)}</name></author>",
    ]
    for article in items:
        url = site.base + article.url
        lines += [
            "<entry>",
            f"<title>{_text(article.headline)}</title>",
            f'<link rel="alternate" type="text/html" href={_attr(url)}/>',
            f"<id>urn:uuid:{article.id}</id>",
            f"<published>{iso(article.published_at)}</published>",
            f"<updated>{iso(max(article.updated_at, article.published_at))}</updated>",
        ]
        lines += [f"<author><name>{_text(name)}</name></author>" for name in article.bylines]
        if article.section is not None:
            lines.append(f"<category term={_attr(article.section.name)}/>")
        content = body_html(article)
        if article.corrections:
            content += "\n" + _corrections_html(site, article)
        summary = describe(article.lead, body_html(article))
        if summary:
            if article.corrections:
                summary += "\n\n" + _corrections_text(site, article)
            lines.append(f"<summary>{_text(summary)}</summary>")
        lines.append(f'<content type="html">{_text(content)}</content>')
        picture = enclosure(article)
        if picture is not None:
            lines.append(
                f'<link rel="enclosure" type={_attr(picture.mime)}'
                f' href={_attr(picture.url)} length="{picture.length}"/>'
            )
        lines.append("</entry>")
    lines += ["</feed>", ""]
    return "\n".join(lines)
