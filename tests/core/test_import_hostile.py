"""Hostile files in an import: each gets one clear problem, and the rest of the import lands.

The FIFO and device cases run the real ``redaksi`` command in a child process, with a time
limit and an address-space limit, so a regression shows as a failed test instead of a
hung or swapping test run.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from editor.database import Database
from editor.frontmatter import MAX_EXPANDED_SIZE, FrontMatterError, parse
from editor.importer import MAX_FILE_BYTES, import_paths
from editor.listing import list_articles
from editor.records import ArticleQuery

SCRIPT = Path(sys.executable).parent / ("redaksi.exe" if os.name == "nt" else "redaksi")
GOOD = "---\ntitle: Berkas yang baik\n---\n\nIsi.\n"
#: Enough for the command line to run; far too little to hold an endless file.
ADDRESS_SPACE = 1536 * 1024 * 1024


def alias_bomb(levels: int, used_by: str | None) -> str:
    """The "billion laughs": each list holds nine aliases of the list before it."""
    lines = ["---", "title: Bom", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    if used_by:
        lines.append(f"{used_by}: *a{levels}")
    return "\n".join([*lines, "---", "", "Isi.", ""])


def headlines(db: Database) -> list[str]:
    return sorted(item.headline for item in list_articles(db, ArticleQuery(limit=100)).items)


def import_beside_good(db: Database, folder: Path, name: str, text: str | None):
    """Import ``name`` (written from ``text`` unless None) beside a good file; its problem."""
    folder.mkdir(exist_ok=True)
    if text is not None:
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "yang-baik.md").write_text(GOOD, encoding="utf-8")
    report = import_paths(db, [folder])
    assert [f.path.name for f in report.created] == ["yang-baik.md"]
    assert [p.path.name for p in report.problems] == [name]
    return report.problems[0]


@pytest.mark.parametrize("used_by", [None, "id", "date", "tags", "lead_image"])
def test_an_alias_bomb_is_refused_before_anything_expands_it(
    sqlite_db: Database, tmp_path: Path, used_by: str | None
) -> None:
    problem = import_beside_good(sqlite_db, tmp_path / "posts", "bom.md", alias_bomb(5, used_by))
    assert "aliases" in problem.reason and f"{MAX_EXPANDED_SIZE:,}" in problem.reason
    assert len(problem.reason) < 300
    assert problem.line is not None and 4 <= problem.line <= 9


@pytest.mark.parametrize("levels", [8, 9])
def test_the_big_alias_bombs_of_the_report_are_refused_at_once(levels: int) -> None:
    with pytest.raises(FrontMatterError, match="aliases"):
        parse(alias_bomb(levels, "id"))


def test_aliases_a_header_really_uses_still_work(sqlite_db: Database, tmp_path: Path) -> None:
    text = (
        "---\ntitle: Dua penulis\nteam: &team [Sarah, Budi]\nauthors: *team\n"
        "tags: [ekonomi, dunia]\n---\n\nIsi.\n"
    )
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    report = import_paths(sqlite_db, [tmp_path / "a.md"])
    assert not report.problems
    assert len(report.created) == 1


def test_an_alias_that_contains_itself_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    text = "---\ntitle: Lingkaran\ntags: &loop [a, *loop]\n---\n\nIsi.\n"
    problem = import_beside_good(sqlite_db, tmp_path / "posts", "lingkaran.md", text)
    assert "contains itself" in problem.reason
    assert problem.line == 3


@pytest.mark.parametrize(
    "header",
    [
        "+++\ntitle = 'Dalam'\nk = " + "[" * 5000 + "]" * 5000 + "\n+++\n",
        "+++\ntitle = 'Dalam'\nk = " + "{a=" * 5000 + "1" + "}" * 5000 + "\n+++\n",
    ],
)
def test_toml_nested_too_deeply_is_one_problem(
    sqlite_db: Database, tmp_path: Path, header: str
) -> None:
    problem = import_beside_good(sqlite_db, tmp_path / "posts", "dalam.md", header + "\nIsi.\n")
    assert "too deeply" in problem.reason


def test_a_file_too_big_to_be_an_article_is_refused_without_reading_it(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    huge = folder / "besar.md"
    with huge.open("wb") as stream:  # sparse: 64 MB on paper, nothing on disk
        stream.write(b"---\ntitle: Besar\n---\n")
        stream.truncate(64 * 1024 * 1024)
    problem = import_beside_good(sqlite_db, folder, "besar.md", None)
    assert f"{MAX_FILE_BYTES:,} bytes" in problem.reason


@pytest.mark.parametrize(
    ("header", "line"),
    [
        ("date: 0001-01-01T00:00:00+05:00", 3),
        ("date: 9999-12-31T23:00:00-05:00", 3),
        ("scheduled_at: 9999-12-31T20:00:00Z\nstatus: scheduled", 3),
        ("embargo_until: 1899-12-31 23:59", 3),
        ("publishdate: 3000-01-02", 3),  # newsroom time; 3000-01-01 WIB is still 2999 UTC
    ],
)
def test_dates_outside_the_accepted_years_are_one_problem_each(
    sqlite_db: Database, tmp_path: Path, header: str, line: int
) -> None:
    text = f"---\ntitle: Jauh\n{header}\n---\n\nIsi.\n"
    problem = import_beside_good(sqlite_db, tmp_path / "posts", "jauh.md", text)
    assert "outside the dates Redaksi accepts (the years 1900 to 2999)" in problem.reason
    assert problem.line == line
    assert headlines(sqlite_db) == ["Berkas yang baik"]


def test_toml_dates_and_jekyll_file_names_outside_the_years_are_refused(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "toml.md").write_text("+++\ntitle = 'T'\ndate = 0001-01-01\n+++\nIsi.\n")
    (folder / "0001-01-01-kuno.md").write_text("---\ntitle: Kuno\n---\nIsi.\n")
    (folder / "yang-baik.md").write_text(GOOD)
    report = import_paths(sqlite_db, [folder])
    assert [f.path.name for f in report.created] == ["yang-baik.md"]
    reasons = {p.path.name: p.reason for p in report.problems}
    assert "'date: 0001-01-01' is outside" in reasons["toml.md"]
    assert "file name (0001-01-01-kuno.md) is outside" in reasons["0001-01-01-kuno.md"]


def test_the_ends_of_the_accepted_years_import(sqlite_db: Database, tmp_path: Path) -> None:
    (tmp_path / "awal.md").write_text("---\ntitle: Awal\ndate: 1900-01-01T00:00:00Z\n---\n")
    (tmp_path / "akhir.md").write_text(
        "---\ntitle: Akhir\nstatus: scheduled\nscheduled_at: 2999-12-31T23:59:59Z\n---\n"
    )
    report = import_paths(sqlite_db, [tmp_path])
    assert not report.problems
    assert headlines(sqlite_db) == ["Akhir", "Awal"]


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def redaksi(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_limited,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaksi console script is not installed")
def test_a_fifo_and_a_link_to_dev_zero_are_reported_and_the_rest_imports(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "yang-baik.md").write_text(GOOD)
    os.mkfifo(folder / "x.md")
    (folder / "nol.md").symlink_to("/dev/zero")
    alone = tmp_path / "pipa.md"
    os.mkfifo(alone)
    db = f"sqlite:///{tmp_path / 'newsroom.db'}"

    result = redaksi("--db", db, "import", str(folder), str(alone))

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = result.stderr.splitlines()
    not_a_file = "not a file with text in it; it was not read. Leave it out."
    assert f"{folder / 'x.md'}: is a named pipe (FIFO), {not_a_file}" in problems
    assert f"{alone}: is a named pipe (FIFO), {not_a_file}" in problems
    assert f"{folder / 'nol.md'}: is a device, {not_a_file}" in problems
    assert "Imported: 1 new, 0 updated, 0 unchanged, 3 with problems." in result.stdout
