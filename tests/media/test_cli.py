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
