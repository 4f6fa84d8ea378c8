"""Map what a log or CSV names (a page URL, a full UUID, a short id) to an article id."""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor.models import Article
from editor.publish.urls import SHORT_ID_LENGTH, parse_article_path, safe_slug

_UUID = re.compile(r"^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$")
_SHORT_ID = re.compile(r"^[0-9a-f]{8}$")
#: An article URL whose id segment is a dashed UUID (older links, hand-made CSVs).
_DASHED_PATH = re.compile(r"^/read/\d{4}/\d{2}/\d{2}/(?P<id>[0-9a-fA-F-]{36})(?:/(?P<slug>[^/]*))?")


@lru_cache(maxsize=16384)
def url_path(target: str) -> str:
    """The decoded path of a full URL or a path: no scheme, host, query or fragment."""
    text = target.strip()
    if "://" in text or text.startswith("//"):
        text = urlsplit(text).path
    text = text.split("?", 1)[0].split("#", 1)[0]
    return unquote(text) or "/"


@lru_cache(maxsize=16384)
def article_reference(target: str) -> tuple[str, str] | None:
    """``(id or id prefix in lower-case hex, slug)`` named by a URL or an id, else None."""
    text = target.strip()
    bare = text.lower()
    if _UUID.match(bare):
        return bare.replace("-", ""), ""
    if _SHORT_ID.match(bare):
        return bare, ""
    path = url_path(text)
    if not path.endswith("/") and not path.endswith(".html"):
        path += "/"
    parsed = parse_article_path(path)
    if parsed is not None:
        return parsed
    dashed = _DASHED_PATH.match(path)
    if dashed and _UUID.match(dashed["id"].lower()):
        return dashed["id"].lower().replace("-", ""), dashed["slug"] or ""
    return None


class ArticleIndex:
    """Every article's id and slug, loaded once per import so each line is a dict lookup."""

    def __init__(self, session: Session) -> None:
        self._by_hex: dict[str, uuid.UUID] = {}
        self._by_prefix: dict[str, list[tuple[uuid.UUID, str]]] = defaultdict(list)
        for article_id, slug in session.execute(select(Article.id, Article.slug)):
            self._by_hex[article_id.hex] = article_id
            self._by_prefix[article_id.hex[:SHORT_ID_LENGTH]].append((article_id, safe_slug(slug)))

    def find(self, reference: tuple[str, str]) -> uuid.UUID | None:
        """The article a reference names; a short id shared by two articles needs the slug."""
        hex_id, slug = reference
        if len(hex_id) == 32:
            return self._by_hex.get(hex_id)
        candidates = self._by_prefix.get(hex_id, [])
        if len(candidates) == 1:
            return candidates[0][0]
        matching = [article_id for article_id, known in candidates if slug and known == slug]
        return matching[0] if len(matching) == 1 else None
