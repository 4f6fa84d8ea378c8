"""Importing Hugo and Jekyll Markdown files: fields, folders, identity and re-imports."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor.articles import get_article, save_article
from editor.database import Database
from editor.errors import ValidationError
from editor.importer import import_paths
from editor.listing import list_articles
from editor.people import create_person, list_people
from editor.records import ArticleQuery
from editor.revisions import list_revisions
from editor.sections import create_section

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
NATO = "berita/dunia/nato-kantor-jepang/index.md"


@pytest.fixture
def sections(db: Database):
    berita = create_section(db, "Berita")
    return {
        "berita": berita,
        "dunia": create_section(db, "Dunia", parent_id=berita.id),
        "ekonomi": create_section(db, "Ekonomi", parent_id=berita.id),
    }


@pytest.fixture
def editor_id(db: Database):
    """An editor to import as: once a newsroom has people, an import names who acts."""
    return create_person(db, "Redaktur Impor", role="editor").id


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the sample sites, so tests may change files without touching the repo."""
    target = tmp_path / "site"
    shutil.copytree(FIXTURES, target)
    return target


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def only_article(db: Database):
    page = list_articles(db, ArticleQuery(include_trashed=True))
    assert page.total == 1
    return get_article(db, page.items[0].id)


def test_hugo_page_bundle_with_every_field(db: Database, sections, site: Path) -> None:
    report = import_paths(db, [site / "hugo" / "content"])

    assert report.problems == []
    assert [p.name for p in report.skipped] == ["_index.md"]
    assert len(report.created) == 2
    nato = next(f for f in report.created if f.path.name == "index.md")
    assert set(nato.kept_keys) == {"lastmod", "weight", "aliases"}
    article = get_article(db, nato.article_id)
    assert article.headline == "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"
    assert article.published_at == datetime(2023, 5, 4, 0, 56, tzinfo=UTC)
    assert article.status == "published"
    assert article.slug == "nato-buka-kantor-di-jepang"
    assert article.section_path == "berita/dunia"
    assert article.tags == ("NATO", "Jepang", "Indo-Pasifik")
    assert [p.name for p in article.bylines] == ["Sarah Meiliana Gunawan"]
    assert article.lead.startswith("Kantor pertama NATO di Asia")
    assert (article.lead_image, article.lead_image_caption, article.lead_image_credit) == (
        "/images/nato-tokyo.jpg",
        "NATO/Net",
        "NATO",
    )
    assert article.source_key == NATO
    source = (site / "hugo" / "content" / NATO).read_text(encoding="utf-8")
    assert article.body == source.split("---\n\n", 1)[1]
    assert "Jepang dan NATO.  \nBaris ini" in article.body


def test_hugo_toml_front_matter_draft_with_two_authors(db: Database, sections, site) -> None:
    report = import_paths(db, [site / "hugo" / "content" / "berita" / "dunia"])
    toml = next(f for f in report.created if f.path.name == "stoltenberg-tokyo.md")
    article = get_article(db, toml.article_id)
    assert article.status == "draft"
    assert [p.name for p in article.bylines] == ["Sarah Meiliana Gunawan", "Budi Santoso"]
    assert article.lead == "Kepala NATO bertemu Perdana Menteri Fumio Kishida."
    assert article.published_at == datetime(2023, 1, 31, 3, 15, tzinfo=UTC)
    # Unknown people are created as reporters.
    assert {(p.name, p.role) for p in list_people(db)} == {
        ("Sarah Meiliana Gunawan", "reporter"),
        ("Budi Santoso", "reporter"),
    }


