"""The list pages of the site: home, UPDATE, Populer, sections, reporters and tags.

Each page's fingerprint holds only what it shows (its teasers, its neighbours' links, the
sidebar), so a page whose stories stay put is never made again. Lists that grow at the
top are paged from the oldest (``pagination``): a new story rewrites their first pages,
not the archive behind them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from markupsafe import Markup

from editor.publish import front
from editor.publish.job import Job, folder_file
from editor.publish.model import PublicArticle, SiteSection, digest
from editor.publish.pages import (
    PAGE_SIZE,
    Crumb,
    ListPage,
    feeds_of,
    render_front,
    render_listing,
)
from editor.publish.pagination import FIRST, ranked_pages, stable_pages
from editor.publish.sidebar import ListEntry
from editor.publish.teasers import Teaser
from editor.publish.urls import LATEST, POPULAR, tag_path

if TYPE_CHECKING:
    from editor.publish.plan import Planner

HOME_LENGTH = 10


def listing_jobs(planner: Planner) -> list[Job]:
    articles = list(planner.data.articles)
    site = planner.site.name
    home = ListPage(site, "/", description=f"Berita terkini dan terpopuler dari {site}.")
    jobs = paged_jobs(
        planner,
        home,
        articles[:HOME_LENGTH],
        size=HOME_LENGTH,
        as_front=True,
        extra_key=blocks_key(planner),
    )
    latest = ListPage("UPDATE", LATEST, description=f"Berita terbaru {site}.")
    jobs += paged_jobs(
        planner, latest, _articles(planner, planner.latest), leads=False, sidebar_only="populer"
    )
    popular = ListPage(
        "Populer",
        POPULAR,
        description=f"Berita paling banyak dibaca di {site}.",
        numbered=True,
    )
    # Its page is the list itself: the sidebar beside (below, on phones) shows only
    # UPDATE, so the same list never follows itself. Ranked: reordered as a whole.
    jobs += paged_jobs(
        planner,
        popular,
        _articles(planner, planner.popular),
        leads=False,
        sidebar_only="update",
        ranked=True,
    )
    for section, items in planner.section_articles().items():
        jobs += paged_jobs(
            planner, section_page(planner, section), items, as_front=True, own_section=section
        )
    for author in planner.authors():
        page = ListPage(
            author.name,
            author.url,
            description=f"Berita tulisan {author.name} di {site}.",
            eyebrow="Penulis",
            profile=(author.name, author.url),
        )
        jobs += paged_jobs(planner, page, list(author.articles))
    tags: dict[str, tuple[str, list[PublicArticle]]] = {}
    for article in articles:
        for tag in article.tags:
            tags.setdefault(tag.slug, (tag.name, []))[1].append(article)
    for slug, (name, items) in sorted(tags.items()):
        jobs += paged_jobs(planner, ListPage(f"Tag: {name}", tag_path(slug)), items)
    return jobs


def section_page(planner: Planner, section: SiteSection) -> ListPage:
    site = planner.site.name
    chain = planner.chain(section)
    return ListPage(
        section.name,
        section.url,
        description=f"Berita {section.name} terkini dari {site}.",
        feeds=feeds_of(planner.site, section.url, f"{site}: {section.name}"),
        trail=tuple(s.url for s in chain),
        crumbs=tuple(Crumb(s.name, s.url) for s in chain[:-1]),
    )


def paged_jobs(
    planner: Planner,
    list_page: ListPage,
    items: Sequence[PublicArticle],
    *,
    size: int = PAGE_SIZE,
    leads: bool = True,
    as_front: bool = False,
    sidebar_only: str | None = None,
    own_section: SiteSection | None = None,
    extra_key: str = "",
    ranked: bool = False,
) -> list[Job]:
    """The pages of one list; ``as_front``: its first page laid out as a front page."""
    pages = (ranked_pages if ranked else stable_pages)(len(items), size)
    return [
        _page_job(
            planner,
            replace(list_page, page=page.number, newer=page.newer, older=page.older),
            items[page.start : page.end],
            leads=leads,
            as_front=as_front and page.number == FIRST,
            sidebar_only=sidebar_only,
            own_section=own_section,
            extra_key=extra_key,
        )
        for page in pages
    ]


def _page_job(
    planner: Planner,
    this: ListPage,
    chunk: Sequence[PublicArticle],
    *,
    leads: bool,
    as_front: bool,
    sidebar_only: str | None,
    own_section: SiteSection | None,
    extra_key: str,
) -> Job:
    def make() -> bytes:
        # Only the page's own teasers: most pages are never made at all.
        sidebar = planner.sidebar(sidebar_only)
        if as_front and chunk:
            return _front_page(planner, this, chunk, sidebar, own_section).encode()
        teasers = [
            _teaser(planner, a, own_section, "thumb", lazy=n > 2, lead=leads)
            for n, a in enumerate(chunk)
        ]
        return render_listing(planner.site, this, teasers, sidebar).encode()

    key = planner.key(
        "l",
        this,
        as_front,
        planner.teasers.key(list(chunk)),
        leads,
        sidebar_only,
        planner.sidebar_key,
        extra_key,
        own_section,
    )
    return Job(folder_file(this.url(this.page)), key, make)


def _teaser(
    planner: Planner,
    article: PublicArticle,
    own_section: SiteSection | None,
    slot: str | None,
    *,
    lazy: bool = True,
    lead: bool = True,
) -> Teaser:
    teaser = planner.teasers.make(article, slot, lazy=lazy, lead=lead)
    if own_section is not None and article.section == own_section:
        teaser = replace(teaser, section_name="", section_url="")
    return teaser


def _front_page(
    planner: Planner,
    page: ListPage,
    chunk: Sequence[PublicArticle],
    sidebar: Markup,
    own_section: SiteSection | None,
) -> str:
    plan = front.layout(chunk, planner.has_picture)
    assert plan.headline is not None
    home = page.folder == "/"
    blocks = (
        front.section_blocks(
            planner.data.sections, planner.section_articles(), planner.teasers, plan.shown
        )
        if home
        else []
    )
    return render_front(
        planner.site,
        page,
        sidebar,
        headline=_teaser(planner, plan.headline, own_section, "headline", lazy=False),
        secondary=[
            _teaser(planner, a, own_section, "card", lazy=False, lead=False) for a in plan.secondary
        ],
        blocks=blocks,
        items=[] if home else [_teaser(planner, a, own_section, "thumb") for a in plan.rest],
        latest_title="Berita Terbaru",
    )


def _articles(planner: Planner, entries: Sequence[ListEntry]) -> list[PublicArticle]:
    by_id = planner.data.by_id
    return [by_id[e.article_id] for e in entries if e.article_id in by_id]


def blocks_key(planner: Planner) -> str:
    """What the home page's section blocks can show: the first stories of each
    section (enough to fill a block after the stories above it are left out)."""
    reach = front.BLOCK_LENGTH + front.SECONDARY + 1
    by_section = planner.section_articles()
    return digest(
        *(
            (s.id, s.name, s.url, s.position, planner.teasers.key(by_section.get(s, [])[:reach]))
            for s in planner.data.sections
        )
    )
