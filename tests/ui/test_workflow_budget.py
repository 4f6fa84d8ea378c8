"""The day budget PDF: written, a real PDF, readable by poppler, with the day's stories."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from editor.workflow.transitions import change_status
from tests.ui.workflow_newsroom import make_newsroom
from ui.workflow.budget_pdf import export_day_budget

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_day_budget_pdf_lists_the_days_stories(qtbot, sqlite_db, tmp_path):
    room = make_newsroom(sqlite_db)
    day = datetime.now(JAKARTA).date() + timedelta(days=2)
    approved = room.article("approved")
    change_status(
        sqlite_db,
        approved.id,
        "scheduled",
        actor_id=room.editor.id,
        scheduled_at=datetime(day.year, day.month, day.day, 10, 15, tzinfo=JAKARTA),
    )

    path = export_day_budget(
        sqlite_db, tmp_path / "budget.pdf", day, zone="Asia/Jakarta", site="Redaksi"
    )

    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Harga Beras Naik Jelang Lebaran" in text
    assert "Sarah Meiliana Gunawan" in text
    assert "10:15" in text and "Scheduled" in text


def test_an_empty_day_still_writes_a_budget_that_says_so(qtbot, sqlite_db, tmp_path):
    make_newsroom(sqlite_db)
    day = datetime(2026, 1, 17, tzinfo=JAKARTA).date()
    path = export_day_budget(
        sqlite_db, tmp_path / "empty.pdf", day, zone="Asia/Jakarta", site="Redaksi"
    )
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Nothing is scheduled" in text
