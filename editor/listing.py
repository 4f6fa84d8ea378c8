"""The article list: filtered, sorted and paged in SQL so 100,000 articles stay quick."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
from editor.listing_groups import grouped_order
from editor.models import Article, ArticleTag, Byline, Person, Section, Tag
from editor.records import SORT_KEYS, ArticlePage, ArticleQuery, ArticleSummary
from editor.search import matching_clause
from editor.sections import subtree_ids
from editor.slugs import slugify
from editor.tags import tag_slug

_DATE_FIELDS = {
    "updated_at": Article.updated_at,
    "created_at": Article.created_at,
    "published_at": Article.published_at,
    "scheduled_at": Article.scheduled_at,
}


def _filtered(session: Session, query: ArticleQuery, stmt: Any) -> Select[Any]:
    """``stmt`` with every filter of ``query`` applied."""
    if query.statuses is not None:
        stmt = stmt.where(Article.status.in_(query.statuses))
    elif not query.include_trashed:
        stmt = stmt.where(Article.status != "trashed")
    if query.section_id is not None:
        ids = (
            subtree_ids(session, query.section_id)
            if query.include_subsections
            else [query.section_id]
        )
        stmt = stmt.where(Article.section_id.in_(ids))
    if query.author_id is not None:
        stmt = stmt.where(
            Article.id.in_(select(Byline.article_id).where(Byline.person_id == query.author_id))
        )
    if query.tag:
        stmt = stmt.where(
            Article.id.in_(
                select(ArticleTag.article_id)
                .join(Tag, Tag.id == ArticleTag.tag_id)
                # A tag's own slug (c-plus-plus), or the slug one made before tags kept
                # their spelling apart (c for C++).
                .where(Tag.slug.in_({tag_slug(query.tag), slugify(query.tag)}))
            )
        )
    if query.date_field not in _DATE_FIELDS:
        raise ValidationError(
            _("Cannot filter by date field '{date_field}'.").format(date_field=query.date_field)
        )
    column = _DATE_FIELDS[query.date_field]
    if query.date_from is not None:
        stmt = stmt.where(column >= query.date_from)
    if query.date_to is not None:
        stmt = stmt.where(column < query.date_to)
    if query.text:
        # Asked once a unit of work: the count and the page (and both halves of a page
        # sorted by byline) share it, and choosing how to match reads the index.
        asked = session.info.setdefault("matching_clauses", {})
        if query.text not in asked:
            asked[query.text] = matching_clause(session, query.text)
        matching = asked[query.text]
        if matching is not None:
            stmt = stmt.where(matching)
    return stmt


def _check(query: ArticleQuery) -> None:
    if query.sort not in SORT_KEYS:
        raise ValidationError(
            _("Cannot sort by '{sort}'. Choose one of: {sort_keys}.").format(
                sort=query.sort, sort_keys=", ".join(SORT_KEYS)
            )
        )


_SUMMARY_COLUMNS = (
    Article.id,
    Article.version,
    Article.headline,
    Section.name,
    Article.status,
    Article.updated_at,
    Article.published_at,
    Article.word_count,
    Article.language,
)
#: Sorted by one of these columns, the first page is read from an index in order.
_SORT_COLUMNS: dict[str, Any] = {
    "updated_at": Article.updated_at,
    "created_at": Article.created_at,
    "published_at": Article.published_at,
    "headline": func.lower(Article.headline),
    "status": Article.status,
}


def _base() -> Any:
    return select(*_SUMMARY_COLUMNS).outerjoin(Section, Section.id == Article.section_id)


def _count(session: Session, stmt: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _ordered(stmt: Select[Any], keys: Sequence[Any], query: ArticleQuery) -> Select[Any]:
    """``keys`` in the query's direction, then the page. The id breaks ties so paging
    never shows a row twice or skips one. (No NULLS LAST on columns that are never
    empty: ascending, SQLite would then sort instead of reading the index.)"""
    order = [key.desc() if query.descending else key.asc() for key in keys]
    if query.sort == "published_at":  # drafts have no date: last either way
        order[0] = order[0].nulls_last()
    return stmt.order_by(*order).offset(query.offset).limit(query.limit)


def _page_rows(session: Session, query: ArticleQuery) -> list[Any]:
    if query.sort not in ("byline", "section"):
        stmt = _filtered(session, query, _base())
        keys = [_SORT_COLUMNS[query.sort], Article.id]
        return list(session.execute(_ordered(stmt, keys, query)).all())
    grouped, keys, none = grouped_order(query.sort, _SUMMARY_COLUMNS, _base())
    grouped = _filtered(session, query, grouped)
    rows = list(session.execute(_ordered(grouped, keys, query)).all())
    if len(rows) >= query.limit:
        return rows
    # Past the articles that have one: how many there are is known from this page
    # unless it came out empty.
    before = query.offset + len(rows) if rows else _count(session, grouped)
    rest = replace(query, offset=max(0, query.offset - before), limit=query.limit - len(rows))
    none = _filtered(session, query, none)
    return rows + list(session.execute(_ordered(none, [Article.id], rest)).all())


def list_page(db: Database, query: ArticleQuery | None = None) -> tuple[ArticleSummary, ...]:
    """The page of articles ``query`` asks for, without counting all that match (which
    for a common word takes far longer than the page: see :func:`count_articles`)."""
    query = query or ArticleQuery()
    _check(query)
    with db.transaction() as session:
        return _summaries(session, _page_rows(session, query))


def count_articles(db: Database, query: ArticleQuery | None = None) -> int:
    """How many articles ``query`` matches (its sort, offset and limit do not matter)."""
    query = query or ArticleQuery()
    with db.transaction() as session:
        return _count(session, _filtered(session, query, select(Article.id)))


def list_articles(db: Database, query: ArticleQuery | None = None) -> ArticlePage:
    """A page and the number of all articles that match, read at the same moment."""
    query = query or ArticleQuery()
    _check(query)
    with db.transaction() as session:
        total = _count(session, _filtered(session, query, select(Article.id)))
        items = _summaries(session, _page_rows(session, query)) if total else ()
    return ArticlePage(items=items, total=total, offset=query.offset)


def _summaries(session: Session, rows: list[Any]) -> tuple[ArticleSummary, ...]:
    names = _byline_names(session, [row[0] for row in rows])
    return tuple(
        ArticleSummary(
            id=row[0],
            version=row[1],
            headline=row[2],
            section_name=row[3] or "",
            status=row[4],
            byline=names.get(row[0], ""),
            updated_at=row[5],
            published_at=row[6],
            word_count=row[7],
            language=row[8],
        )
        for row in rows
    )


def _byline_names(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = session.execute(
        select(Byline.article_id, Person.name)
        .join(Person, Person.id == Byline.person_id)
        .where(Byline.article_id.in_(ids))
        .order_by(Byline.article_id, Byline.position)
    ).all()
    names: dict[uuid.UUID, list[str]] = {}
    for article_id, name in rows:
        names.setdefault(article_id, []).append(name)
    return {article_id: ", ".join(people) for article_id, people in names.items()}
