"""Front pages laid out like an Indonesian news portal's (rmol.id and its peers).

The home page: a headline story (large photo, headline, lead), a row of secondary
stories with pictures, then the latest of each section, with Populer and UPDATE beside.
A section's first page: its own headline story and secondary row above the newest of
the section; its older stories are on numbered plain lists (see ``pagination``).

The headline story is the newest story with a picture among the newest few: a portal
never leads with a grey box when a photo story is minutes older.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from editor.publish.model import PublicArticle, SiteSection
from editor.publish.teasers import Teaser, TeaserMaker

#: How far down the newest stories the headline story is looked for.
HEADLINE_REACH = 6
SECONDARY = 4
BLOCK_LENGTH = 4


@dataclass(frozen=True)
class SectionBlock:
    name: str
    url: str
    teasers: tuple[Teaser, ...]


@dataclass(frozen=True)
class FrontLayout:
    """Which articles fill which slot; the rest of the page's list follows them."""

    headline: PublicArticle | None
    secondary: tuple[PublicArticle, ...]
    rest: tuple[PublicArticle, ...]

    @property
    def shown(self) -> list[PublicArticle]:
        first = [self.headline] if self.headline is not None else []
        return [*first, *self.secondary]


def layout(articles: Sequence[PublicArticle], has_picture: Any) -> FrontLayout:
    """The headline story, the secondary row and the rest, newest first within each."""
    if not articles:
        return FrontLayout(None, (), ())
    reach = list(articles[:HEADLINE_REACH])
    headline = next((a for a in reach if has_picture(a)), reach[0])
    others = [a for a in articles if a is not headline]
    return FrontLayout(headline, tuple(others[:SECONDARY]), tuple(others[SECONDARY:]))


def section_blocks(
    sections: Sequence[SiteSection],
    by_section: dict[SiteSection, list[PublicArticle]],
    maker: TeaserMaker,
    skip: Sequence[PublicArticle],
) -> list[SectionBlock]:
    """The latest of each section without subsections (those hold the stories), in the
    navigation's order, leaving out the stories already above them."""
    parents = {s.parent_id for s in sections if s.parent_id is not None}
    leaves = [s for s in sections if s.id not in parents]
    order = {s.id: (s.position, s.name) for s in sections}

    def path_key(section: SiteSection) -> tuple[Any, ...]:
        key: list[Any] = []
        current: SiteSection | None = section
        by_id = {s.id: s for s in sections}
        while current is not None:
            key.insert(0, order[current.id])
            current = by_id.get(current.parent_id) if current.parent_id else None
        return tuple(key)

    shown = {a.id for a in skip}
    blocks = []
    for section in sorted(leaves, key=path_key):
        items = [a for a in by_section.get(section, []) if a.id not in shown][:BLOCK_LENGTH]
        if not items:
            continue
        # Under the section's own title its name on each story would say it again.
        teasers = [replace(maker.make(items[0], "thumb"), section_name="", section_url="")]
        teasers += [
            replace(maker.make(a, lead=False), section_name="", section_url="") for a in items[1:]
        ]
        blocks.append(SectionBlock(section.name, section.url, tuple(teasers)))
    return blocks
