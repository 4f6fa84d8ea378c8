"""Which logged requests are not a reader looking at an article: bots, assets, errors."""

from __future__ import annotations

import re
from functools import lru_cache

#: User agents of crawlers, link previewers, monitors and scripts (matched case-insensitively).
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|facebookexternalhit|facebookcatalog|mediapartners|"
    r"googlebot|bingbot|yandex|baiduspider|duckduckgo|semrush|ahrefs|petalbot|bytespider|"
    r"curl|wget|python-requests|python-urllib|aiohttp|httpx|go-http-client|java/|okhttp|"
    r"libwww|scrapy|headlesschrome|phantomjs|puppeteer|playwright|lighthouse|"
    r"pingdom|uptimerobot|statuscake|monitor|preview|whatsapp|telegram|discord|^-?$",
    re.IGNORECASE,
)
ASSET_SUFFIXES = (
    ".css",
    ".js",
    ".map",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".webp",
    ".avif",
    ".ico",
    ".woff",
    ".woff2",
    ".ttf",
    ".otf",
    ".eot",
    ".json",
    ".xml",
    ".txt",
    ".mp4",
    ".webm",
    ".mp3",
    ".pdf",
)
ASSET_FOLDERS = ("/static/", "/media/", "/assets/", "/wp-content/", "/sidebar/")
COUNTED_METHODS = ("GET", "HEAD")


@lru_cache(maxsize=8192)
def is_bot(user_agent: str) -> bool:
    """A crawler, script or preview fetcher; an empty or "-" agent counts as one too.

    Cached: a log holds a few thousand distinct agents over millions of lines."""
    return BOT_PATTERN.search(user_agent.strip()) is not None


def is_asset(path: str) -> bool:
    lowered = path.lower()
    return lowered.endswith(ASSET_SUFFIXES) or any(folder in lowered for folder in ASSET_FOLDERS)


def is_counted_status(status: int) -> bool:
    """A page the reader really got: any 2xx, or 304 (their cached copy was still good)."""
    return 200 <= status < 300 or status == 304
