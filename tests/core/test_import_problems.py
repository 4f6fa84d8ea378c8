"""Broken files are reported with name, line and reason; the good files still import."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.articles import MAX_BODY_CHARS, get_article
from editor.database import Database
from editor.import_report import ImportProblem
from editor.importer import import_paths
from editor.listing import list_articles
from editor.people import create_person
from editor.records import ArticleQuery
from editor.sections import create_section, list_sections

GOOD = "---\ntitle: Berkas yang baik\nsection: berita/dunia\n---\n\nIsi.\n"


def add_sections(db: Database) -> Database:
    berita = create_section(db, "Berita")
    create_section(db, "Dunia", parent_id=berita.id)
    return db


@pytest.fixture
def newsroom(sqlite_db: Database) -> Database:
    """Reading problems do not depend on the backend: SQLite is enough for most tests."""
    return add_sections(sqlite_db)


@pytest.fixture
def either(db: Database) -> Database:
    """Both backends, where storage matters (sizes, NUL bytes, big bodies)."""
    return add_sections(db)


def import_with_good_file(db: Database, folder: Path, name: str, data: bytes | str):
    """Import ``name`` beside a good file; return the one problem it caused."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    (folder / name).write_bytes(raw)
    (folder / "yang-baik.md").write_text(GOOD, encoding="utf-8")
    report = import_paths(db, [folder])
    imported = report.created + report.unchanged  # unchanged when a test imports twice
    assert [f.path.name for f in imported] == ["yang-baik.md"]
    assert len(report.problems) == 1, report.problems
    problem = report.problems[0]
    assert problem.path == folder / name
    return problem


def test_bad_yaml_is_reported_at_its_line_in_the_file(newsroom: Database, tmp_path: Path) -> None:
    text = "---\ntitle: Judul\nauthors:\n  - Sarah\n - Budi\n---\nIsi.\n"
    problem = import_with_good_file(newsroom, tmp_path, "rusak.md", text)
    assert problem.line == 5  # " - Budi" is on line 5 of the file
    assert "not valid YAML" in problem.reason
    assert str(problem).startswith(f"{tmp_path / 'rusak.md'}:5: ")


def test_unquoted_colon_in_title_points_at_that_line(newsroom: Database, tmp_path: Path) -> None:
    text = "---\nslug: a\ntitle: Jokowi: Kita Siap\n---\n"
    problem = import_with_good_file(newsroom, tmp_path, "titik-dua.md", text)
    assert problem.line == 3
    assert "quotes" in problem.reason


def test_bad_toml_is_reported_at_its_line(newsroom: Database, tmp_path: Path) -> None:
    problem = import_with_good_file(newsroom, tmp_path, "t.md", '+++\ntitle = "A"\ndate = \n+++\n')
    assert problem.line == 3 and "TOML" in problem.reason


def test_an_editor_may_not_create_a_missing_section(newsroom: Database, tmp_path: Path) -> None:
    editor = create_person(newsroom, "Redaktur", role="editor")
    (tmp_path / "olahraga.md").write_text(
        "---\ntitle: Judul\ndate: 2023-05-04\nsection: olahraga\n---\nIsi.\n", "utf-8"
    )
    report = import_paths(newsroom, [tmp_path], actor_id=editor.id)
    [problem] = report.problems
    assert problem.line == 4
    assert "olahraga" in problem.reason and "admin" in problem.reason
    assert "--map-section" in problem.reason
    assert report.sections_created == []
    assert [s.path for s in list_sections(newsroom)] == ["berita", "berita/dunia"]


def test_an_admin_import_creates_missing_sections_and_maps_names(
    newsroom: Database, tmp_path: Path
) -> None:
    admin = create_person(newsroom, "Admin", role="admin")
    (tmp_path / "bola.md").write_text(
        "---\ntitle: Bola\ncategories:\n  - Sepak Bola\n  - Liga 1\n---\n", "utf-8"
    )
    (tmp_path / "daerah.md").write_text(
        "---\ntitle: Daerah\nsection: Nusantara/Jawa Barat\n---\n", "utf-8"
    )
    (tmp_path / "post.md").write_text("---\ntitle: Pos\ncategories: [post]\n---\n", "utf-8")
    report = import_paths(
        newsroom, [tmp_path], actor_id=admin.id, section_map={"Post": "berita/dunia"}
    )
    assert report.problems == []
    assert report.sections_created == ["sepak-bola", "nusantara", "nusantara/jawa-barat"]
    paths = {f.path.name: get_article(newsroom, f.article_id).section_path for f in report.created}
    assert paths == {
        "bola.md": "sepak-bola",
        "daerah.md": "nusantara/jawa-barat",
        "post.md": "berita/dunia",
    }
    names = {s.path: s.name for s in list_sections(newsroom)}
    assert names["nusantara/jawa-barat"] == "Jawa Barat"


def test_every_problem_of_a_file_is_reported(newsroom: Database, tmp_path: Path) -> None:
    text = (
        "---\ntitle: ''\ndate: kemarin sore\nstatus: tayang\nlanguage: klingon\n"
        "section: olahraga\n---\nIsi.\n"
    )
    (tmp_path / "rusak.md").write_text(text, "utf-8")
    report = import_paths(newsroom, [tmp_path])
    lines = sorted(p.line or 0 for p in report.problems)
    assert lines == [2, 3, 4, 5]
    # Refused for other reasons, it creates no section.
    assert report.sections_created == []


@pytest.mark.parametrize(
    "header",
    ["date: 2024-01-01\n", "title: ''\n", "title:\n", ""],
    ids=["no-title-key", "empty-quoted", "empty", "empty-header"],
)
def test_missing_title(newsroom: Database, tmp_path: Path, header: str) -> None:
    problem = import_with_good_file(
        newsroom, tmp_path, "tanpa-judul.md", f"---\n{header}---\nIsi.\n"
    )
    assert "no title" in problem.reason and "title: ..." in problem.reason
    assert problem.line is not None


