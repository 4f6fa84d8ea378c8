"""HTML pages: one per article, and the paginated lists (home, sections, tags, Populer, UPDATE)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from editor.dates import dateline
from editor.publish.corrections import corrections_html
from editor.publish.model import PublicArticle, SiteData, SiteSection
from editor.publish.sidebar import ListEntry, TimeTexts
from editor.publish.summary import describe
from editor.publish.templates import template
from editor.publish.urls import author_path, paged

if TYPE_CHECKING:
    from editor.publish.front import SectionBlock
    from editor.publish.teasers import Teaser

PAGE_SIZE = 20
#: A translation's language as its own readers name it, and the line that offers it, in
#: the article's language.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
READ_IN = {"id": "Baca dalam", "en": "Read in"}


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
    #: Every section: the navigation's second row shows subsections.
    sections: tuple[SiteSection, ...] = ()
    #: The publisher logo (site path, width, height): JSON-LD ``publisher.logo``.
    logo: tuple[str, int, int] | None = None
    #: A logo IT configured is shown in the header; the drawn default is not (the
    #: header's text says the same, sharper).
    logo_in_header: bool = False
    #: Site path of the picture shared for pages without one of their own (og:image).
    share_image: str = ""

    def subnav(self, trail: Sequence[str]) -> list[SiteSection]:
        """The second navigation row: the subsections of the page's top section, or on
        pages outside any section, the subsections of every top section."""
        tops = [s for s in self.nav if s.url in trail] or list(self.nav)
        rank = {s.id: n for n, s in enumerate(tops)}
        return sorted(
            (s for s in self.sections if s.parent_id in rank),
            key=lambda s: (rank.get(s.parent_id, 0) if s.parent_id else 0, s.position, s.name),
        )


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
    alternates: tuple[tuple[str, str], ...] = (),
) -> str:
    """``alternates``: the article's translations, (language, address) pairs."""
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
        trail=tuple(section.url for section in chain),
        authors=authors,
        og_type="article",
        article=article,
        alternates=alternates,
        language_names=LANGUAGE_NAMES,
        read_in=READ_IN.get(article.language, READ_IN["en"]),
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
        ld_scripts=[
            _json_script(
                breadcrumb_ld(
                    site, [Crumb(s.name, s.url) for s in chain], (article.headline, article.url)
                )
            )
        ],
        sidebar=sidebar,
    )


@dataclass(frozen=True)
class ListPage:
    """One page of a list (home, a section, a tag, an author, Populer, UPDATE)."""

    heading: str
    #: The list's first page (its folder): "/berita/dunia/".
    folder: str
    #: 0: the list's first page (its folder); then 1, 2, … (see ``pagination``).
    page: int = 0
    #: The neighbouring pages' numbers, None where there is none.
    newer: int | None = None
    older: int | None = None
    description: str = ""
    feeds: tuple[Feed, ...] = ()
    #: The sections the page belongs to, top first (marked in the navigation).
    trail: tuple[str, ...] = ()
    crumbs: tuple[Crumb, ...] = ()
    #: A word above the heading ("Penulis").
    eyebrow: str = ""
    numbered: bool = False
    #: Extra JSON-LD for the page (an author's ProfilePage), as (type, name, url).
    profile: tuple[str, str] | None = None

    def url(self, page: int) -> str:
        return paged(self.folder, page)


def _list_context(site: SiteInfo, page: ListPage, sidebar: Markup) -> dict[str, Any]:
    title = f"{page.heading} (halaman {page.page})" if page.page else page.heading
    home = page.folder == "/"
    scripts = []
    if not home:
        scripts.append(breadcrumb_ld(site, page.crumbs, (page.heading, page.folder)))
    if page.profile is not None:
        name, url = page.profile
        scripts.append(
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "url": site.base + page.url(page.page),
                "mainEntity": {"@type": "Person", "name": name, "url": site.base + url},
            }
        )
    return {
        "root": site.root,
        "lang": site.language,
        "site": site,
        "title": title,
        "canonical": site.base + page.url(page.page),
        "description": page.description or f"{page.heading} - {site.name}",
        "image": site.base + site.share_image if site.share_image else None,
        "feeds": page.feeds,
        "trail": page.trail,
        "ld_scripts": [_json_script(data) for data in scripts],
        "heading": page.heading,
        "eyebrow": page.eyebrow,
        "numbered": page.numbered,
        "page": page.page,
        "prev_url": page.url(page.newer) if page.newer is not None else None,
        "next_url": page.url(page.older) if page.older is not None else None,
        "sidebar": sidebar,
        "is_home": home,
    }


def render_listing(
    site: SiteInfo,
    page: ListPage,
    teasers: Sequence[Teaser],
    sidebar: Markup,
    *,
    empty_text: str = "Belum ada berita.",
) -> str:
    context = _list_context(site, page, sidebar)
    return template("listing.html").render(items=teasers, empty_text=empty_text, **context)


def render_front(
    site: SiteInfo,
    page: ListPage,
    sidebar: Markup,
    *,
    headline: Teaser | None,
    secondary: Sequence[Teaser],
    blocks: Sequence[SectionBlock] = (),
    items: Sequence[Teaser] = (),
    latest_title: str = "Berita Terbaru",
    empty_text: str = "Belum ada berita.",
) -> str:
    """A portal front page: headline story, secondary row, section blocks, the rest."""
    context = _list_context(site, page, sidebar)
    return template("front.html").render(
        headline=headline,
        secondary=secondary,
        blocks=blocks,
        items=items,
        latest_title=latest_title,
        empty_text=empty_text,
        **context,
    )


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


def render_ssi_sidebar(site: SiteInfo, only: str | None = None) -> str:
    """The include of the shared fragment (or of ``only`` one list's)."""
    return template("sidebar-ssi.html").render(root=site.root, fragment=only or "sidebar")
