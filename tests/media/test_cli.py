"""``redaksi media``: add files (bad ones named, good ones kept), list, search, describe."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from tests.media.pictures import jpeg, png


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_search_describe(sqlite_url: str, tmp_path: Path, capsys):
    (tmp_path / "sidang.jpg").write_bytes(jpeg(640, 480))
    (tmp_path / "grafik.png").write_bytes(png())
    (tmp_path / "page.jpg").write_text("<html>not a photo</html>")
    assert run(capsys, "--db", sqlite_url, "people", "add", "Dwi Anggraeni")[0] == 0
    code, out, _err = run(
        capsys,
        "--db", sqlite_url, "media", "add",
        str(tmp_path / "sidang.jpg"), str(tmp_path / "page.jpg"), str(tmp_path / "grafik.png"),
        "--credit", "Antara", "--as", "dwi-anggraeni",
    )  # fmt: skip
    assert code == 1  # one file was refused
    lines = out.splitlines()
    assert lines[0].startswith(f"added {tmp_path / 'sidang.jpg'} as media:")
    assert "page.jpg is not a picture" in lines[1]
    assert lines[2].startswith(f"added {tmp_path / 'grafik.png'} as media:")
    ref = lines[0].split(" as ")[1].split()[0]

    code, out, _ = run(capsys, "--db", sqlite_url, "media", "list", "sidang")
    assert code == 0 and "sidang.jpg" in out and "grafik.png" not in out and "640x480" in out
    code, out, _ = run(
        capsys, "--db", sqlite_url, "media", "describe", ref[6:14], "--alt", "Ruang sidang DPR",
        "--as", "dwi-anggraeni",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "--db", sqlite_url, "media", "show", ref)
    assert "Ruang sidang DPR" in out and "Antara" in out


def test_adding_needs_a_person_once_the_newsroom_has_people(
    sqlite_url: str, tmp_path: Path, capsys
):
    (tmp_path / "a.jpg").write_bytes(jpeg())
    run(capsys, "--db", sqlite_url, "people", "add", "Dwi Anggraeni")
    code, _out, err = run(capsys, "--db", sqlite_url, "media", "add", str(tmp_path / "a.jpg"))
    assert code == 1 and "--as PERSON" in err
    assert "No pictures" in run(capsys, "--db", sqlite_url, "media")[1]


def test_replace_gives_every_article_the_new_version(sqlite_url: str, tmp_path: Path, capsys):
    from editor.articles import create_article, get_article
    from editor.database import open_database
    from editor.records import ArticleDraft

    (tmp_path / "lama.jpg").write_bytes(jpeg(640, 480, colour=(1, 2, 3)))
    (tmp_path / "baru.jpg").write_bytes(jpeg(640, 480, colour=(200, 2, 3)))
    (tmp_path / "page.jpg").write_text("<html>not a photo</html>")
    run(capsys, "--db", sqlite_url, "people", "add", "Rina Editor", "--role", "editor")
    code, out, _ = run(
        capsys, "--db", sqlite_url, "media", "add", str(tmp_path / "lama.jpg"),
        "--alt", "Gedung DPR", "--as", "rina-editor",
    )  # fmt: skip
    old = out.split(" as ")[1].split()[0]
    db = open_database(sqlite_url)
    try:
        story = create_article(db, ArticleDraft(headline="Sidang DPR", lead_image=old))
    finally:
        db.close()
    code, out, _ = run(capsys, "--db", sqlite_url, "media", "show", old)
    assert "used in" in out and "Sidang DPR" in out

    code, out, err = run(
        capsys, "--db", sqlite_url, "media", "replace", old[6:14], str(tmp_path / "page.jpg"),
        "--as", "rina-editor",
    )  # fmt: skip
    assert code == 1 and "page.jpg is not a picture" in err and len(err.splitlines()) == 1

    code, out, _ = run(
        capsys, "--db", sqlite_url, "media", "replace", old[6:14], str(tmp_path / "baru.jpg"),
        "--as", "rina-editor",
    )  # fmt: skip
    assert code == 0 and "in 1 article." in out
    new = out.split(" replaced by ")[1].split()[0]
    db = open_database(sqlite_url)
    try:
        assert get_article(db, story.id).lead_image == new != old
    finally:
        db.close()
    assert "Gedung DPR" in run(capsys, "--db", sqlite_url, "media", "show", new)[1]
