"""The Populer and UPDATE lists every page shows, as plain entries.

Populer comes from ``editor.rankings.popular`` (page views over a window); UPDATE is the
newest public articles. Both are filtered once more through the publish's own set of
public articles, so a ranking can never bring an invisible article back.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from editor.database import Database
from editor.dates import list_time
from editor.publish.model import PublicArticle, SiteData

SIDEBAR_LENGTH = 10
#: How many articles the full Populer list (its Selengkapnya page) ranks.
POPULAR_FULL_LENGTH = 100
POPULAR_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class ListEntry:
    article_id: uuid.UUID
    headline: str
    url: str
    published_at: datetime
    language: str
    views: int
    fingerprint: str
    teaser: str


def _popular_ids(db: Database, now: datetime, window: timedelta, limit: int) -> list[Any]:
    from editor.rankings import popular

    return list(popular(db, now=now, window=window, limit=limit))


def _entry(article: PublicArticle, views: int = 0) -> ListEntry:
    return ListEntry(
        article_id=article.id,
        headline=article.headline,
        url=article.url,
        published_at=article.published_at,
        language=article.language,
        views=views,
        fingerprint=article.fingerprint,
        teaser=article.teaser,
    )


def popular_entries(
    db: Database,
    site: SiteData,
    *,
    window: timedelta = POPULAR_WINDOW,
    limit: int = POPULAR_FULL_LENGTH,
    ranked: list[tuple[uuid.UUID, int]] | None = None,
) -> list[ListEntry]:
    """The ranked list (``ranked``: (id, views) already asked of the rankings)."""
    if ranked is None:
        ranked = ranking(db, site.now, window, limit)
    entries = []
    for article_id, views in ranked:
        article = site.by_id.get(article_id)
        if article is not None:
            entries.append(_entry(article, views))
    return entries


def ranking(
    db: Database, now: datetime, window: timedelta, limit: int = POPULAR_FULL_LENGTH
) -> list[tuple[uuid.UUID, int]]:
    return [(item.article_id, int(item.views)) for item in _popular_ids(db, now, window, limit)]


def latest_entries(site: SiteData, limit: int | None = None) -> list[ListEntry]:
    articles = site.articles if limit is None else site.articles[:limit]
    return [_entry(article) for article in articles]


class TimeTexts:
    """``Minggu, 11 Januari 2026 | 04:59`` per article, formatted once per publish."""

    def __init__(self, zone: str) -> None:
        self.zone = zone
        self._cache: dict[tuple[datetime, str], str] = {}

    def __call__(self, when: datetime, language: str) -> str:
        key = (when, language)
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = list_time(when, zone=self.zone, language=language)
        return text


def entries_json(entries: Sequence[ListEntry], times: TimeTexts, base_url: str) -> list[dict]:
    return [
        {
            "id": str(entry.article_id),
            "headline": entry.headline,
            "url": base_url + entry.url,
            "published": entry.published_at.isoformat().replace("+00:00", "Z"),
            "time": times(entry.published_at, entry.language),
            "views": entry.views,
        }
        for entry in entries
    ]
