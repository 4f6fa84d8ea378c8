"""HTML pages: one per article, and the paginated lists (home, sections, tags, Populer, UPDATE)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

from editor.dates import dateline
from editor.publish.corrections import corrections_html
from editor.publish.model import PublicArticle, SiteData, SiteSection
from editor.publish.sidebar import ListEntry, TimeTexts
from editor.publish.summary import describe
from editor.publish.templates import template
from editor.publish.urls import author_path

PAGE_SIZE = 20


@dataclass(frozen=True)
class SiteInfo:
    """What every page needs to know about the site itself."""

    name: str
    #: Absolute base URL without a trailing slash: "https://example.id".
    base: str
    #: The base URL's path without a trailing slash ("" at a domain root), put before
    #: every site-absolute link so the site also works below a folder.
    root: str
    zone: str
    nav: tuple[SiteSection, ...]
    language: str = "id"
    #: The publisher logo (site path, width, height): JSON-LD ``publisher.logo``.
    logo: tuple[str, int, int] | None = None
    #: A logo IT configured is shown in the header; the drawn default is not (the
    #: header's text says the same, sharper).
    logo_in_header: bool = False
    #: Site path of the picture shared for pages without one of their own (og:image).
    share_image: str = ""


@dataclass(frozen=True)
class Feed:
    """A feed a page advertises with ``<link rel="alternate">``."""

    title: str
    kind: str
    url: str


def feeds_of(site: SiteInfo, folder: str, title: str) -> tuple[Feed, ...]:
    prefix = folder if folder.endswith("/") else folder + "/"
    return (
        Feed(title, "application/rss+xml", f"{prefix}rss.xml"),
        Feed(title, "application/atom+xml", f"{prefix}atom.xml"),
    )


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


def iso(when: datetime) -> str:
    return when.isoformat().replace("+00:00", "Z")


def _json_script(data: object) -> Markup:
    # "<" escaped so no string inside can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def publisher(site: SiteInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "NewsMediaOrganization",
        "name": site.name,
        "url": site.base + "/",
    }
    if site.logo is not None:
        path, width, height = site.logo
        data["logo"] = {
            "@type": "ImageObject",
            "url": site.base + path,
            "width": width,
            "height": height,
        }
    return data


def breadcrumb_ld(site: SiteInfo, crumbs: Sequence[Crumb], last: tuple[str, str]) -> dict[str, Any]:
    """schema.org BreadcrumbList: the site, the crumbs shown, then the page itself."""
    trail = [(site.name, "/"), *((c.name, c.url) for c in crumbs if c.url != "/"), last]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": site.base + url}
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def json_ld(
    article: PublicArticle,
    site: SiteInfo,
    image_url: str | None,
    section: str | None,
    description: str = "",
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "datePublished": iso(article.published_at),
        "dateModified": iso(max(article.updated_at, article.published_at)),
        "inLanguage": article.language,
        "mainEntityOfPage": site.base + article.url,
        "url": site.base + article.url,
        "publisher": publisher(site),
        "wordCount": article.word_count,
    }
    if article.bylines:
        handles = getattr(article, "byline_handles", ())
        authors: list[dict[str, Any]] = []
        for index, name in enumerate(article.bylines):
            author = {"@type": "Person", "name": name}
            if index < len(handles):
                author["url"] = site.base + author_path(handles[index])
            authors.append(author)
        data["author"] = authors
    if description:
        data["description"] = description
    if image_url:
        data["image"] = [image_url]
    if section:
        data["articleSection"] = section
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    return data


def render_article(
    article: PublicArticle,
    *,
    site: SiteInfo,
    data: SiteData,
    body_html: str,
    sidebar: Markup,
    image_src: str | None,
    image_url: str | None,
    image_html: Markup | None = None,
) -> str:
    chain = data.section_chain(article.section)
    crumbs = [Crumb(section.name, section.url) for section in chain] or [Crumb(site.name, "/")]
    description = describe(article.lead, body_html)
    share = image_url or (site.base + site.share_image if site.share_image else None)
    authors = [
        (name, author_path(handle))
        for name, handle in zip(
            article.bylines, getattr(article, "byline_handles", ()), strict=False
        )
    ]
    return template("article.html").render(
        root=site.root,
        lang=article.language,
        site=site,
        title=article.headline,
        canonical=site.base + article.url,
        description=description,
        image=share,
        feeds=(),
        current=chain[0].url if chain else None,
        authors=authors,
        og_type="article",
        article=article,
        breadcrumb=crumbs,
        dateline=dateline(
            article.published_at, zone=site.zone, language=article.language, byline=article.byline
        ),
        published_iso=iso(article.published_at),
        modified_iso=iso(max(article.updated_at, article.published_at)),
        image_src=image_src,
        image_html=image_html,
        body_html=Markup(body_html),
        corrections=corrections_html(
            getattr(article, "corrections", ()), zone=site.zone, language=article.language
        ),
        json_ld=_json_script(
            json_ld(article, site, share, chain[-1].name if chain else None, description)
        ),
        breadcrumb_ld=_json_script(
            breadcrumb_ld(
                site, [Crumb(s.name, s.url) for s in chain], (article.headline, article.url)
            )
        ),
        sidebar=sidebar,
    )


@dataclass(frozen=True)
class Teaser:
    url: str
    headline: str
    time: str
    lead: str


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def render_listing(
    *,
    site: SiteInfo,
    heading: str,
    folder_url: str,
    page_url: Callable[[int], str],
    items: Sequence[ListEntry | PublicArticle],
    page: int,
    pages: int,
    times: TimeTexts,
    sidebar: Markup,
    empty_text: str = "Belum ada berita.",
    leads: dict[Any, str] | None = None,
    description: str = "",
    feeds: Sequence[Feed] = (),
    current: str | None = None,
    crumbs: Sequence[Crumb] = (),
) -> str:
    teasers = [
        Teaser(
            url=item.url,
            headline=item.headline,
            time=times(item.published_at, item.language),
            lead=(leads or {}).get(_item_id(item), ""),
        )
        for item in items
    ]
    title = heading if page == 1 else f"{heading} (halaman {page})"
    return template("listing.html").render(
        root=site.root,
        lang=site.language,
        site=site,
        title=title,
        canonical=site.base + page_url(page),
        description=description or f"{heading} - {site.name}",
        image=site.base + site.share_image if site.share_image else None,
        feeds=feeds,
        current=current,
        breadcrumb_ld=_json_script(breadcrumb_ld(site, crumbs, (heading, page_url(1))))
        if crumbs or folder_url != "/"
        else None,
        heading=heading,
        items=teasers,
        page=page,
        pages=pages,
        prev_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page < pages else None,
        sidebar=sidebar,
        empty_text=empty_text,
    )


def _item_id(item: ListEntry | PublicArticle) -> Any:
    return item.article_id if isinstance(item, ListEntry) else item.id


@dataclass(frozen=True)
class SidebarBlock:
    key: str
    title: str
    more_url: str
    items: tuple[dict[str, str], ...]


def render_sidebar(
    site: SiteInfo,
    popular: Sequence[ListEntry],
    latest: Sequence[ListEntry],
    times: TimeTexts,
    *,
    only: str | None = None,
) -> str:
    """The Populer and UPDATE lists (or ``only`` one of them) as an HTML fragment."""

    def items(entries: Sequence[ListEntry]) -> tuple[dict[str, str], ...]:
        return tuple(
            {
                "url": e.url,
                "headline": e.headline,
                "iso": iso(e.published_at),
                "time": times(e.published_at, e.language),
            }
            for e in entries
        )

    blocks = [
        SidebarBlock("populer", "Populer", "/populer/", items(popular)),
        SidebarBlock("update", "UPDATE", "/update/", items(latest)),
    ]
    if only is not None:
        blocks = [block for block in blocks if block.key == only]
    return template("sidebar.html").render(root=site.root, blocks=blocks)


def render_ssi_sidebar(site: SiteInfo) -> str:
    return template("sidebar-ssi.html").render(root=site.root)
