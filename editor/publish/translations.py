"""The translations an article page links to (editor.translations groups them).

For each public article the addresses of the public articles of its translation group in
other languages, as ``(language, address)`` pairs: the page lists them under the headline
and as ``<link rel="alternate" hreflang>``. A publish of a few articles reads only their
groups (by the group's index), never every article.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from editor.database import Database
from editor.models import Article
from editor.publish.model import SiteData
from editor.publish.urls import article_path
from editor.publish.visibility import public_clause

Alternates = tuple[tuple[str, str], ...]
_CHUNK = 400
#: Past this many articles, one query over every grouped article beats asking by id.
_MANY = 2000


def _chunks(values: Sequence[object]) -> list[Sequence[object]]:
    return [values[at : at + _CHUNK] for at in range(0, len(values), _CHUNK)]


def page_alternates(
    db: Database, data: SiteData, *, now: datetime, zone: str
) -> dict[uuid.UUID, Alternates]:
    ids = [article.id for article in data.articles]
    columns = (
        Article.id,
        Article.translation_group,
        Article.language,
        Article.published_at,
        Article.slug,
    )
    grouped = Article.translation_group.is_not(None)
    rows = []
    with db.transaction() as session:
        if len(ids) > _MANY:
            rows = list(session.execute(select(*columns).where(grouped, public_clause(now))))
        else:
            groups = {
                group
                for chunk in _chunks(ids)
                for group in session.scalars(
                    select(Article.translation_group).where(Article.id.in_(chunk), grouped)
                )
            }
            for chunk in _chunks(sorted(groups)):  # type: ignore[type-var]
                rows += session.execute(
                    select(*columns).where(Article.translation_group.in_(chunk), public_clause(now))
                ).all()
    members: dict[str, list[tuple[str, str, uuid.UUID]]] = {}
    for article_id, group, language, published_at, slug in sorted(
        rows, key=lambda row: (row[3], row[0].hex)
    ):
        if group is None or published_at is None:  # public rows have both
            continue
        known = data.by_id.get(article_id)
        url = known.url if known is not None else article_path(published_at, article_id, slug, zone)
        members.setdefault(group, []).append((language, url, article_id))
    found: dict[uuid.UUID, Alternates] = {}
    for group_members in members.values():
        languages = {language for language, _url, _id in group_members}
        if len(languages) < 2:
            continue
        for language, _url, article_id in group_members:
            others: dict[str, str] = {}
            for other_language, other_url, other_id in group_members:
                if other_id != article_id and other_language != language:
                    others.setdefault(other_language, other_url)  # the first published
            found[article_id] = tuple(sorted(others.items()))
    return found
