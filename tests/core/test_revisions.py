"""Revisions on SQLite and PostgreSQL: save points, listing, restore, conflicts, diffs."""

from __future__ import annotations

import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, update

from editor.articles import create_article, get_article, save_article
from editor.database import Database, open_database
from editor.diffing import body_changed
from editor.errors import ConflictError, DatabaseLockedError, NotFoundError, ValidationError
from editor.models import Person, Revision, Section
from editor.people import create_person
from editor.records import ArticleDraft, FieldChange, PersonRef
from editor.revisions import (
    create_revision,
    diff_revisions,
    get_revision,
    list_revisions,
    restore_revision,
)
from editor.search import search_articles
from editor.sections import create_section

FIRST_BODY = "Paragraf satu.\n\nParagraf dua tetap.\n\nParagraf tiga.\n"
SECOND_BODY = "Paragraf satu.\n\nParagraf dua tetap.\n\nParagraf tiga diubah.\n\nTambahan.\n"


@pytest.fixture
def story(db: Database):
    """An article saved twice, with a revision after each save."""
    dunia = create_section(db, "Dunia")
    hukum = create_section(db, "Hukum")
    sarah = create_person(db, "Sarah Meiliana Gunawan")
    budi = create_person(db, "Budi Santoso")
    article = create_article(
        db,
        ArticleDraft(
            headline="Hadapi Ancaman China",
            kicker="NATO",
            lead="Pembuka pertama",
            body=FIRST_BODY,
            section_id=dunia.id,
            byline_ids=(sarah.id,),
            tags=("NATO", "Jepang"),
            lead_image="nato.jpg",
            lead_image_credit="NATO/Net",
            embargo_until=datetime(2023, 5, 4, 0, 56, tzinfo=UTC),
        ),
    )
    created_version = article.version
    first = create_revision(db, article.id, author_id=sarah.id, note="draf awal")
    article = save_article(
        db,
        replace(
            article,
            headline="Hadapi Ancaman Rusia",
            body=SECOND_BODY,
            section_id=hukum.id,
            tags=("NATO", "Rusia"),
            lead_image_credit="Reuters",
        ),
    )
    article = save_article(db, _with_bylines(article, (sarah.id, budi.id)))
    second = create_revision(db, article.id, author_id=budi.id)
    return {
        "article": get_article(db, article.id),
        "first": first,
        "created_version": created_version,
        "second": second,
        "sarah": sarah,
        "budi": budi,
        "dunia": dunia,
        "hukum": hukum,
    }


def _with_bylines(record, ids):
    """A record whose bylines are the given people (save reads them through byline_ids)."""
    return replace(record, bylines=tuple(PersonRef(i, "", "") for i in ids))


def test_revisions_are_numbered_listed_newest_first_with_author(db: Database, story) -> None:
    revisions = list_revisions(db, story["article"].id)
    assert [r.number for r in revisions] == [2, 1]
    assert [r.author for r in revisions] == ["Budi Santoso", "Sarah Meiliana Gunawan"]
    assert [r.kind for r in revisions] == ["save", "save"]
    assert revisions[1].note == "draf awal"
    assert revisions[0].created_at.tzinfo is not None


def test_revision_snapshot_holds_text_and_metadata(db: Database, story) -> None:
    first = get_revision(db, story["first"].id)
    assert (first.headline, first.kicker, first.lead) == (
        "Hadapi Ancaman China",
        "NATO",
        "Pembuka pertama",
    )
    assert first.body == FIRST_BODY
    assert first.metadata["section"] == "dunia"
    assert first.metadata["section_id"] == str(story["dunia"].id)
    assert [p["name"] for p in first.metadata["bylines"]] == ["Sarah Meiliana Gunawan"]
    assert first.metadata["tags"] == ["NATO", "Jepang"]
    assert first.metadata["lead_image_credit"] == "NATO/Net"
    assert first.metadata["language"] == "id"
    assert first.metadata["slug"] == "hadapi-ancaman-china"
    assert first.metadata["embargo_until"] == "2023-05-04T00:56:00+00:00"
    assert first.article_version == story["created_version"]


def test_get_unknown_revision_raises_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_revision(db, uuid.uuid4())


