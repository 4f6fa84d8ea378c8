"""The article list's sort orders on SQLite and PostgreSQL: every sortable column, both
directions, paged in every size, against the order worked out here from the records.

Sorting by byline or section walks people or sections by name and their articles by id;
articles without one come last in either direction, and namesakes follow each other by
their own id."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from editor.articles import create_article, get_article, trash_article
from editor.database import Database
from editor.listing import count_articles, list_articles, list_page
from editor.people import create_person
from editor.records import ArticleDraft, ArticleQuery, ArticleRecord
from editor.sections import create_section


@pytest.fixture
def records(db: Database) -> list[ArticleRecord]:
    berita = create_section(db, "Berita")
    daerah_a = create_section(db, "Daerah", parent_id=berita.id)
    daerah_b = create_section(db, "Daerah")
    ani_1, ani_2 = create_person(db, "Ani", handle="ani"), create_person(db, "Ani", handle="ani-2")
    budi, citra = create_person(db, "Budi"), create_person(db, "Citra")
    sections = [berita.id, daerah_a.id, daerah_b.id, None]
    bylines: list[tuple[uuid.UUID, ...]] = [
        (ani_1.id,),
        (ani_2.id,),
        (budi.id, ani_1.id),  # the first byline is the one sorted by
        (citra.id,),
        (),
        (ani_2.id, citra.id),
        (),
    ]
    made = []
    for number in range(14):
        record = create_article(
            db,
            ArticleDraft(
                headline=f"Berita {chr(ord('a') + (number * 5) % 14)}",
                section_id=sections[number % len(sections)],
                byline_ids=bylines[number % len(bylines)],
                status=("draft", "submitted", "published")[number % 3],
            ),
        )
        made.append(record)
    trash_article(db, made[3].id)
    return [get_article(db, record.id) for record in made if record.id != made[3].id]


def _expected(records: list[ArticleRecord], sort: str, descending: bool) -> list[uuid.UUID]:
    def key(record: ArticleRecord) -> Any:
        if sort == "byline":
            first = record.bylines[0] if record.bylines else None
            return (first.name, first.id) if first else None
        if sort == "section":
            return (record.section_name, record.section_id) if record.section_id else None
        if sort == "headline":
            return record.headline.lower()
        return getattr(record, sort)

    having = [record for record in records if key(record) is not None]
    having.sort(key=lambda record: (key(record), record.id), reverse=descending)
    none = sorted(
        (record for record in records if key(record) is None),
        key=lambda record: record.id,
        reverse=descending,
    )
    return [record.id for record in having + none]


@pytest.mark.parametrize("sort", ["byline", "section", "status", "headline", "updated_at"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_size_gives_the_same_order(
    db: Database, records: list[ArticleRecord], sort: str, descending: bool
) -> None:
    expected = _expected(records, sort, descending)
    for size in (1, 2, 3, 5, len(expected)):
        seen: list[uuid.UUID] = []
        for offset in range(0, len(expected) + size, size):
            query = ArticleQuery(sort=sort, descending=descending, offset=offset, limit=size)
            page = list_articles(db, query)
            assert page.total == len(expected)
            assert [item.id for item in list_page(db, query)] == [item.id for item in page.items]
            seen.extend(item.id for item in page.items)
        assert seen == expected, (sort, descending, size)


def test_sorting_by_byline_keeps_the_filters(db: Database, records: list[ArticleRecord]) -> None:
    query = ArticleQuery(sort="byline", descending=False, statuses=("published",))
    wanted = [r for r in records if r.status == "published"]
    assert [item.id for item in list_page(db, query)] == _expected(wanted, "byline", False)
    assert count_articles(db, query) == len(wanted)
    shown = list_page(db, query)
    assert [item.byline for item in shown] == [
        ", ".join(person.name for person in r.bylines)
        for r in sorted(wanted, key=lambda r: _expected(wanted, "byline", False).index(r.id))
    ]
