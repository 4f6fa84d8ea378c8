"""Where everything lives on the published site.

Article pages follow the Indonesian portal scheme ``/read/YYYY/MM/DD/<id>/<slug>/``:

- the date is the publish date in the newsroom's zone (what readers see in the dateline);
- ``<id>`` is the first 8 hex digits of the article's UUID: short, stable for the life of
  the article, and unique in practice because it only has to differ among articles
  published on the same day with the same slug (the publisher checks, and falls back to
  the full 32 hex digits for the rare later article of a colliding pair);
- the slug is re-slugified here, whatever is stored, so a path can never hold ``..``, a
  slash or any character outside ``[a-z0-9-]``.

Every path returned here is site-absolute (starts with ``/``) and ends with ``/`` for a
folder (its ``index.html``) or with a file name.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from editor.slugs import MAX_SLUG_LENGTH, slugify

SHORT_ID_LENGTH = 8
#: Top-level folders the site itself uses; a section with one of these slugs moves under
#: ``/kanal/`` so it can never overwrite them.
RESERVED_TOP = frozenset(
    {
        "read",
        "tag",
        "populer",
        "update",
        "sidebar",
        "assets",
        "media",
        "kanal",
        "feed",
        "page",
        "penulis",
    }
)
_ARTICLE_PATH = re.compile(
    r"^/read/(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})/(?P<id>[0-9a-f]{8}|[0-9a-f]{32})/"
    r"(?P<slug>[a-z0-9-]+)/?(?:index\.html)?$"
)


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def short_id(article_id: uuid.UUID, length: int = SHORT_ID_LENGTH) -> str:
    return article_id.hex[:length]


_CLEAN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def safe_slug(slug: str) -> str:
    """The stored slug made URL- and filesystem-safe (only ``[a-z0-9-]``, never empty)."""
    if len(slug) <= MAX_SLUG_LENGTH and _CLEAN_SLUG.match(slug):
        return slug  # already clean: the common case, and slugify is slow at 10,000 rows
    return slugify(slug or "artikel")


def article_path(
    published_at: datetime,
    article_id: uuid.UUID,
    slug: str,
    zone: str,
    *,
    id_length: int = SHORT_ID_LENGTH,
) -> str:
    """``/read/YYYY/MM/DD/<id>/<slug>/`` with the date in the newsroom zone."""
    if published_at.tzinfo is None:
        raise ValueError("published_at must be timezone-aware")
    local = published_at.astimezone(_zone(zone))
    return f"/read/{local:%Y/%m/%d}/{short_id(article_id, id_length)}/{safe_slug(slug)}/"


def parse_article_path(path: str) -> tuple[str, str] | None:
    """``(id prefix, slug)`` from an article URL path, or None when it is not one.

    Page-view import uses this to map a logged URL back to an article whose UUID hex
    starts with the id prefix.
    """
    match = _ARTICLE_PATH.match(path.split("?", 1)[0].split("#", 1)[0])
    if match is None:
        return None
    return match["id"], match["slug"]


def section_path(path: str) -> str:
    """The folder of a section, from its slug path ("berita/dunia" -> ``/berita/dunia/``)."""
    parts = [safe_slug(part) for part in path.split("/") if part]
    if not parts:
        return "/kanal/"
    prefix = "/kanal" if parts[0] in RESERVED_TOP else ""
    return f"{prefix}/{'/'.join(parts)}/"


def tag_path(tag_slug: str) -> str:
    return f"/tag/{safe_slug(tag_slug)}/"


def author_path(handle: str) -> str:
    """A reporter's page: ``/penulis/<handle>/``."""
    return f"{AUTHORS}{safe_slug(handle)}/"


def paged(folder: str, page: int) -> str:
    """Page 0, a list's first page, is the folder itself; the others ``<folder>page/N/``."""
    return folder if page <= 0 else f"{folder}page/{page}/"


HOME = "/"
POPULAR = "/populer/"
LATEST = "/update/"
SIDEBAR = "/sidebar/"
ASSETS = "/assets/"
MEDIA = "/media/"
AUTHORS = "/penulis/"
