"""``redaksi publish`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.cli import main
from tests.publish.newsroom import Newsroom


def test_publish_command_writes_the_site(
    room: Newsroom, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "www"
    argv = ["publish", "--db", sqlite_url, "--out", str(out), "--now", "2023-05-05T10:00+07:00"]
    argv += ["--media", str(room.media), "--base-url", "https://berita.example.id/arsip"]
    assert main(argv) == 0
    summary = capsys.readouterr().out
    assert f"Publish of {1 + len(room.others)} articles" in summary
    home = (out / "index.html").read_text()
    # A base URL with a path puts every link below it.
    assert 'href="/arsip/update/"' in home
    assert 'href="https://berita.example.id/arsip/"' in home
    assert main([*argv, "--full", "--quiet", "--sidebar", "ssi"]) == 0
    assert capsys.readouterr().out == ""
    assert (
        '<!--#include virtual="/arsip/sidebar/sidebar.inc" -->' in (out / "index.html").read_text()
    )


def test_publish_command_explains_bad_input(
    room: Newsroom, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    out = tmp_path / "www"
    assert main(["publish", "--db", sqlite_url, "--out", str(out), "--now", "yesterday"]) == 2
    assert "ISO 8601" in capsys.readouterr().err
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep")
    assert main(["publish", "--db", sqlite_url, "--out", str(tmp_path / "notes")]) == 1
    assert "Choose an empty or new folder" in capsys.readouterr().err