def test_jekyll_post_takes_date_and_slug_from_its_name(db: Database, sections, site) -> None:
    report = import_paths(db, [site / "jekyll"])
    assert report.problems == []
    by_name = {f.path.name: get_article(db, f.article_id) for f in report.created}
    post = by_name["2023-05-05-rupiah-menguat.markdown"]
    assert post.headline == "Rupiah Menguat ke Rp 14.700, Jum'at Pagi"
    # A bare date from the file name is midnight in the newsroom zone (WIB, UTC+7).
    assert post.published_at == datetime(2023, 5, 4, 17, 0, tzinfo=UTC)
    assert post.slug == "rupiah-menguat"
    assert post.section_path == "berita/ekonomi"  # "categories: berita ekonomi" as a path
    assert [p.name for p in post.bylines] == ["Budi Santoso"]
    assert post.tags == ("Rupiah", "Pasar Uang")
    assert post.lead == "Nilai tukar rupiah dibuka menguat pada perdagangan Jum'at pagi."
    assert post.lead_image_credit == "ANTARA/Aprillio Akbar"
    assert post.lead_image == "/assets/img/rupiah.jpg"
    assert "| USD       | 14.700 |" in post.body

    draft = by_name["rencana-liputan-pemilu.md"]
    assert draft.status == "draft"  # under _drafts
    assert draft.section_path == "berita"
    assert [p.name for p in draft.bylines] == ["Budi Santoso"]
    assert draft.body == "Catatan awal tim liputan.\n"


def test_naive_times_are_in_the_zone_given(db: Database, sections, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: Waktu\ndate: 2023-05-04 07:56\n---\nIsi.\n")
    import_paths(db, [tmp_path / "a.md"], zone="Asia/Jayapura")
    assert only_article(db).published_at == datetime(2023, 5, 3, 22, 56, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023-05-04T07:56:00+07:00", datetime(2023, 5, 4, 0, 56, tzinfo=UTC)),
        ("2023-05-04T00:56:00Z", datetime(2023, 5, 4, 0, 56, tzinfo=UTC)),
        ("2023-05-04 07:56:00 +0800", datetime(2023, 5, 3, 23, 56, tzinfo=UTC)),  # Jekyll
        ("'2023-05-04 07:56'", datetime(2023, 5, 4, 0, 56, tzinfo=UTC)),
        ("2023-05-04", datetime(2023, 5, 3, 17, 0, tzinfo=UTC)),
        ("2023-5-4", datetime(2023, 5, 3, 17, 0, tzinfo=UTC)),
    ],
)
def test_date_spellings(sqlite_db: Database, tmp_path: Path, written, expected) -> None:
    write(tmp_path / "a.md", f"---\ntitle: Waktu\ndate: {written}\n---\n")
    assert import_paths(sqlite_db, [tmp_path]).problems == []
    assert only_article(sqlite_db).published_at == expected


