"""sitemap.xml for every public page, a Google News sitemap of the last two days, and
the robots.txt that names them.

Limits from the protocols: at most 50,000 URLs per sitemap file and 1,000 per news
sitemap file; past that the files split and an index lists them. The sitemap schema
wants at least one ``<url>`` in a ``<urlset>``, so a news sitemap with nothing from the
last two days is left out (and out of robots.txt) rather than published empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from editor.publish.model import PublicArticle
from editor.publish.pages import SiteInfo, iso
from editor.publish.xml_text import xml_text

SITEMAP_LIMIT = 50_000
NEWS_LIMIT = 1_000
NEWS_WINDOW = timedelta(days=2)
_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _chunks(items: Sequence, size: int) -> list[Sequence]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def _index(site: SiteInfo, names: Sequence[str]) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<sitemapindex {_NS}>"]
    lines += [f"<sitemap><loc>{xml_text(site.base + '/' + name)}</loc></sitemap>" for name in names]
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


def url_prefix(site: SiteInfo, url: str) -> str:
    """How the line of ``url`` starts, whatever its last change."""
    return f"<url><loc>{xml_text(site.base + url)}</loc>"


def url_line(site: SiteInfo, url: str, changed: datetime | None) -> str:
    stamp = f"<lastmod>{iso(changed)}</lastmod>" if changed else ""
    return f"{url_prefix(site, url)}{stamp}</url>"


def sitemaps(
    site: SiteInfo,
    pages: Sequence[tuple[str, datetime | None]],
    articles: Sequence[PublicArticle],
) -> dict[str, str]:
    """``sitemap.xml`` (and parts): list pages, then every article with its last change."""
    entries = list(pages)
    entries += [(a.url, lastmod(a)) for a in articles]
    parts = []
    for chunk in _chunks(entries, SITEMAP_LIMIT):
        lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS}>"]
        lines += [url_line(site, url, changed) for url, changed in chunk]
        lines += ["</urlset>", ""]
        parts.append("\n".join(lines))
    return _files(site, "sitemap", parts)


def news_articles(articles: Sequence[PublicArticle], now: datetime) -> list[PublicArticle]:
    since = now - NEWS_WINDOW
    return [a for a in articles if a.published_at >= since]


def news_sitemaps(
    site: SiteInfo, articles: Sequence[PublicArticle], now: datetime
) -> dict[str, str]:
    """``news-sitemap.xml`` (and parts), or nothing when no article is recent enough."""
    recent = news_articles(articles, now)
    if not recent:
        return {}
    parts = []
    for chunk in _chunks(recent, NEWS_LIMIT):
        lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<urlset {_NS} {_NEWS_NS}>"]
        for a in chunk:
            lines.append(
                f"<url><loc>{xml_text(site.base + a.url)}</loc><news:news><news:publication>"
                f"<news:name>{xml_text(site.name)}</news:name>"
                f"<news:language>{xml_text(a.language)}</news:language></news:publication>"
                f"<news:publication_date>{iso(a.published_at)}</news:publication_date>"
                f"<news:title>{xml_text(a.headline)}</news:title></news:news></url>"
            )
        lines += ["</urlset>", ""]
        parts.append("\n".join(lines))
    return _files(site, "news-sitemap", parts)


def robots_txt(site: SiteInfo, files: Sequence[str]) -> str:
    """Every crawler welcome, and the top sitemap files (not their parts) named.

    Crawlers read robots.txt only at a domain's root; a site published below a folder
    still gets one there, for whoever serves that folder as a root.
    """
    tops = [name for name in ("sitemap.xml", "news-sitemap.xml") if name in files]
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {site.base}/{name}" for name in tops]
    return "\n".join(lines) + "\n"


def lastmod(article: PublicArticle) -> datetime:
    """An article's last change as every sitemap entry and list page counts it."""
    return max(article.updated_at, article.published_at)