def test_title_read_as_yes_no_asks_for_quotes(newsroom: Database, tmp_path: Path) -> None:
    problem = import_with_good_file(
        newsroom, tmp_path, "ya.md", "---\ndraft: true\ntitle: yes\n---\n"
    )
    assert problem.line == 3 and "quotes" in problem.reason


@pytest.mark.parametrize("value", ["2023-13-45", "kemarin sore", "04/05/2023", "2023-02-30 10:00"])
def test_invalid_date(newsroom: Database, tmp_path: Path, value: str) -> None:
    text = f"---\ntitle: Judul\nslug: x\ndate: {value}\n---\n"
    problem = import_with_good_file(newsroom, tmp_path, "tanggal.md", text)
    assert problem.line == 4
    assert value in problem.reason and "2023-05-04" in problem.reason


def test_unknown_status_lists_the_valid_ones(newsroom: Database, tmp_path: Path) -> None:
    problem = import_with_good_file(
        newsroom, tmp_path, "s.md", "---\ntitle: A\nstatus: terbit\n---\n"
    )
    assert problem.line == 3 and "terbit" in problem.reason and "published" in problem.reason


def test_draft_contradicting_status(newsroom: Database, tmp_path: Path) -> None:
    text = "---\ntitle: A\nstatus: published\ndraft: true\n---\n"
    problem = import_with_good_file(newsroom, tmp_path, "s.md", text)
    assert problem.line == 4 and "contradicts" in problem.reason


def test_unknown_language_and_bad_id(newsroom: Database, tmp_path: Path) -> None:
    problem = import_with_good_file(newsroom, tmp_path, "l.md", "---\ntitle: A\nlang: fr\n---\n")
    assert problem.line == 3 and "'fr'" in problem.reason
    (tmp_path / "l.md").unlink()
    problem = import_with_good_file(newsroom, tmp_path, "i.md", "---\nid: 1234\ntitle: A\n---\n")
    assert problem.line == 2 and "not a Redaksi article id" in problem.reason


def test_binary_junk_and_latin1_are_refused(either: Database, tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"
    problem = import_with_good_file(either, tmp_path, "foto.md", png)
    assert "not UTF-8" in problem.reason and problem.line == 1
    (tmp_path / "foto.md").unlink()
    latin1 = "---\ntitle: Caf\xe9\n---\n".encode("latin-1")
    problem = import_with_good_file(either, tmp_path, "latin.md", latin1)
    assert problem.line == 2 and "UTF-8" in problem.reason
    (tmp_path / "latin.md").unlink()
    problem = import_with_good_file(either, tmp_path, "nul.md", b"---\ntitle: A\n---\nx\x00y\n")
    assert problem.line == 4 and "binary" in problem.reason


def test_missing_closing_line_and_no_front_matter(newsroom: Database, tmp_path: Path) -> None:
    problem = import_with_good_file(
        newsroom, tmp_path, "terbuka.md", "---\ntitle: A\n\nIsi panjang.\n"
    )
    assert problem.line == 1 and "never closed" in problem.reason
    (tmp_path / "terbuka.md").unlink()
    problem = import_with_good_file(
        newsroom, tmp_path, "README.md", "# Catatan\n\nBukan artikel.\n"
    )
    assert problem.line == 1 and "no front matter" in problem.reason


def test_over_long_title_gets_a_message_not_a_database_error(either: Database, tmp_path) -> None:
    problem = import_with_good_file(either, tmp_path, "p.md", f"---\ntitle: {'a' * 501}\n---\n")
    assert problem.line == 2 and "at most 500" in problem.reason


def test_body_over_the_limit_is_refused_quickly(either: Database, tmp_path: Path) -> None:
    paragraph = "Kalimat panjang tentang anggaran negara dan rencana pembangunan. " * 16 + "\n\n"
    body = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(body) > 5_000_000 > MAX_BODY_CHARS
    problem = import_with_good_file(either, tmp_path, "besar.md", f"---\ntitle: Besar\n---\n{body}")
    assert f"{MAX_BODY_CHARS:,}" in problem.reason and "Split" in problem.reason


def test_body_just_under_the_limit_imports_exactly(either: Database, tmp_path: Path) -> None:
    line = "Baris dengan spasi di ujung  \n"
    body = line * ((MAX_BODY_CHARS - 10) // len(line))
    (tmp_path / "besar.md").write_text(f"---\ntitle: Besar\n---\n{body}", encoding="utf-8")
    report = import_paths(either, [tmp_path])
    assert report.problems == []
    assert get_article(either, report.created[0].article_id).body == body


def test_missing_path_and_duplicate_id(either: Database, tmp_path: Path) -> None:
    article_id = "6f1c2a9b-0000-4000-8000-000000000001"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"---\nid: {article_id}\ntitle: {name}\n---\n", "utf-8")
    report = import_paths(either, [tmp_path, tmp_path / "hilang"])
    assert [f.path.name for f in report.created] == ["a.md"]
    assert {(p.path.name, p.line) for p in report.problems} == {("hilang", None), ("b.md", None)}
    duplicate = next(p for p in report.problems if p.path.name == "b.md")
    assert "a.md" in duplicate.reason
    assert list_articles(either, ArticleQuery()).items[0].headline == "a.md"


def test_problem_text_has_path_line_and_reason() -> None:
    problem = ImportProblem(Path("x.md"), 3, "bad")
    assert str(problem) == "x.md:3: bad"
    assert str(ImportProblem(Path("x.md"), None, "bad")) == "x.md: bad"
