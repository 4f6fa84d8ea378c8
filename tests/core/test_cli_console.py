"""End to end through the installed ``redaksi`` console script, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

NATO = "Hadapi Ancaman China dan Rusia, NATO akan Buka Kantor di Jepang"
SCRIPT = Path(sys.executable).parent / ("redaksi.exe" if os.name == "nt" else "redaksi")


def redaksi(*argv: str) -> subprocess.CompletedProcess[str]:
    # The environment is inherited: the conftest points HOME and XDG folders at temp dirs.
    return subprocess.run(
        [str(SCRIPT), *argv], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.slow  # eight real processes, each paying Python and SQLAlchemy start-up
@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaksi console script is not installed")
def test_demo_list_show_search_export_and_import_back(tmp_path: Path):
    db = ["--db", str(tmp_path / "newsroom.db")]

    demo = redaksi(*db, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "Created 8 sections, 6 people and 24 articles." in demo.stdout

    listing = redaksi(*db, "list", "--json", "--limit", "100")
    assert listing.returncode == 0, listing.stderr
    items = json.loads(listing.stdout)["items"]
    assert len(items) == 24
    nato = next(item for item in items if item["headline"] == NATO)

    show = redaksi(*db, "show", nato["id"][:8])
    assert show.returncode == 0, show.stderr
    assert show.stdout.startswith(NATO + "\n")
    assert "LAPORAN" not in show.stdout  # metadata lines, not the published dateline
    assert "Byline:        Sarah Meiliana Gunawan" in show.stdout
    assert "Published:     2023-05-04 07:56 WIB" in show.stdout

    search = redaksi(*db, "search", "NATO")
    assert search.returncode == 0, search.stderr
    assert search.stdout.startswith(f"1. {NATO}")
    assert "[NATO]" in search.stdout  # not a terminal: brackets, no ANSI codes

    out_dir = tmp_path / "export"
    export = redaksi(*db, "export-md", str(out_dir))
    assert export.returncode == 0, export.stderr
    files = sorted(out_dir.rglob("*.md"))
    assert len(files) == 24

    back = redaksi(*db, "import", str(out_dir), "--as", "hendra-wijaya")
    assert back.returncode == 0, back.stderr
    assert "0 new, 0 updated, 24 unchanged" in back.stdout

    after = json.loads(redaksi(*db, "list", "--json", "--limit", "100").stdout)["items"]
    assert [(i["id"], i["version"]) for i in after] == [(i["id"], i["version"]) for i in items]


@pytest.mark.skipif(not SCRIPT.exists(), reason="the redaksi console script is not installed")
def test_a_user_error_is_one_line_and_exit_1(tmp_path: Path):
    damaged = tmp_path / "damaged.db"
    damaged.write_text("not a database")
    result = redaksi("--db", str(damaged), "list")
    assert result.returncode == 1
    assert result.stderr.startswith("redaksi: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