def test_unknown_zone_is_refused_before_anything_is_read(sqlite_db, tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: A\n---\n")
    with pytest.raises(ValidationError, match="Asia/Jakarta"):
        import_paths(sqlite_db, [tmp_path], zone="Asia/Atlantis")
    assert list_articles(sqlite_db, ArticleQuery()).total == 0


def test_windows_line_endings_become_lf_and_trailing_spaces_stay(db, tmp_path: Path) -> None:
    text = "---\r\ntitle: CRLF\r\n---\r\n\r\nBaris satu  \r\nBaris dua\t\r\n\r\n\r\nAkhir"
    write(tmp_path / "crlf.md", text)
    report = import_paths(db, [tmp_path])
    assert report.problems == []
    assert only_article(db).body == "Baris satu  \nBaris dua\t\n\n\nAkhir"


def test_byte_order_mark_and_no_blank_line_after_header(db, tmp_path: Path) -> None:
    write(tmp_path / "bom.md", "\ufeff---\ntitle: BOM\n---\n\n\nDua baris kosong di depan.\n")
    import_paths(db, [tmp_path])
    # One blank line separates header and body; a second one belongs to the body.
    assert only_article(db).body == "\nDua baris kosong di depan.\n"


def test_reimport_of_unchanged_folder_changes_nothing(
    db: Database, sections, site, editor_id
) -> None:
    first = import_paths(db, [site], actor_id=editor_id)
    assert first.problems == [] and len(first.created) == 4
    before = {f.article_id: get_article(db, f.article_id) for f in first.created}

    second = import_paths(db, [site], actor_id=editor_id)

    assert second.created == [] and second.updated == [] and second.problems == []
    assert {f.article_id for f in second.unchanged} == set(before)
    for article_id, record in before.items():
        after = get_article(db, article_id)
        assert (after.version, after.updated_at) == (record.version, record.updated_at)
        assert [r.kind for r in list_revisions(db, article_id)] == ["import"]
    assert list_articles(db, ArticleQuery()).total == 4


def test_changed_file_updates_article_and_records_import_revision(
    db, sections, site, editor_id
) -> None:
    folder = site / "hugo" / "content"
    created = import_paths(db, [folder], actor_id=editor_id).created
    nato_id = next(f.article_id for f in created if f.path.name == "index.md")
    version = get_article(db, nato_id).version
    path = folder / NATO
    path.write_text(
        path.read_text(encoding="utf-8").replace("Wina, Ukraina", "Wina, Kyiv"), encoding="utf-8"
    )

    report = import_paths(db, [folder], actor_id=editor_id)

    assert [f.article_id for f in report.updated] == [nato_id]
    assert len(report.unchanged) == 1
    updated = get_article(db, nato_id)
    assert "Wina, Kyiv" in updated.body and updated.version > version
    revisions = list_revisions(db, nato_id)
    assert [r.kind for r in revisions] == ["import", "import"]
    assert "Wina, Kyiv" in revisions[0].body and "Wina, Ukraina" in revisions[1].body


def test_reimport_keeps_unrevisioned_edits_in_a_revision(db, sections, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Awal\n---\nIsi dari berkas.\n")
    import_paths(db, [tmp_path])
    article = only_article(db)
    save_article(db, replace(article, body="Diketik di Redaksi, belum ada revisinya."))
    path.write_text("---\ntitle: Awal\n---\nIsi baru dari berkas.\n", encoding="utf-8")

    import_paths(db, [tmp_path])

    assert only_article(db).body == "Isi baru dari berkas.\n"
    bodies = [r.body for r in list_revisions(db, article.id)]
    assert bodies == [
        "Isi baru dari berkas.\n",
        "Diketik di Redaksi, belum ada revisinya.",
        "Isi dari berkas.\n",
    ]


def test_existing_article_keeps_status_the_file_does_not_state(db, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Status\n---\nIsi.\n")
    import_paths(db, [tmp_path])
    article = only_article(db)
    assert article.status == "published" and article.published_at is not None
    killed = save_article(db, replace(article, status="killed"))

    report = import_paths(db, [tmp_path])
    assert len(report.unchanged) == 1
    assert only_article(db).status == "killed"

    path.write_text("---\ntitle: Status\nstatus: draft\n---\nIsi.\n", encoding="utf-8")
    import_paths(db, [tmp_path])
    assert only_article(db).status == "draft"
    assert only_article(db).published_at == killed.published_at


def test_single_file_matches_the_article_imported_from_its_folder(
    db, sections, site, editor_id
) -> None:
    folder = site / "hugo" / "content"
    created = import_paths(db, [folder], actor_id=editor_id).created
    nato_id = next(f.article_id for f in created if f.path.name == "index.md")
    (folder / NATO).write_text(
        (folder / NATO).read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8"
    )

    report = import_paths(db, [folder / NATO], actor_id=editor_id)

    assert [f.article_id for f in report.updated] == [nato_id]
    assert get_article(db, nato_id).source_key == NATO
    assert list_articles(db, ArticleQuery()).total == 2


def test_single_file_key_is_its_absolute_path(db, tmp_path: Path) -> None:
    path = write(tmp_path / "satu" / "berita.md", "---\ntitle: Satu\n---\nIsi.\n")
    write(tmp_path / "dua" / "berita.md", "---\ntitle: Dua\n---\nIsi.\n")
    import_paths(db, [path])
    import_paths(db, [tmp_path / "dua" / "berita.md"])
    keys = {get_article(db, item.id).source_key for item in list_articles(db, ArticleQuery()).items}
    assert keys == {
        path.resolve().as_posix(),
        (tmp_path / "dua" / "berita.md").resolve().as_posix(),
    }


def test_a_file_given_twice_is_imported_once(db, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Sekali\n---\n")
    report = import_paths(db, [tmp_path, path])
    assert len(report.created) == 1 and report.problems == []


def test_progress_and_cancel(db, tmp_path: Path) -> None:
    for number in range(3):
        write(tmp_path / f"{number}.md", f"---\ntitle: Nomor {number}\n---\n")
    seen: list[tuple[int, int]] = []
    report = import_paths(
        db,
        [tmp_path],
        progress=lambda done, total: seen.append((done, total)),
        cancel=lambda: len(seen) >= 2,
    )
    assert seen == [(1, 3), (2, 3)]
    assert report.cancelled and len(report.created) == 2
    assert "cancelled" in report.summary()


def test_id_of_another_newsroom_on_a_file_imported_before(db, tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: Tanpa id\n---\nIsi.\n")
    import_paths(db, [tmp_path])
    first = only_article(db)
    foreign_id = "0b9c7e8e-1f0e-4d6a-9a57-3c2f5d1e4b11"
    path.write_text(f"---\nid: {foreign_id}\ntitle: Dengan id\n---\nIsi.\n", encoding="utf-8")

    report = import_paths(db, [tmp_path])

    assert len(report.problems) == 1 and str(first.id) in report.problems[0].reason
    assert "Remove the 'id' line" in report.problems[0].reason
    assert only_article(db).headline == "Tanpa id"


def test_file_with_a_new_id_creates_the_article_with_that_id(db, tmp_path: Path) -> None:
    article_id = "0b9c7e8e-1f0e-4d6a-9a57-3c2f5d1e4b11"
    write(tmp_path / "a.md", f"---\nid: {article_id}\ntitle: Dari newsroom lain\n---\nIsi.\n")
    report = import_paths(db, [tmp_path])
    assert [str(f.article_id) for f in report.created] == [article_id]
    assert str(only_article(db).id) == article_id


def test_a_reimport_skips_unchanged_files_but_not_articles_saved_since(
    db: Database, sections, editor_id, tmp_path: Path
) -> None:
    folder = tmp_path / "posts"
    write(folder / "a.md", "---\ntitle: Satu\nsection: berita\nstatus: draft\n---\n\nIsi satu.\n")
    write(folder / "b.md", "---\ntitle: Dua\nsection: berita\nstatus: draft\n---\n\nIsi dua.\n")
    first = import_paths(db, [folder], actor_id=editor_id)
    assert len(first.created) == 2
    edited_id = next(f.article_id for f in first.created if f.path.name == "a.md")
    stored = get_article(db, edited_id)
    save_article(db, replace(stored, body="Diubah di Redaksi.\n"))

    again = import_paths(db, [folder], actor_id=editor_id)

    assert [f.path.name for f in again.updated] == ["a.md"]
    assert [f.path.name for f in again.unchanged] == ["b.md"]
    assert get_article(db, edited_id).body == "Isi satu.\n"
    # The edit made in Redaksi is kept as a revision before the file's text came back.
    assert any(r.body == "Diubah di Redaksi.\n" for r in list_revisions(db, edited_id))
    third = import_paths(db, [folder], actor_id=editor_id)
    assert len(third.unchanged) == 2 and third.updated == []


def test_unknown_keys_are_kept_with_the_article(db: Database, sections, site: Path) -> None:
    import json

    from sqlalchemy import select

    from editor.models import Article

    report = import_paths(db, [site / "hugo" / "content"])
    nato = next(f for f in report.created if f.path.name == "index.md")
    with db.transaction() as session:
        kept = json.loads(
            session.scalar(select(Article.kept_fields).where(Article.id == nato.article_id))
        )
    assert set(kept) == {"lastmod", "weight", "aliases", "old_address"}
    assert kept["aliases"] == ["/2023/05/04/nato-jepang/"]
    # Hugo's own address of the page, worked out, so it redirects too.
    assert kept["old_address"] == "/berita/dunia/nato-buka-kantor-di-jepang/"
