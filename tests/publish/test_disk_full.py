"""A disk that refuses a write mid-publish: one line saying what to do, the site unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main
from tests.publish.conftest import site_files
from tests.publish.newsroom import Newsroom
from tests.publish.small_disk import fill, small_disk  # noqa: F401 (a fixture)

REPO = Path(__file__).resolve().parents[2]
#: Larger than any page of the test newsroom, smaller than the body written below.
SIZE_LIMIT = 64 * 1024


def _argv(sqlite_url: str, out: Path, room: Newsroom) -> list[str]:
    return [
        "publish",
        *("--db", sqlite_url, "--out", str(out), "--media", str(room.media)),
        *("--base-url", "https://warta.example.id", "--now", "2023-05-05T10:00+07:00"),
    ]


def _grow(room: Newsroom) -> None:
    room.edit(room.nato, body="Paragraf yang panjang sekali. " * 8000)  # some 240 KB


def test_a_file_size_limit_mid_publish_gives_one_line(
    room: Newsroom, sqlite_url: str, tmp_path: Path
):
    """Portable: the process may not write files past 64 KB (``ulimit -f``), so the
    grown article's page fails with EFBIG, as a full disk fails with ENOSPC."""
    out = tmp_path / "site"
    argv = _argv(sqlite_url, out, room)
    assert main(argv) == 0
    before = site_files(out)
    _grow(room)
    limited = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({SIZE_LIMIT}, {SIZE_LIMIT}))\n"
        "from editor.cli import main\n"
        f"sys.exit(main({[*argv, '--full']!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", limited], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "File too large. The site readers see is unchanged. Free some space" in done.stderr
    assert site_files(out) == before
    assert main(argv) == 0  # without the limit the same publish goes through
    assert site_files(out) != before


def test_a_full_disk_mid_publish_gives_one_line_and_keeps_the_site(
    room: Newsroom,
    sqlite_url: str,
    small_disk: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
):
    out = small_disk / "site"
    argv = _argv(sqlite_url, out, room)
    assert main(argv) == 0
    capsys.readouterr()
    before = site_files(out)
    filler = fill(small_disk, leave=100 * 1024)  # less than the grown page
    _grow(room)
    assert main([*argv, "--full"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "No space left on device. The site readers see is unchanged." in err
    assert site_files(out) == before
    filler.unlink()
    assert main(argv) == 0  # space freed: the same publish goes through
    assert site_files(out) != before
