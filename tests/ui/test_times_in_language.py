"""The day budget PDF and the article list's tooltip write times as the interface
language does (06.00 in Indonesian, 06:00 in English), like the calendar and audit log."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from editor.workflow.transitions import change_status
from tests.ui.conftest import open_laptop_window
from tests.ui.workflow_newsroom import make_newsroom
from ui.article_list.model import COLUMNS
from ui.workflow.budget_pdf import export_day_budget

JAKARTA = ZoneInfo("Asia/Jakarta")


def _shut(main) -> None:
    main.autosave.shutdown()
    main.workflow.shutdown()
    main.context.translations.uninstall()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_the_day_budget_in_indonesian_writes_10_15_with_a_dot(qtbot, sqlite_db, tmp_path):
    room = make_newsroom(sqlite_db)
    day = datetime.now(JAKARTA).date() + timedelta(days=1)
    change_status(
        sqlite_db,
        room.article("approved").id,
        "scheduled",
        actor_id=room.editor.id,
        scheduled_at=datetime(day.year, day.month, day.day, 10, 15, tzinfo=JAKARTA),
    )
    pdf = tmp_path / "anggaran.pdf"
    main = open_laptop_window(qtbot, sqlite_db, tmp_path, "id")

    try:
        # Written as Workflow → Day budget writes it, in the window's language (the menu,
        # its day dialog and file dialog are driven by tests/ui/test_every_action.py).
        export_day_budget(sqlite_db, pdf, day, zone="Asia/Jakarta", site="Redaksi")
    finally:
        _shut(main)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Harga Beras Naik Jelang Lebaran" in text
    assert "10.15" in text and "10:15" not in text


def test_the_article_lists_time_tooltip_follows_the_language(qtbot, demo_db, tmp_path):
    main = open_laptop_window(qtbot, demo_db, tmp_path, "id")
    try:
        model = main.list_pane.model
        qtbot.waitUntil(lambda: model.rowCount() > 0)
        tip = model.index(0, COLUMNS.index("updated")).data(Qt.ItemDataRole.ToolTipRole)
        assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d\.\d\d", tip), tip
    finally:
        _shut(main)
