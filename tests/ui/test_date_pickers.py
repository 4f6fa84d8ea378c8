"""The GUI's date pickers keep to the dates Redaksi accepts (editor.time_range): a year
typed past 2999 is refused where it is typed, and the last accepted day still works."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QDateTimeEdit, QDialog

from editor.config import Settings
from editor.database import Database
from editor.listing import list_articles
from tests.ui.driving import when_modal
from ui.main_window import AppContext, MainWindow
from ui.workflow import prompts


def retype_year(qtbot, edit: QAbstractSpinBox, year: str, *, year_first: bool) -> None:
    """What a user does: select the year's four digits with Shift+arrows, type others."""
    edit.setFocus()
    start, arrow = (
        (Qt.Key.Key_Home, Qt.Key.Key_Right) if year_first else (Qt.Key.Key_End, Qt.Key.Key_Left)
    )
    qtbot.keyClick(edit, start)
    for _ in range(4):
        qtbot.keyClick(edit, arrow, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(edit, year)


def answer_dialog(qtbot, kind: type, year: str, seen: list[str]) -> None:
    """Type ``year`` into the modal dialog's date field, note what it shows, press OK."""

    def act(dialog: QDialog) -> None:
        edit = dialog.findChild(kind)
        retype_year(qtbot, edit, year, year_first=True)
        seen.append(edit.text())
        dialog.accept()

    when_modal(QDialog, act)


@pytest.mark.parametrize(("typed", "year"), [("9999", 2030), ("2999", 2999)])
def test_the_publish_time_picker_takes_no_year_past_2999(qtbot, typed: str, year: int) -> None:
    seen: list[str] = []
    answer_dialog(qtbot, QDateTimeEdit, typed, seen)
    initial = datetime(2030, 3, 4, 9, 45, tzinfo=ZoneInfo("UTC"))

    chosen = prompts.ask_publish_time(None, "Asia/Jayapura", initial)

    assert chosen is not None and chosen.year == year
    assert not seen[0].startswith("9")


@pytest.mark.parametrize(("typed", "year"), [("9999", 2030), ("2999", 2999)])
def test_the_day_budget_picker_takes_no_year_past_2999(qtbot, typed: str, year: int) -> None:
    seen: list[str] = []
    answer_dialog(qtbot, QDateEdit, typed, seen)

    chosen = prompts.ask_day(None, date(2030, 3, 4))  # type: ignore[arg-type]

    assert chosen == date(year, 3, 4)


@pytest.fixture
def window(qtbot, demo_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    context = AppContext(settings=Settings(database_url=demo_db.url), data_dir=tmp_path / "data")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(demo_db)
    yield main
    main.autosave.shutdown()


def test_the_list_date_filter_takes_no_year_past_2999_and_the_last_day_filters(
    qtbot, window: MainWindow, demo_db: Database
) -> None:
    bar = window.list_pane.filter_bar
    bar.toggle.setChecked(True)
    edit = bar.date_to
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # from "no limit" to a first real day

    retype_year(qtbot, edit, "9999", year_first=False)
    assert edit.date().year() == 2000

    retype_year(qtbot, edit, "2999", year_first=False)
    assert edit.date().year() == 2999
    query = window.list_pane.model.query()
    assert query.date_to == datetime(2999, 1, 3, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert window.list_pane.model.total() == list_articles(demo_db).total
