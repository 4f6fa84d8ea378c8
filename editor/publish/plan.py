"""Every file of the site as a job: its path, the fingerprint of its inputs, how to make it.

Fingerprints hash only what a file shows (a list page hashes its teasers, not the bodies
behind them), so an incremental publish renders exactly the files whose content can
have changed. A job without a fingerprint is cheap and is always made, then compared.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from markupsafe import Markup

from editor.media.renditions import FORMAT as RENDITION_FORMAT
from editor.publish import feeds, sitemaps
from editor.publish.assets import LeadImage
from editor.publish.body import BodyCache
from editor.publish.brand import (
    FAVICON_PATH,
    LOGO_PATH,
    SHARE_PATH,
    TOUCH_ICON_PATH,
    Brand,
)
from editor.publish.job import Job
from editor.publish.listings import listing_jobs
from editor.publish.model import PublicArticle, SiteData, SiteSection, digest
from editor.publish.ninjs import NINJS_NAME, render_ninjs
from editor.publish.pages import (
    SiteInfo,
    render_article,
    render_sidebar,
    render_ssi_sidebar,
)
from editor.publish.pictures import SitePictures
from editor.publish.sidebar import SIDEBAR_LENGTH, ListEntry, TimeTexts, entries_json
from editor.publish.teasers import TeaserMaker
from editor.publish.templates import resource_dir, templates_fingerprint
from editor.publish.urls import LATEST, author_path
from editor.render import render_fingerprint

SidebarMode = Literal["embed", "ssi"]
#: The shared Populer and UPDATE fragment that SSI pages include.
SIDEBAR_FRAGMENT = "sidebar/sidebar.inc"
#: Bump when the publisher's output changes in a way templates do not show.
#: 5: lists paged from the oldest (editor.publish.pagination).
#: 6: a lead image file gets its width and height; feeds and sitemaps drop characters
#: XML forbids; a refused link keeps no rel, a raw <img> gets alt="".
#: 7: no page carries control characters or non-characters (editor.code_points).
PUBLISH_FORMAT = "7"


@dataclass(frozen=True)
class SiteAuthor:
    """A reporter with a page of their own: ``/penulis/<handle>/``."""

    name: str
    handle: str
    articles: tuple[PublicArticle, ...]

    @property
    def url(self) -> str:
        return author_path(self.handle)


def _teaser_key(items: Sequence[ListEntry | PublicArticle], with_lead: bool) -> str:
    """What a list of teasers shows. The lead only shows on lists of articles."""
    if not with_lead:
        return digest(*(item.teaser for item in items))
    return digest(*(item.teaser + getattr(item, "lead", "") for item in items))


@dataclass
class Planner:
    site: SiteInfo
    data: SiteData
    popular: list[ListEntry]
    latest: list[ListEntry]
    images: dict[Any, LeadImage]
    bodies: BodyCache
    mode: SidebarMode
    pictures: SitePictures | None = None
    #: The library pictures each article's body shows (articles with none are left out).
    body_pictures: dict[Any, list[str]] = field(default_factory=dict)
    sidebar_length: int = SIDEBAR_LENGTH
    brand: Brand | None = None
    #: Each article's translations, as (language, address) pairs (editor.publish.translations).
    alternates: dict[Any, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.times = TimeTexts(self.site.zone)
        self.base = digest(
            PUBLISH_FORMAT,
            templates_fingerprint(),
            render_fingerprint(),
            self.site,
            self.mode,
        )
        self.side_popular = self.popular[: self.sidebar_length]
        self.side_latest = self.latest[: self.sidebar_length]
        side_key = digest(
            _teaser_key(self.side_popular, False), _teaser_key(self.side_latest, False)
        )
        self.sidebar_key = side_key if self.mode == "embed" else "ssi"
        self._sidebars: dict[str | None, Markup] = {}
        self.teasers = TeaserMaker(self.site.root, self.times, self.images)
        self._html: dict[Any, str] = {}
        self._by_section: dict[SiteSection, list[PublicArticle]] | None = None
        self._chains: dict[SiteSection | None, list[SiteSection]] = {}
        self._chain_keys: dict[SiteSection | None, str] = {}
        self._authors: list[SiteAuthor] | None = None

    # -- shared pieces -----------------------------------------------------------------

    def sidebar(self, only: str | None = None) -> Markup:
        """Populer and UPDATE (or ``only`` one), embedded or as an SSI include."""
        made = self._sidebars.get(only)
        if made is None:
            if self.mode == "embed":
                html = render_sidebar(
                    self.site, self.side_popular, self.side_latest, self.times, only=only
                )
            else:
                html = render_ssi_sidebar(self.site, only)
            made = self._sidebars[only] = Markup(html)
        return made

    def body_html(self, article: PublicArticle) -> str:
        html = self._html.get(article.id)
        if html is None:
            html = self._html[article.id] = self.bodies.html(
                str(article.id), self.data.bodies[article.id], article.language
            )
        return html

    def page_body(self, article: PublicArticle) -> str:
        """The body for the article's page: library pictures in several sizes."""
        html = self.body_html(article)
        if self.pictures is None or article.id not in self.body_pictures:
            return html
        return self.pictures.page_body(html, self.site.root)

    def feed_body(self, article: PublicArticle) -> str:
        """The body for feeds and ninjs: library pictures as one absolute JPEG each."""
        html = self.body_html(article)
        if self.pictures is None or article.id not in self.body_pictures:
            return html
        return self.pictures.feed_body(html, self.site.base)

    def key(self, *parts: object) -> str:
        return digest(self.base, *parts)

    # -- the jobs ------------------------------------------------------------------------

    def jobs(self) -> list[Job]:
        jobs: list[Job] = [self._stylesheet(), *self._brand_files()]
        for article in self.data.articles:
            jobs += self.article_jobs(article)
        jobs += self._picture_files()
        jobs += listing_jobs(self)
        jobs += self._sidebar_files()
        jobs += self._feeds()
        jobs += self._sitemaps()
        return jobs

    def _stylesheet(self) -> Job:
        css = resource_dir("site") / "site.css"
        return Job("assets/site.css", self.key("css"), source=css)

    def _brand_files(self) -> list[Job]:
        brand = self.brand
        if brand is None:
            return []
        key = self.key("brand", brand.key())
        return [
            Job(FAVICON_PATH, digest(key, FAVICON_PATH), brand.favicon_ico),
            Job(LOGO_PATH, digest(key, LOGO_PATH), brand.logo_png),
            Job(SHARE_PATH, digest(key, SHARE_PATH), brand.share_png),
            Job(TOUCH_ICON_PATH, digest(key, TOUCH_ICON_PATH), brand.touch_icon_png),
        ]

    def enclosure(self, article: PublicArticle) -> feeds.Enclosure | None:
        """The lead picture a feed item carries: the JPEG feeds and ninjs show."""
        image = self.images.get(article.id)
        if image is None:
            return None
        if image.picture is not None and self.pictures is not None:
            size = image.picture.fallback()
            source = self.pictures.cache.path(image.picture.sha256, size.width, "jpg")
            url = image.picture.url(self.site.base, size.width)
            mime = "image/jpeg"
        elif image.media is not None:
            source, url = image.media.source, self.site.base + image.media.url
            mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        else:
            return None
        try:
            length = source.stat().st_size
        except OSError:
            return None
        return feeds.Enclosure(url, length, mime)

    def authors(self) -> list[SiteAuthor]:
        """Every reporter with a public article, by handle (a byline without one has none)."""
        if self._authors is None:
            found: dict[str, tuple[str, list[PublicArticle]]] = {}
            for article in self.data.articles:
                for name, handle in zip(article.bylines, article.byline_handles, strict=False):
                    found.setdefault(handle, (name, []))[1].append(article)
            self._authors = [
                SiteAuthor(name, handle, tuple(items))
                for handle, (name, items) in sorted(found.items())
            ]
        return self._authors

    def article_jobs(self, article: PublicArticle) -> list[Job]:
        image = self.images.get(article.id, LeadImage())
        chain = self._chain_key(article.section)
        shown = self.body_pictures.get(article.id, [])
        pictures = self.pictures.key(shown) if self.pictures is not None and shown else ()
        image_key = (image.key(), pictures)
        folder = article.url.strip("/")

        alternates = self.alternates.get(article.id, ())

        def page() -> bytes:
            return render_article(
                article,
                site=self.site,
                data=self.data,
                body_html=self.page_body(article),
                sidebar=self.sidebar(),
                image_src=image.src(self.site.root),
                image_url=image.absolute(self.site.base),
                image_html=self._lead_html(article, image),
                alternates=alternates,
            ).encode()

        def ninjs() -> bytes:
            return render_ninjs(
                article,
                site=self.site,
                body_html=self.feed_body(article),
                image_url=image.absolute(self.site.base),
            ).encode()

        jobs = [
            Job(
                f"{folder}/index.html",
                self.key("a", article.fingerprint, image_key, chain, self.sidebar_key, alternates),
                page,
                bodies=(article,),
            ),
            Job(
                f"{folder}/{NINJS_NAME}",
                self.key("n", article.fingerprint, image_key),
                ninjs,
                bodies=(article,),
            ),
        ]
        if image.media is not None:
            jobs.append(
                Job(
                    image.media.site_path,
                    self.key("m", image.media.stamp),
                    source=image.media.source,
                )
            )
        return jobs

    def _lead_html(self, article: PublicArticle, image: LeadImage) -> Markup | None:
        if image.media is not None:
            # A file from before the media library: its caption is its description.
            return image.file_html(self.site.root, article.lead_image_caption or article.headline)
        if image.picture is None:
            return None
        record = image.picture.record
        alt = record.alt_text or article.lead_image_caption or article.headline
        return image.picture.html(self.site.root, alt, lazy=False)

    def _picture_files(self) -> list[Job]:
        """Each library picture's renditions, once however many articles show it."""
        if self.pictures is None:
            return []
        shown: set[str] = {sha for refs in self.body_pictures.values() for sha in refs}
        shown |= {i.picture.sha256 for i in self.images.values() if i.picture is not None}
        jobs = []
        for sha in sorted(shown):
            picture = self.pictures.get(sha)
            if picture is None:
                continue
            for path, source in picture.files(self.pictures.cache):
                # Named by content: the same path always holds the same bytes.
                jobs.append(Job(path, self.key("picture", path, RENDITION_FORMAT), source=source))
        return jobs

    def has_picture(self, article: PublicArticle) -> bool:
        image = self.images.get(article.id)
        return image is not None and image.picture is not None

    def _chain_key(self, section: SiteSection | None) -> str:
        key = self._chain_keys.get(section)
        if key is None:
            key = self._chain_keys[section] = digest(
                *((s.name, s.url) for s in self.chain(section))
            )
        return key

    def chain(self, section: SiteSection | None) -> list[SiteSection]:
        if section not in self._chains:
            self._chains[section] = self.data.section_chain(section)
        return self._chains[section]

    def section_articles(self) -> dict[SiteSection, list[PublicArticle]]:
        if self._by_section is None:
            found: dict[SiteSection, list[PublicArticle]] = {s: [] for s in self.data.sections}
            for article in self.data.articles:
                for section in self.chain(article.section):
                    found.setdefault(section, []).append(article)
            self._by_section = found
        return self._by_section

    def _sidebar_files(self) -> list[Job]:
        """The lists as JSON (for scripts and apps), and in SSI mode the fragments pages
        include: ``.inc`` files, so nothing takes them for pages of their own."""
        site, times = self.site, self.times

        def fragment(only: str | None) -> Callable[[], bytes]:
            return lambda: render_sidebar(
                site, self.side_popular, self.side_latest, times, only=only
            ).encode()

        def as_json(entries: list[ListEntry]) -> Callable[[], bytes]:
            def make() -> bytes:
                data = {"items": entries_json(entries, times, site.base)}
                return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()

            return make

        # Keyed by what they show, so an unchanged sidebar is not even formatted again.
        shown = digest(_teaser_key(self.side_popular, False), _teaser_key(self.side_latest, False))
        views = digest(*(entry.views for entry in self.side_popular))
        jobs = []
        if self.mode == "ssi":
            jobs += [
                Job(SIDEBAR_FRAGMENT, self.key("side", None, shown), fragment(None)),
                Job("sidebar/populer.inc", self.key("side", "populer", shown), fragment("populer")),
                Job("sidebar/update.inc", self.key("side", "update", shown), fragment("update")),
            ]
        return [
            *jobs,
            Job(
                "sidebar/populer.json",
                self.key("side.json", "populer", shown, views),
                as_json(self.side_popular),
            ),
            Job(
                "sidebar/update.json",
                self.key("side.json", "update", shown),
                as_json(self.side_latest),
            ),
        ]

    def eager(self, path: str, make: Callable[[], bytes]) -> Job:
        """A cheap file made while planning: its fingerprint is its own content."""
        content = make()
        content_hash = hashlib.blake2b(content, digest_size=16).hexdigest()
        return Job(path, self.key("eager", path, content_hash), lambda: content)

    def feed_jobs(self, folder: str, title: str, items: list[PublicArticle]) -> list[Job]:
        items = items[: feeds.FEED_LENGTH]
        pictures = [self.images[a.id].key() if a.id in self.images else None for a in items]
        empty = self.newest_change if not items else None
        key = digest(*(a.fingerprint for a in items), *pictures, empty)
        prefix = folder.strip("/")
        prefix = prefix + "/" if prefix else ""
        kwargs: dict[str, Any] = {
            "site": self.site,
            "title": title,
            "page_url": folder,
            "items": items,
            "body_html": self.feed_body,
            "enclosure": self.enclosure,
        }
        return [
            Job(
                f"{prefix}rss.xml",
                self.key("rss", folder, title, key),
                lambda: feeds.rss(feed_url=f"/{prefix}rss.xml", **kwargs).encode(),
                bodies=tuple(items),
            ),
            Job(
                f"{prefix}atom.xml",
                self.key("atom", folder, title, key),
                lambda: feeds.atom(
                    feed_url=f"/{prefix}atom.xml", empty_updated=self.newest_change, **kwargs
                ).encode(),
                bodies=tuple(items),
            ),
        ]

    @property
    def newest_change(self) -> datetime:
        """The site's newest change (the clock for a site without articles)."""
        return max((sitemaps.lastmod(a) for a in self.data.articles), default=self.data.now)

    def _feeds(self) -> list[Job]:
        jobs = self.feed_jobs("/", self.site.name, list(self.data.articles))
        for section, items in self.section_articles().items():
            jobs += self.feed_jobs(section.url, f"{self.site.name}: {section.name}", items)
        return jobs

    def _sitemaps(self) -> list[Job]:
        def newest(items: Sequence[PublicArticle]) -> datetime | None:
            return max((sitemaps.lastmod(a) for a in items), default=None)

        # A list page changes when an article on it does: the same last change the
        # article's own entry carries, so the two never disagree.
        everything = newest(self.data.articles)
        pages = [("/", everything), (LATEST, everything)]
        for section, items in self.section_articles().items():
            pages.append((section.url, newest(items)))
        for author in self.authors():
            pages.append((author.url, newest(author.articles)))
        files = sitemaps.sitemaps(self.site, pages, self.data.articles)
        files.update(sitemaps.news_sitemaps(self.site, self.data.articles, self.data.now))
        files["robots.txt"] = sitemaps.robots_txt(self.site, sorted(files))
        return [self.eager(name, _constant(text.encode())) for name, text in sorted(files.items())]


def _constant(content: bytes) -> Callable[[], bytes]:
    return lambda: content
