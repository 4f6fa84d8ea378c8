"""sitemap.xml for every public page, and a Google News sitemap of the last two days.

Limits from the protocols: at most 50,000 URLs per sitemap file and 1,000 per news
sitemap file; past that the files split and an index lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

from editor.publish.model import PublicArticle
from editor.publish.pages import SiteInfo, iso

SITEMAP_LIMIT = 50_000
NEWS_LIMIT = 1_000
NEWS_WINDOW = timedelta(days=2)
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def _index(site: SiteInfo, names: Sequence[str]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<sitemapindex {_NS}>"]
    lines += [f"<sitemap><loc>{escape(site.base + '/' + name)}</loc></sitemap>" for name in names]
    lines += ["</sitemapindex>", ""]
    return "\n".join(lines)


def _files(site: SiteInfo, stem: str, parts: list[str]) -> dict[str, str]:
    """One file ``<stem>.xml`` when it fits, otherwise numbered parts and an index."""
    if len(parts) == 1:
        return {f"{stem}.xml": parts[0]}
    names = [f"{stem}-{n}.xml" for n in range(1, len(parts) + 1)]
    files = dict(zip(names, parts, strict=True))
    files[f"{stem}.xml"] = _index(site, names)
    return files


def sitemaps(
    site: SiteInfo,
    pages: Sequence[tuple[str, datetime | None]],
    articles: Sequence[PublicArticle],
) -> dict[str, str]:
    """``sitemap.xml`` (and parts): list pages, then every article with its last change."""
    entries = [(url, lastmod) for url, lastmod in pages]
    entries += [(a.url, max(a.updated_at, a.published_at)) for a in articles]
    parts = []
    for chunk in _chunks(entries, SITEMAP_LIMIT):
        lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS}>"]
        for url, lastmod in chunk:
            stamp = f"<lastmod>{iso(lastmod)}</lastmod>" if lastmod else ""
            lines.append(f"<url><loc>{escape(site.base + url)}</loc>{stamp}</url>")
        lines += ["</urlset>", ""]
        parts.append("\n".join(lines))
    return _files(site, "sitemap", parts)


def news_articles(articles: Sequence[PublicArticle], now: datetime) -> list[PublicArticle]:
    since = now - NEWS_WINDOW
    return [a for a in articles if a.published_at >= since]


def news_sitemaps(
    site: SiteInfo, articles: Sequence[PublicArticle], now: datetime
) -> dict[str, str]:
    recent = news_articles(articles, now)
    parts = []
    for chunk in _chunks(recent, NEWS_LIMIT):
        lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS} {_NEWS_NS}>"]
        for a in chunk:
            lines.append(
                f"<url><loc>{escape(site.base + a.url)}</loc><news:news><news:publication>"
                f"<news:name>{escape(site.name)}</news:name>"
                f"<news:language>{escape(a.language)}</news:language></news:publication>"
                f"<news:publication_date>{iso(a.published_at)}</news:publication_date>"
                f"<news:title>{escape(a.headline)}</news:title></news:news></url>"
            )
        lines += ["</urlset>", ""]
        parts.append("\n".join(lines))
    return _files(site, "news-sitemap", parts)
