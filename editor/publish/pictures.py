"""Pictures of the media library on the site: renditions, ``<picture>`` markup, image URLs.

A page shows a library picture (``media:<sha256>``) as ``<picture>`` with a WebP and a
JPEG ``srcset`` at the widths ``editor.media.renditions`` makes, ``sizes`` matching the
article column, ``width``/``height`` so the page does not jump while it loads, and
``loading="lazy"`` for pictures below the fold (the body's; the lead image is the first
thing a reader sees, so it loads at once). Feeds and ninjs get one plain JPEG URL. The
renditions live in ``media/<ab>/<sha256>-<width>.<ext>``: named by content, never
changed, so a web server may cache them forever.

A body picture the library lacks (or holds without its bytes yet, on a replica) is left
out of the page with its caption kept, and named in the publish report.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from editor.i18n import _
from editor.media.library import MediaRecord
from editor.media.renditions import ENCODINGS, RenditionCache, Size, file_name, sizes_for
from editor.publish.report import PublishProblem
from editor.publish.urls import MEDIA

#: The article column: the whole width on phones, about 46rem beside the sidebar.
SIZES = "(min-width: 56rem) 46rem, calc(100vw - 2rem)"
#: The JPEG a plain ``src`` (and feeds, ninjs, old browsers) gets: wide enough for a
#: phone at 2x and a desktop column, lighter than the largest.
FALLBACK_WIDTH = 1024
_BODY_IMG = re.compile(r'<img\b([^>]*?)\ssrc="media:([0-9a-f]{64})"([^>]*)>')
_ALT = re.compile(r'\salt="([^"]*)"')


@dataclass(frozen=True)
class SitePicture:
    record: MediaRecord
    sizes: tuple[Size, ...]

    @property
    def sha256(self) -> str:
        return self.record.sha256

    def site_path(self, width: int, extension: str) -> str:
        return f"{MEDIA.strip('/')}/{self.sha256[:2]}/{file_name(self.sha256, width, extension)}"

    def url(self, root: str, width: int, extension: str = "jpg") -> str:
        return f"{root}/{self.site_path(width, extension)}"

    def fallback(self) -> Size:
        fitting = [size for size in self.sizes if size.width <= FALLBACK_WIDTH]
        return fitting[-1] if fitting else self.sizes[0]

    def largest(self) -> Size:
        return self.sizes[-1]

    def srcset(self, root: str, extension: str) -> str:
        return ", ".join(f"{self.url(root, s.width, extension)} {s.width}w" for s in self.sizes)

    def html(self, root: str, alt: str, *, lazy: bool, sizes: str = SIZES) -> Markup:
        """``sizes``: how wide the slot it fills is (the article column by default)."""
        fallback = self.fallback()
        largest = self.largest()
        loading = ' loading="lazy" decoding="async"' if lazy else ""
        return Markup(
            "<picture>"
            f'<source type="image/webp" srcset="{self.srcset(root, "webp")}" sizes="{sizes}">'
            f'<img src="{self.url(root, fallback.width)}" srcset="{self.srcset(root, "jpg")}" '
            f'sizes="{sizes}" width="{largest.width}" height="{largest.height}" '
            f'alt="{html.escape(alt, quote=True)}"{loading}>'
            "</picture>"
        )

    def plain_html(self, base: str, alt: str) -> str:
        """One JPEG with an absolute URL, for feed readers and ninjs consumers."""
        size = self.fallback()
        return (
            f'<img src="{self.url(base, size.width)}" width="{size.width}" '
            f'height="{size.height}" alt="{html.escape(alt, quote=True)}">'
        )

    def files(self, cache: RenditionCache) -> list[tuple[str, Path]]:
        return [
            (self.site_path(size.width, ext), cache.path(self.sha256, size.width, ext))
            for size in self.sizes
            for ext, _kind, _mime in ENCODINGS
        ]


class SitePictures:
    """The library pictures one publish shows, with their renditions made and cached."""

    def __init__(self, cache: RenditionCache) -> None:
        self.cache = cache
        self.pictures: dict[str, SitePicture] = {}
        #: Hashes named somewhere but unusable, with why (for the report).
        self.unusable: dict[str, str] = {}

    def prepare(
        self,
        records: dict[str, MediaRecord],
        wanted: Iterable[str],
        load: Callable[[str], bytes | None],
    ) -> None:
        sizes: dict[str, list[Size]] = {}
        for sha in set(wanted):
            record = records.get(sha)
            if record is None:
                self.unusable[sha] = _("it is not in the media library")
            elif not record.has_bytes:
                self.unusable[sha] = _("its file has not reached this computer yet (sync)")
            else:
                sizes[sha] = sizes_for(record.width, record.height)
        for sha, problem in self.cache.ensure(sizes, load).items():
            self.unusable[sha] = (
                _("its file has not reached this computer yet (sync)")
                if problem == "missing"
                else _("its file cannot be read ({problem})").format(problem=problem)
            )
        for sha, wanted_sizes in sizes.items():
            if sha not in self.unusable and wanted_sizes:
                self.pictures[sha] = SitePicture(records[sha], tuple(wanted_sizes))

    def get(self, sha256: str) -> SitePicture | None:
        return self.pictures.get(sha256)

    def problem(self, where: str, sha256: str) -> PublishProblem:
        return PublishProblem(
            where,
            _("picture media:{short} was left out: {why}.").format(
                short=sha256[:12], why=self.unusable.get(sha256, "?")
            ),
        )

    def key(self, hashes: Iterable[str]) -> tuple[tuple[str, bool], ...]:
        """What a page's pictures look like, for its fingerprint."""
        return tuple((sha, sha in self.pictures) for sha in hashes)

    def page_body(self, body_html: str, root: str) -> str:
        """Body HTML with each library picture as ``<picture>`` (lazy: below the fold)."""
        return _BODY_IMG.sub(
            lambda m: self._replace(m, lambda p, alt: p.html(root, alt, lazy=True)), body_html
        )

    def feed_body(self, body_html: str, base: str) -> str:
        return _BODY_IMG.sub(
            lambda m: self._replace(m, lambda p, alt: p.plain_html(base, alt)), body_html
        )

    def _replace(self, match: re.Match[str], render: Callable[[SitePicture, str], str]) -> str:
        picture = self.pictures.get(match.group(2))
        if picture is None:
            return ""
        alt = _ALT.search(match.group(1) + " " + match.group(3))
        text = html.unescape(alt.group(1)) if alt else ""
        return str(render(picture, text or picture.record.alt_text))


def body_media(db: object, ids: Iterable[object]) -> dict[object, list[str]]:
    """The library pictures each article's body names, for the articles that name any.

    Only bodies holding ``media:`` are read (the database filters them), so a publish of
    articles without pictures reads no body for this.
    """
    from sqlalchemy import select

    from editor.database import Database
    from editor.media.refs import refs_in
    from editor.models import ArticleBody

    assert isinstance(db, Database)
    wanted = sorted(ids)  # type: ignore[type-var]
    found: dict[object, list[str]] = {}
    with db.transaction() as session:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = session.execute(
                select(ArticleBody.article_id, ArticleBody.markdown).where(
                    ArticleBody.article_id.in_(chunk), ArticleBody.markdown.contains("media:")
                )
            )
            for article_id, markdown in rows:
                refs = refs_in(markdown or "")
                if refs:
                    found[article_id] = refs
    return found
