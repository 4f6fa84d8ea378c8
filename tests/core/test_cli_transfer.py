"""``redaksi import`` and ``redaksi export-md``: problems per file, the good files still land."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def headlines(capsys, url: str) -> list[str]:
    code, out, _ = run(capsys, "--db", url, "list", "--json", "--sort", "headline")
    assert code == 0
    return [item["headline"] for item in json.loads(out)["items"]]


def test_import_lists_each_problem_as_path_line_reason_and_keeps_the_good_files(
    sqlite_url, tmp_path: Path, capsys
):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "baik.md").write_text("---\ntitle: Berita Baik\n---\nIsi.\n", encoding="utf-8")
    bad = folder / "rusak.md"
    bad.write_text("---\ntitle: Rusak\ndate: kemarin sore\n---\nIsi.\n", encoding="utf-8")
    missing = tmp_path / "tidak-ada.md"

    code, out, err = run(capsys, "--db", sqlite_url, "import", str(folder), str(missing))

    assert code == 1
    problem_lines = err.splitlines()
    assert f"{missing}: no such file or folder" in problem_lines
    assert any(line.startswith(f"{bad}:3: ") for line in problem_lines), err
    assert "Traceback" not in err
    assert "+ Berita Baik" in out
    assert "Imported: 1 new, 0 updated, 0 unchanged, 1 with problems." in out
    assert headlines(capsys, sqlite_url) == ["Berita Baik"]


def test_import_of_only_missing_paths_fails_cleanly(sqlite_url, tmp_path: Path, capsys):
    code, out, err = run(capsys, "--db", sqlite_url, "import", str(tmp_path / "nope"))
    assert code == 1
    assert out == ""
    assert err.strip() == f"{tmp_path / 'nope'}: no such file or folder"


def test_export_then_import_back_changes_nothing(sqlite_url, tmp_path: Path, capsys):
    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    out_dir = tmp_path / "export"
    code, out, _ = run(capsys, "--db", sqlite_url, "export-md", str(out_dir))
    assert code == 0
    assert out.strip() == f"Exported to {out_dir}: 24 written, 0 unchanged."
    code, out, _ = run(capsys, "--db", sqlite_url, "export-md", str(out_dir))
    assert code == 0
    assert out.strip() == f"Exported to {out_dir}: 0 written, 24 unchanged."
    code, out, err = run(
        capsys, "--db", sqlite_url, "import", str(out_dir), "--as", "hendra-wijaya"
    )
    assert code == 0, err
    lines = out.rstrip().splitlines()
    assert lines[-1] == "Imported: 0 new, 0 updated, 24 unchanged."
    assert len(lines) == 25 and all(line.startswith("  = ") for line in lines[:-1])


def test_export_filters_by_status_and_section(sqlite_url, tmp_path: Path, capsys):
    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    out_dir = tmp_path / "dunia"
    code, out, _ = run(
        capsys,
        "--db",
        sqlite_url,
        "export-md",
        str(out_dir),
        "--status",
        "published",
        "--section",
        "dunia",
    )
    assert code == 0
    assert out.strip() == f"Exported to {out_dir}: 4 written, 0 unchanged."
    exported = sorted(path.read_text(encoding="utf-8") for path in out_dir.rglob("*.md"))
    assert len(exported) == 4
    assert any("Hadapi Ancaman China dan Rusia" in text for text in exported)
    code, _, err = run(capsys, "--db", sqlite_url, "export-md", str(out_dir), "--status", "gone")
    assert code == 1
    assert "Unknown status gone" in err


def test_export_writes_one_file_per_article_even_when_a_slug_spells_a_clash_name(
    sqlite_url, tmp_path: Path, capsys
):
    from editor.articles import create_article
    from editor.database import open_database
    from editor.records import ArticleDraft

    assert run(capsys, "--db", sqlite_url, "demo")[0] == 0
    db = open_database(sqlite_url)
    try:
        first = create_article(db, ArticleDraft(headline="Dup satu", slug="dup"))
        create_article(db, ArticleDraft(headline="Dup dua", slug="dup"))
        create_article(db, ArticleDraft(headline="Dup tiga", slug=f"dup-{first.id.hex[:8]}"))
    finally:
        db.close()
    out_dir = tmp_path / "export"

    code, out, err = run(capsys, "--db", sqlite_url, "export-md", str(out_dir))

    assert code == 0, err
    assert out.strip() == f"Exported to {out_dir}: 27 written, 0 unchanged."
    files = list(out_dir.rglob("*.md"))
    ids = {
        line for path in files for line in path.read_text().splitlines() if line.startswith("id: ")
    }
    assert len(files) == len(ids) == 27


def test_import_maps_sections_creates_the_missing_and_lists_every_file(
    sqlite_url, tmp_path: Path, capsys
):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "pos.md").write_text("---\ntitle: Pos\ncategories: [post]\n---\n", "utf-8")
    (folder / "bola.md").write_text(
        "---\ntitle: Bola\ncategories: [Olahraga]\nweight: 3\n---\n", "utf-8"
    )
    code, _, _ = run(capsys, "--db", sqlite_url, "people", "add", "Admin Situs", "--role", "admin")
    assert code == 0
    argv = ("--db", sqlite_url, "import", str(folder), "--as", "admin-situs")

    code, out, err = run(capsys, *argv, "--map-section", "post=Berita", "--map-section", "x")
    assert code != 0 and "NAME=SECTION" in err

    code, out, err = run(capsys, *argv, "--map-section", "post=Olahraga")
    assert (code, err) == (0, "")
    assert "+ Bola" in out and "kept: weight; date from the file time" in out and "+ Pos" in out
    assert "Front matter keys Redaksi used: title ×2, categories ×2." in out
    assert "Kept as they are and written back on export: weight ×1." in out
    assert "New sections: olahraga." in out
    code, out, err = run(capsys, *argv, "--map-section", "post=Olahraga")
    assert "= Bola" in out and "= Pos" in out and "0 new, 0 updated, 2 unchanged" in out
