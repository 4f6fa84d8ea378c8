"""The article service on SQLite and PostgreSQL: create, save, conflicts, list, trash."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from editor.articles import (
    create_article,
    duplicate_article,
    get_article,
    restore_article,
    save_article,
    trash_article,
)
from editor.database import Database
from editor.errors import ConflictError, ValidationError
from editor.listing import list_articles
from editor.people import create_person
from editor.records import ArticleDraft, ArticleQuery
from editor.sections import create_section


@pytest.fixture
def newsroom(db: Database):
    berita = create_section(db, "Berita")
    dunia = create_section(db, "Dunia", parent_id=berita.id)
    hukum = create_section(db, "Hukum", parent_id=berita.id)
    sarah = create_person(db, "Sarah Meiliana Gunawan")
    budi = create_person(db, "Budi Santoso")
    return {"berita": berita, "dunia": dunia, "hukum": hukum, "sarah": sarah, "budi": budi}


def test_create_keeps_body_exactly_and_derives_slug_and_count(db: Database, newsroom) -> None:
    body = "Paragraf *pertama*.\n\n  Baris dengan spasi   \n\n\tTab tetap.\n"
    record = create_article(
        db,
        ArticleDraft(
            headline="Jum'at Keramat: Rp 4,5 triliun",
            body=body,
            section_id=newsroom["dunia"].id,
            byline_ids=(newsroom["sarah"].id, newsroom["budi"].id),
            tags=("NATO", "Jepang", "nato"),
        ),
    )
    stored = get_article(db, record.id)
    assert stored.body == body
    assert stored.slug == "jumat-keramat-rp-4-5-triliun"
    assert [p.name for p in stored.bylines] == ["Sarah Meiliana Gunawan", "Budi Santoso"]
    assert stored.tags == ("NATO", "Jepang")
    assert stored.section_path == "berita/dunia"
    assert stored.word_count == 7
    assert stored.created_at.tzinfo is not None


def test_stale_save_raises_conflict_and_keeps_stored_text(db: Database, newsroom) -> None:
    record = create_article(db, ArticleDraft(headline="Awal", body="satu"))
    first = save_article(db, replace(record, body="dua"))
    assert first.version > record.version
    with pytest.raises(ConflictError) as caught:
        save_article(db, replace(record, body="tiga"))
    assert caught.value.current_version == first.version
    assert "Nothing was overwritten" in str(caught.value)
    assert get_article(db, record.id).body == "dua"


def test_saving_unchanged_record_does_not_bump_version(db: Database, newsroom) -> None:
    record = create_article(db, ArticleDraft(headline="Tetap", body="sama"))
    again = save_article(db, record)
    assert again.version == record.version


def test_bylines_reorder_and_tags_replace(db: Database, newsroom) -> None:
    sarah, budi = newsroom["sarah"], newsroom["budi"]
    record = create_article(db, ArticleDraft(headline="A", byline_ids=(sarah.id, budi.id)))
    swapped = save_article(db, replace(record, bylines=tuple(reversed(record.bylines))))
    assert [p.name for p in swapped.bylines] == ["Budi Santoso", "Sarah Meiliana Gunawan"]
    retagged = save_article(db, replace(swapped, tags=("Ekonomi",)))
    assert retagged.tags == ("Ekonomi",)


def test_invalid_values_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="Unknown status"):
        create_article(db, ArticleDraft(headline="x", status="lost"))
    with pytest.raises(ValidationError, match="time zone"):
        create_article(db, ArticleDraft(headline="x", published_at=datetime(2023, 5, 4)))


@pytest.mark.parametrize("field", ["published_at", "scheduled_at", "embargo_until"])
def test_times_outside_the_accepted_years_are_never_stored(db: Database, field: str) -> None:
    far = datetime(9999, 12, 31, 20, tzinfo=UTC)
    with pytest.raises(ValidationError, match="outside the dates Redaksi accepts"):
        create_article(db, ArticleDraft(headline="Jauh", **{field: far}))
    stored = create_article(db, ArticleDraft(headline="Dekat"))
    with pytest.raises(ValidationError, match="outside the dates Redaksi accepts"):
        save_article(db, replace(stored, **{field: datetime(1899, 12, 31, tzinfo=UTC)}))
    assert list_articles(db).total == 1
    assert getattr(get_article(db, stored.id), field) is None


def test_trash_is_a_status_and_restore_returns_previous(db: Database, newsroom) -> None:
    record = create_article(db, ArticleDraft(headline="Hapus aku", status="approved"))
    assert trash_article(db, record.id).status == "trashed"
    assert list_articles(db).total == 0
    assert list_articles(db, ArticleQuery(include_trashed=True)).total == 1
    assert restore_article(db, record.id).status == "approved"


def test_duplicate_copies_content_under_new_id(db: Database, newsroom) -> None:
    record = create_article(
        db, ArticleDraft(headline="Asli", body="isi", byline_ids=(newsroom["sarah"].id,))
    )
    copy = duplicate_article(db, record.id)
    assert copy.id != record.id
    assert copy.headline == "Asli (salinan)"  # told apart from the original
    assert (copy.body, copy.byline_ids) == ("isi", record.byline_ids)
    assert copy.status == "draft"


def test_list_filters_sort_and_page(db: Database, newsroom) -> None:
    base = datetime(2026, 1, 10, tzinfo=UTC)
    for i in range(7):
        create_article(
            db,
            ArticleDraft(
                headline=f"Berita {i}",
                body="korupsi anggaran" if i % 2 else "sepak bola",
                section_id=(newsroom["dunia"] if i < 4 else newsroom["hukum"]).id,
                byline_ids=((newsroom["sarah"] if i % 3 == 0 else newsroom["budi"]).id,),
                tags=("Pilkada",) if i == 5 else (),
                status="published" if i < 3 else "draft",
                published_at=base + timedelta(days=i) if i < 3 else None,
            ),
        )
    assert list_articles(db, ArticleQuery(section_id=newsroom["berita"].id)).total == 7
    assert list_articles(db, ArticleQuery(section_id=newsroom["hukum"].id)).total == 3
    assert list_articles(db, ArticleQuery(statuses=("published",))).total == 3
    assert list_articles(db, ArticleQuery(author_id=newsroom["sarah"].id)).total == 3
    assert [a.headline for a in list_articles(db, ArticleQuery(tag="pilkada")).items] == [
        "Berita 5"
    ]
    assert list_articles(db, ArticleQuery(text="korupsi")).total == 3
    ranged = ArticleQuery(
        date_field="published_at",
        date_from=base + timedelta(days=1),
        date_to=base + timedelta(days=3),
    )
    assert sorted(a.headline for a in list_articles(db, ranged).items) == ["Berita 1", "Berita 2"]
    by_headline = ArticleQuery(sort="headline", descending=False, limit=3)
    first = list_articles(db, by_headline)
    second = list_articles(db, replace(by_headline, offset=3))
    assert first.total == 7
    assert [a.headline for a in first.items + second.items] == [f"Berita {i}" for i in range(6)]
    by_byline = list_articles(db, ArticleQuery(sort="byline", descending=False))
    assert by_byline.items[0].byline == "Budi Santoso"
    assert by_byline.items[-1].byline == "Sarah Meiliana Gunawan"


def test_body_or_byline_only_edit_moves_version(db: Database, newsroom) -> None:
    # Same word count and existing tags: once, nothing but the body row changed, the
    # version stayed put and a stale save silently overwrote the edit.
    both = (newsroom["sarah"].id, newsroom["budi"].id)
    record = create_article(
        db, ArticleDraft(headline="A", body="satu dua", tags=("NATO",), byline_ids=both)
    )
    edited = save_article(db, replace(record, body="tiga empat"))
    assert edited.version > record.version
    with pytest.raises(ConflictError):
        save_article(db, replace(record, body="lima enam"))
    assert get_article(db, record.id).body == "tiga empat"
    one_byline = save_article(db, replace(edited, bylines=edited.bylines[:1]))
    assert one_byline.version > edited.version


def test_create_is_version_one_and_each_change_moves_version_by_one(db: Database, newsroom) -> None:
    record = create_article(
        db, ArticleDraft(headline="Satu", tags=("Baru", "Lagi"), byline_ids=(newsroom["sarah"].id,))
    )
    assert record.version == 1
    retagged = save_article(db, replace(record, tags=("Lain",), body="isi baru"))
    assert retagged.version == 2