def test_restore_puts_content_back_and_keeps_the_current_state(db: Database, story) -> None:
    article = story["article"]
    restored = restore_revision(db, article.id, story["first"].id, expected_version=article.version)
    assert restored.headline == "Hadapi Ancaman China"
    assert restored.body == FIRST_BODY
    assert restored.section_id == story["dunia"].id
    assert restored.tags == ("NATO", "Jepang")
    assert [p.name for p in restored.bylines] == ["Sarah Meiliana Gunawan"]
    assert restored.lead_image_credit == "NATO/Net"
    assert restored.version > article.version
    assert get_article(db, article.id).body == FIRST_BODY

    newest = list_revisions(db, article.id)[0]
    assert (newest.number, newest.kind) == (3, "restore")
    assert newest.body == SECOND_BODY
    assert newest.headline == "Hadapi Ancaman Rusia"
    assert "1" in newest.note

    # Restoring is undoable: putting the "restore" revision back returns the later text.
    undone = restore_revision(db, article.id, newest.id, expected_version=restored.version)
    assert undone.body == SECOND_BODY
    assert [p.name for p in undone.bylines] == ["Sarah Meiliana Gunawan", "Budi Santoso"]
    assert [r.number for r in list_revisions(db, article.id)] == [4, 3, 2, 1]


def test_restore_keeps_workflow_status(db: Database, story) -> None:
    article = save_article(db, replace(story["article"], status="approved"))
    restored = restore_revision(db, article.id, story["first"].id, expected_version=article.version)
    assert restored.status == "approved"


def test_restore_updates_the_search_index(db: Database, story) -> None:
    article = story["article"]
    assert [h.id for h in search_articles(db, "Rusia")] == [article.id]
    restore_revision(db, article.id, story["first"].id, expected_version=article.version)
    assert search_articles(db, "Rusia") == []
    assert [h.id for h in search_articles(db, "China")] == [article.id]


def test_stale_restore_raises_conflict_and_changes_nothing(db: Database, story) -> None:
    article = story["article"]
    newer = save_article(db, replace(article, body="Teks yang disimpan di tempat lain.\n"))
    with pytest.raises(ConflictError) as caught:
        restore_revision(db, article.id, story["first"].id, expected_version=article.version)
    assert caught.value.current_version == newer.version
    assert caught.value.expected_version == article.version
    stored = get_article(db, article.id)
    assert stored.body == "Teks yang disimpan di tempat lain.\n"
    assert stored.version == newer.version
    assert [r.number for r in list_revisions(db, article.id)] == [2, 1]


def test_restore_of_another_articles_revision_is_refused(db: Database, story) -> None:
    other = create_article(db, ArticleDraft(headline="Lain", body="isi lain"))
    with pytest.raises(NotFoundError):
        restore_revision(db, other.id, story["first"].id, expected_version=other.version)
    assert get_article(db, other.id).body == "isi lain"
    assert list_revisions(db, other.id) == []


def test_diff_lists_changed_fields_and_body_hunks(db: Database, story) -> None:
    diff = diff_revisions(story["first"], story["second"])
    assert (diff.old_number, diff.new_number) == (1, 2)
    changes = {change.name: change for change in diff.fields}
    assert changes["headline"] == FieldChange(
        "headline", "Hadapi Ancaman China", "Hadapi Ancaman Rusia"
    )
    assert changes["section"] == FieldChange("section", "dunia", "hukum")
    assert changes["tags"] == FieldChange("tags", ("NATO", "Jepang"), ("NATO", "Rusia"))
    assert changes["bylines"].new == ("Sarah Meiliana Gunawan", "Budi Santoso")
    assert changes["lead_image_credit"].old == "NATO/Net"
    assert "kicker" not in changes and "embargo_until" not in changes

    ops = [(c.op, c.old_lines, c.new_lines) for c in diff.body]
    unchanged = ("Paragraf satu.", "", "Paragraf dua tetap.", "")
    assert ops[0] == ("equal", unchanged, unchanged)
    changed = [c for c in diff.body if c.op != "equal"]
    assert [c.op for c in changed] == ["replace"]
    assert changed[0].old_lines == ("Paragraf tiga.",)
    assert changed[0].new_lines == ("Paragraf tiga diubah.", "", "Tambahan.")
    assert changed[0].old_start == 4 and changed[0].new_start == 4
    assert body_changed(diff)


