"""The article list sorted by byline or by section: walked in order, not sorted.

Sorted by the first byline's name, the list used to compute that name for every article
and sort them all (0.6-2 s at 100,000 articles). Here the database walks people (or
sections) by name, and for each one its articles by id, through the indexes of
migration 0018, and stops after a page. Articles without a byline or section come
after all others, by id, in either direction. People (or sections) with the same name
follow each other by their own id.

SQLite's planner, lacking table statistics, takes the articles as the outer loop and
sorts; ``CROSS JOIN`` is SQLite's way of fixing the order of a join (PostgreSQL gets
a plain join and chooses for itself).
"""

from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import Join

from editor.models import Article, Byline, Person, Section


class OuterLoopJoin(Join):
    """An inner join whose left side SQLite must read first."""

    inherit_cache = True


@compiles(OuterLoopJoin, "sqlite")
def _cross_join(
    join: OuterLoopJoin, compiler: Any, asfrom: bool = True, from_linter: Any = None, **kw: Any
) -> str:
    assert join.onclause is not None
    if from_linter:
        from_linter.edges.update(
            itertools.product(join.left._from_objects, join.right._from_objects)
        )
    return (
        join.left._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
        + " CROSS JOIN "
        + join.right._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
        + " ON "
        + join.onclause._compiler_dispatch(compiler, from_linter=from_linter, **kw)
    )


def grouped_order(sort: str, columns: tuple[Any, ...], base: Any) -> tuple[Any, list[Any], Any]:
    """For ``sort`` "byline" or "section": (the articles that have one, the keys they
    are ordered by, the articles that have none). ``base`` selects ``columns`` from
    all articles."""
    if sort == "section":
        walk = OuterLoopJoin(Section, Article, Article.section_id == Section.id)
        return (
            select(*columns).select_from(walk),
            [Section.name, Section.id, Article.id],
            base.where(Article.section_id.is_(None)),
        )
    other = aliased(Byline)
    first_position = (
        select(func.min(other.position))
        .where(other.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
    walk = OuterLoopJoin(
        OuterLoopJoin(Person, Byline, Byline.person_id == Person.id),
        Article,
        Article.id == Byline.article_id,
    )
    with_byline = (
        select(*columns)
        .select_from(walk)
        .outerjoin(Section, Section.id == Article.section_id)
        .where(Byline.position == first_position)
    )
    has_none = ~select(Byline.article_id).where(Byline.article_id == Article.id).exists()
    return with_byline, [Person.name, Person.id, Byline.article_id], base.where(has_none)
