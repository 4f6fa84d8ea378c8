"""Markdown export: layout, header, safety, and round trips through the importer."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from editor.articles import create_article, get_article
from editor.database import Database, open_database
from editor.exporter import export_markdown
from editor.importer import import_paths
from editor.listing import list_articles
from editor.people import create_person
from editor.records import ArticleDraft, ArticleQuery, ArticleRecord
from editor.sections import create_section, find_section

FIXTURES = Path(__file__).parent.parent / "fixtures" / "import"
#: What a user can see of an article; versions and times of the row itself are excluded.
CONTENT_FIELDS = (
    "id",
    "headline",
    "body",
    "kicker",
    "slug",
    "lead",
    "language",
    "status",
    "tags",
    "lead_image",
    "lead_image_caption",
    "lead_image_credit",
    "published_at",
    "scheduled_at",
    "embargo_until",
    "section_path",
)


def add_sections(db: Database) -> None:
    berita = create_section(db, "Berita")
    create_section(db, "Dunia", parent_id=berita.id)
    create_section(db, "Ekonomi", parent_id=berita.id)


def content(record: ArticleRecord) -> tuple[object, ...]:
    names = tuple(p.name for p in record.bylines)
    return (*(getattr(record, name) for name in CONTENT_FIELDS), names)


def all_articles(db: Database) -> dict[object, ArticleRecord]:
    page = list_articles(db, ArticleQuery(limit=1000))
    return {item.id: get_article(db, item.id) for item in page.items}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.md")}


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    add_sections(database)
    yield database
    database.close()


@pytest.fixture
def newsroom(db: Database, tmp_path: Path) -> Database:
    """Sample sites imported, plus articles typed in Redaksi with awkward text."""
    add_sections(db)
    site = tmp_path / "site"
    shutil.copytree(FIXTURES, site)
    assert import_paths(db, [site]).problems == []
    sarah = create_person(db, "Sarah Meiliana Gunawan", handle="sarah")
    dunia = find_section(db, "berita/dunia")
    create_article(
        db,
        ArticleDraft(
            headline="yes",
            kicker="2023-05-04",
            lead="Baris pertama: dengan titik dua # dan pagar\nBaris kedua  ",
            body="\n---\nBaris dengan spasi di ujung   \n\tTab\n---\n\nTanpa baris baru di akhir",
            section_id=dunia.id,
            byline_ids=(sarah.id,),
            tags=("Pemilu 2024", "KPU"),
            status="scheduled",
            scheduled_at=datetime(2026, 1, 11, 21, 59, 30, 123456, tzinfo=UTC),
            embargo_until=datetime(2026, 1, 11, 22, 0, tzinfo=UTC),
            lead_image="https://example.id/a b.jpg",
            lead_image_caption="Foto: “KPU”",
        ),
    )
    create_article(db, ArticleDraft(headline="Jum'at Keramat: Rp 4,5 triliun", body="Isi.\n"))
    return db


def test_layout_and_header(newsroom: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = export_markdown(newsroom, out)

    assert report.problems == [] and report.count == 6
    assert sorted(files(out)) == sorted(str(f.path) for f in report.written)
    assert sorted(files(out)) == [
        "berita/dunia/2023-01-31-stoltenberg-tokyo.md",  # the slug its file name gave
        "berita/dunia/2023-05-04-nato-buka-kantor-di-jepang.md",
        "berita/dunia/yes.md",  # not published yet: no date in the name
        "berita/ekonomi/2023-05-05-rupiah-menguat.md",
        "berita/rencana-liputan-pemilu.md",
        "jumat-keramat-rp-4-5-triliun.md",  # no section: top of the folder
    ]
    text = (out / "berita/dunia/2023-05-04-nato-buka-kantor-di-jepang.md").read_text("utf-8")
    assert text.startswith("---\nid: ")
    header, body = text.removeprefix("---\n").split("\n---\n\n", 1)
    fields = yaml.safe_load(header)
    assert list(fields) == [
        "id",
        "title",
        "slug",
        "date",
        "section",
        "authors",
        "tags",
        "status",
        "language",
        "lead",
        "lead_image",
        # Kept from the Hugo file by the import, written back as they were.
        "lastmod",
        "weight",
        "aliases",
        # Where Hugo put the page, worked out by the import: it redirects from there.
        "old_address",
    ]
    assert "\nlastmod: '2023-05-04T09:10:00+07:00'\n" in header  # a text, as read
    assert "\ndate: 2023-05-04T07:56:00+07:00\n" in header  # newsroom time with its offset
    assert fields["section"] == "berita/dunia"
    assert fields["authors"] == ["Sarah Meiliana Gunawan"]
    assert fields["lead_image"] == {
        "src": "/images/nato-tokyo.jpg",
        "caption": "NATO/Net",
        "credit": "NATO",
    }
    # Two people share this name: the one whose handle is not made from it keeps its handle.
    typed = yaml.safe_load((out / "berita/dunia/yes.md").read_text("utf-8").split("---\n")[1])
    assert typed["authors"] == [{"name": "Sarah Meiliana Gunawan", "handle": "sarah"}]
    assert typed["title"] == "yes" and typed["kicker"] == "2023-05-04"
    stored = get_article(newsroom, uuid.UUID(fields["id"]))
    assert stored.headline == fields["title"]
    assert body == stored.body


def test_second_export_touches_nothing(newsroom: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    export_markdown(newsroom, out)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = export_markdown(newsroom, out)
    assert again.written == [] and len(again.unchanged) == 6
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before  # no temp files either


def test_import_export_import_changes_nothing(newsroom: Database, tmp_path: Path) -> None:
    before = all_articles(newsroom)
    out = tmp_path / "out"
    export_markdown(newsroom, out)
    editor = create_person(newsroom, "Redaktur Impor", role="editor")

    report = import_paths(newsroom, [out], actor_id=editor.id)

    assert report.problems == [] and report.created == [] and report.updated == []
    assert len(report.unchanged) == len(before) == 6
    after = all_articles(newsroom)
    assert {i: (r.version, r.updated_at) for i, r in after.items()} == {
        i: (r.version, r.updated_at) for i, r in before.items()
    }
    assert {i: content(r) for i, r in after.items()} == {i: content(r) for i, r in before.items()}


def test_export_import_elsewhere_export_gives_identical_files(
    newsroom: Database, fresh_sqlite: Database, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    export_markdown(newsroom, first)

    report = import_paths(fresh_sqlite, [first])
    assert report.problems == [] and len(report.created) == 6
    export_markdown(fresh_sqlite, second)

    assert files(second) == files(first)
    # The keys Redaksi does not use went through both imports and exports unchanged.
    nato = next(text for name, text in files(second).items() if "nato" in name)
    assert b"weight: 10\naliases:\n  - /2023/05/04/nato-jepang/\n" in nato
    expected = {i: content(r) for i, r in all_articles(newsroom).items()}
    assert {i: content(r) for i, r in all_articles(fresh_sqlite).items()} == expected


def test_names_never_leave_the_folder(db: Database, tmp_path: Path) -> None:
    sneaky = create_section(db, "Luar", slug="../../luar")
    create_article(db, ArticleDraft(headline="A", slug="../../../etc/passwd", section_id=sneaky.id))
    create_article(db, ArticleDraft(headline="B", slug="/absolute/path"))
    out = tmp_path / "deep" / "out"

    report = export_markdown(db, out)

    assert report.problems == [] and report.count == 2
    written = sorted(str(f.path) for f in report.written)
    assert written == ["absolute-path.md", "luar/etc-passwd.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")) == [
        "deep/out/absolute-path.md",
        "deep/out/luar/etc-passwd.md",
    ]


def test_a_symlink_out_of_the_folder_is_refused(db: Database, tmp_path: Path) -> None:
    berita = create_section(db, "Berita")
    create_article(db, ArticleDraft(headline="Di dalam", section_id=berita.id))
    create_article(db, ArticleDraft(headline="Tetap ditulis"))
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "berita").symlink_to(outside, target_is_directory=True)

    report = export_markdown(db, out)

    assert [str(f.path) for f in report.written] == ["tetap-ditulis.md"]
    assert len(report.problems) == 1 and "outside" in report.problems[0].reason
    assert list(outside.iterdir()) == []


def test_same_name_gets_the_id_on_every_article_sharing_it(db: Database, tmp_path: Path) -> None:
    one = create_article(db, ArticleDraft(headline="Banjir", body="Satu"))
    two = create_article(db, ArticleDraft(headline="Banjir", body="Dua"))
    report = export_markdown(db, tmp_path / "out")
    names = sorted(str(f.path) for f in report.written)
    assert names == sorted(f"banjir-{article.id.hex[:8]}.md" for article in (one, two))


def test_write_failure_is_reported_and_other_files_written(db: Database, tmp_path: Path) -> None:
    create_article(db, ArticleDraft(headline="Terhalang"))
    create_article(db, ArticleDraft(headline="Lancar"))
    out = tmp_path / "out"
    (out / "terhalang.md").mkdir(parents=True)  # a folder where the file should go

    report = export_markdown(db, out)

    assert [str(f.path) for f in report.written] == ["lancar.md"]
    assert len(report.problems) == 1 and "Terhalang" in str(report.problems[0])
    assert sorted(p.name for p in out.iterdir()) == ["lancar.md", "terhalang.md"]


def test_query_selects_what_is_exported(newsroom: Database, tmp_path: Path) -> None:
    ekonomi = find_section(newsroom, "berita/ekonomi")
    report = export_markdown(newsroom, tmp_path / "out", ArticleQuery(section_id=ekonomi.id))
    assert [str(f.path) for f in report.written] == ["berita/ekonomi/2023-05-05-rupiah-menguat.md"]


def test_progress_and_cancel(db: Database, tmp_path: Path) -> None:
    for number in range(3):
        create_article(db, ArticleDraft(headline=f"Nomor {number}"))
    seen: list[tuple[int, int]] = []
    report = export_markdown(
        db,
        tmp_path / "out",
        progress=lambda done, total: seen.append((done, total)),
        cancel=lambda: len(seen) >= 1,
    )
    assert seen == [(1, 3)] and report.cancelled and len(report.written) == 1


def exported_ids(out: Path) -> list[str]:
    """The ``id`` of every file in the folder, one entry per file."""
    return sorted(
        yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["id"]
        for path in out.rglob("*.md")
    )


def test_a_slug_spelling_another_articles_clash_name_loses_no_article(
    db: Database, tmp_path: Path
) -> None:
    one = create_article(db, ArticleDraft(headline="Satu", slug="dup", body="Satu"))
    two = create_article(db, ArticleDraft(headline="Dua", slug="dup", body="Dua"))
    three = create_article(
        db, ArticleDraft(headline="Tiga", slug=f"dup-{one.id.hex[:8]}", body="Tiga")
    )
    out = tmp_path / "out"

    report = export_markdown(db, out)

    assert report.problems == [] and report.count == 3
    assert exported_ids(out) == sorted(str(a.id) for a in (one, two, three))
    names = {f.article_id: f.path.name for f in report.written}
    assert names[two.id] == f"dup-{two.id.hex[:8]}.md"
    assert len(set(names.values())) == 3
    again = export_markdown(db, out)
    assert (len(again.written), len(again.unchanged)) == (0, 3)


def test_names_do_not_depend_on_the_order_articles_come_in(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from editor.exporter import relative_path, unique_paths

    first = create_article(sqlite_db, ArticleDraft(headline="Satu", slug="dup"))
    records = [
        first,
        create_article(sqlite_db, ArticleDraft(headline="Dua", slug="dup")),
        create_article(sqlite_db, ArticleDraft(headline="Tiga", slug=f"dup-{first.id.hex[:8]}")),
    ]
    wanted = [(relative_path(record, "Asia/Jakarta"), record) for record in records]

    forward = {record.id: path for path, record in unique_paths(wanted)}
    backward = {record.id: path for path, record in unique_paths(wanted[::-1])}

    assert forward == backward
    assert len(set(forward.values())) == 3


def test_two_names_the_disk_takes_for_one_file_are_reported_not_counted(
    db: Database, tmp_path: Path
) -> None:
    berita = create_section(db, "Berita")
    dunia = create_section(db, "Dunia")
    create_article(db, ArticleDraft(headline="Sama", section_id=berita.id, body="Berita"))
    create_article(db, ArticleDraft(headline="Sama", section_id=dunia.id, body="Dunia"))
    out = tmp_path / "out"
    (out / "dunia").mkdir(parents=True)
    (out / "berita").symlink_to(out / "dunia", target_is_directory=True)

    report = export_markdown(db, out)

    assert report.count == 1
    assert [p.name for p in (out / "dunia").iterdir()] == ["sama.md"]
    [problem] = report.problems
    assert "are one file in this folder" in problem.reason
    assert "berita/sama.md" in problem.reason and "dunia/sama.md" in problem.reason
