"""The article list: filtered, sorted and paged in SQL so 100,000 articles stay quick."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from editor.database import Database
from editor.errors import ValidationError
from editor.i18n import _
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


def _first_byline() -> Any:
    return (
        select(Person.name)
        .join(Byline, Byline.person_id == Person.id)
        .where(Byline.article_id == Article.id)
        .order_by(Byline.position)
        .limit(1)
        .correlate(Article)
        .scalar_subquery()
    )


def _filtered(session: Session, query: ArticleQuery, stmt: Any) -> Select[Any] | None:
    """Apply every filter; None when the text search alone rules everything out."""
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
        matching = matching_clause(session, query.text)
        if matching is not None:
            stmt = stmt.where(matching)
    return stmt


def list_articles(db: Database, query: ArticleQuery | None = None) -> ArticlePage:
    query = query or ArticleQuery()
    if query.sort not in SORT_KEYS:
        raise ValidationError(
            _("Cannot sort by '{sort}'. Choose one of: {sort_keys}.").format(
                sort=query.sort, sort_keys=", ".join(SORT_KEYS)
            )
        )
    byline = _first_byline().label("first_byline")
    sort_columns: dict[str, Any] = {
        "updated_at": Article.updated_at,
        "created_at": Article.created_at,
        "published_at": Article.published_at,
        "headline": func.lower(Article.headline),
        "section": Section.name,
        "status": Article.status,
        "byline": byline,
    }
    base = select(
        Article.id,
        Article.version,
        Article.headline,
        Section.name,
        Article.status,
        Article.updated_at,
        Article.published_at,
        Article.word_count,
        Article.language,
    ).outerjoin(Section, Section.id == Article.section_id)
    with db.transaction() as session:
        stmt = _filtered(session, query, base)
        if stmt is None:
            return ArticlePage(items=(), total=0, offset=query.offset)
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        key = sort_columns[query.sort]
        order = key.desc() if query.descending else key.asc()
        # The id breaks ties so paging never shows a row twice or skips one.
        tie = Article.id.desc() if query.descending else Article.id.asc()
        if query.sort == "byline":
            stmt = stmt.add_columns(byline)
        rows = session.execute(
            stmt.order_by(order.nulls_last(), tie).offset(query.offset).limit(query.limit)
        ).all()
        names = _byline_names(session, [row[0] for row in rows])
    items = tuple(
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
    return ArticlePage(items=items, total=total, offset=query.offset)


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
