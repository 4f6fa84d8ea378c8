"""Teasers: an article as list and front pages show it (headline, time, lead, picture).

A teaser's picture is the article's lead picture from the media library, in the size of
the slot it fills: the headline story's across the column, a secondary story's a card,
a list's a thumbnail. ``sizes`` tells the browser which rendition to fetch, so a
thumbnail costs a 320-pixel file, not the 1600-pixel one. Only the first pictures of a
page load at once; the rest are lazy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from editor.publish.assets import LeadImage
from editor.publish.model import PublicArticle, digest
from editor.publish.sidebar import TimeTexts

#: The slots a picture fills, as ``sizes`` (the layout's breakpoint is 56rem).
SLOT_SIZES = {
    "headline": "(min-width: 56rem) 46rem, calc(100vw - 2rem)",
    "card": "(min-width: 56rem) 11rem, calc(50vw - 1.5rem)",
    "thumb": "(min-width: 56rem) 10rem, 7.5rem",
}


@dataclass(frozen=True)
class Teaser:
    url: str
    headline: str
    time: str
    #: The machine-readable time for ``<time datetime>``.
    iso: str
    lead: str
    kicker: str = ""
    section_name: str = ""
    section_url: str = ""
    picture: Markup | None = None


Pictures = Callable[[Any], LeadImage | None]


@dataclass
class TeaserMaker:
    """Makes teasers for one publish: the site's root, its clock texts, its pictures."""

    root: str
    times: TimeTexts
    images: dict[Any, LeadImage]
    #: Each article's part of a page key: an article stands on up to a dozen lists.
    _keys: dict[Any, str] = field(default_factory=dict)

    def picture(self, article: PublicArticle, slot: str, *, lazy: bool) -> Markup | None:
        image = self.images.get(article.id)
        if image is None or image.picture is None:
            return None
        record = image.picture.record
        alt = record.alt_text or article.lead_image_caption or article.headline
        return image.picture.html(self.root, alt, lazy=lazy, sizes=SLOT_SIZES[slot])

    def make(
        self,
        article: PublicArticle,
        slot: str | None = None,
        *,
        lazy: bool = True,
        lead: bool = True,
    ) -> Teaser:
        section = article.section
        return Teaser(
            url=article.url,
            headline=article.headline,
            time=self.times(article.published_at, article.language),
            iso=article.published_at.isoformat().replace("+00:00", "Z"),
            lead=article.lead if lead else "",
            kicker=article.kicker,
            section_name=section.name if section else "",
            section_url=section.url if section else "",
            picture=self.picture(article, slot, lazy=lazy) if slot else None,
        )

    def key(self, articles: list[PublicArticle]) -> str:
        """What teasers of ``articles`` show, for a page's fingerprint."""
        return digest(*(self._key(article) for article in articles))

    def _key(self, article: PublicArticle) -> str:
        found = self._keys.get(article.id)
        if found is None:
            image = self.images.get(article.id)
            section = article.section
            found = self._keys[article.id] = digest(
                article.teaser,
                article.kicker,
                (section.name, section.url) if section else None,
                image.key() if image is not None else None,
            )
        return found