def test_diff_of_a_revision_with_itself_is_empty(db: Database, story) -> None:
    diff = diff_revisions(story["second"], story["second"])
    assert diff.fields == ()
    assert not body_changed(diff)
    assert [c.op for c in diff.body] == ["equal"]


def test_diff_compares_times_as_times(db: Database, story) -> None:
    article = save_article(
        db, replace(story["article"], embargo_until=datetime(2023, 5, 5, 1, 0, tzinfo=UTC))
    )
    third = create_revision(db, article.id)
    diff = diff_revisions(story["second"], third)
    assert diff.fields == (
        FieldChange(
            "embargo_until",
            datetime(2023, 5, 4, 0, 56, tzinfo=UTC),
            datetime(2023, 5, 5, 1, 0, tzinfo=UTC),
        ),
    )


def test_concurrent_saves_number_revisions_without_gaps(db: Database) -> None:
    article = create_article(db, ArticleDraft(headline="Ramai", body="x"))
    workers, each = 4, 5

    def save_points(worker: int) -> list[int]:
        # A note per save point: unchanged saves without one would return the latest.
        return [create_revision(db, article.id, note=f"{worker}.{i}").number for i in range(each)]

    with ThreadPoolExecutor(max_workers=workers) as pool:
        numbers = [n for batch in pool.map(save_points, range(workers)) for n in batch]
    assert sorted(numbers) == list(range(1, workers * each + 1))
    listed = [r.number for r in list_revisions(db, article.id)]
    assert listed == list(range(workers * each, 0, -1))


def test_saving_again_without_changes_adds_no_copy(db: Database) -> None:
    article = create_article(db, ArticleDraft(headline="Tetap", body="sama"))
    first = create_revision(db, article.id)
    again = create_revision(db, article.id)
    assert again.id == first.id
    noted = create_revision(db, article.id, note="sebelum rapat")
    assert noted.number == 2
    save_article(db, replace(get_article(db, article.id), body="berubah"))
    assert create_revision(db, article.id).number == 3
    assert [r.number for r in list_revisions(db, article.id)] == [3, 2, 1]


def test_an_unknown_revision_kind_is_refused(db: Database) -> None:
    article = create_article(db, ArticleDraft(headline="Jenis"))
    with pytest.raises(ValidationError, match="kind"):
        create_revision(db, article.id, kind="Save Point With Spaces")
    assert list_revisions(db, article.id) == []


def test_restore_survives_a_section_and_a_person_that_are_gone(db: Database, story) -> None:
    # Revision 1 names the section "Dunia" and Sarah; both disappear from the newsroom.
    article = save_article(db, _with_bylines(story["article"], (story["budi"].id,)))
    with db.transaction() as session:
        session.execute(
            update(Revision).where(Revision.author_id == story["sarah"].id).values(author_id=None)
        )
        session.execute(delete(Person).where(Person.id == story["sarah"].id))
        session.execute(delete(Section).where(Section.id == story["dunia"].id))
    restored = restore_revision(db, article.id, story["first"].id, expected_version=article.version)
    assert restored.body == FIRST_BODY
    assert restored.headline == "Hadapi Ancaman China"
    assert restored.section_id == story["hukum"].id  # kept: the old one no longer exists
    assert restored.bylines == ()


def test_a_save_point_of_an_unknown_article_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError):
        create_revision(db, uuid.uuid4())


def test_a_save_point_while_another_program_writes_reports_the_lock(tmp_path) -> None:
    path = tmp_path / "newsroom.db"
    db = open_database(f"sqlite:///{path}", busy_timeout=0.1)
    try:
        article = create_article(db, ArticleDraft(headline="Terkunci", body="isi"))
        writer = sqlite3.connect(path, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")  # holds the write lock; readers still read
            with pytest.raises(DatabaseLockedError, match="nothing was saved"):
                create_revision(db, article.id)
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert list_revisions(db, article.id) == []
        assert create_revision(db, article.id).number == 1
    finally:
        db.close()
