"""Dates and times typed as people type them, filters that say when they are hidden, and
one word for one state. Driven with mouse clicks and keys on the real widgets."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QDialog

from tests.ui.driving import menu_action, when_modal
from ui.article_list.model import COLUMNS
from ui.workflow import prompts
from ui.workflow.labels import WorkflowLabels

ZONE = "Asia/Jakarta"


def click_on(qtbot, edit: QDateTimeEdit, text_before: str) -> None:
    """A click just after ``text_before`` in the field, as a person points at a part."""
    line = edit.lineEdit()
    x = line.fontMetrics().horizontalAdvance(text_before) + 4
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    qtbot.wait(20)  # the section is selected once the click is through


def test_typing_a_time_over_the_default_hour_in_the_schedule_box(qtbot):
    def type_time(dialog: QDialog) -> None:
        edit = dialog.findChild(QDateTimeEdit)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        click_on(qtbot, edit, "2026-12-07 0")  # into the hour, "09"
        qtbot.keyClicks(edit, "0847")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    when_modal(QDialog, type_time)
    start = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo(ZONE))
    chosen = prompts.ask_publish_time(None, ZONE, start)
    assert chosen == datetime(2026, 12, 7, 8, 47, tzinfo=ZoneInfo(ZONE))


def test_typing_a_date_into_the_day_budget_field(qtbot, laptop_window):
    seen: list[str] = []

    def type_day(dialog: QDialog) -> None:
        edit = dialog.findChild(QDateEdit)
        if edit is None:
            dialog.reject()
            return
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        click_on(qtbot, edit, "2026-12-")  # into the day
        qtbot.keyClicks(edit, "24")
        click_on(qtbot, edit, "20")  # into the year
        qtbot.keyClicks(edit, "2027")
        seen.append(edit.date().toString("yyyy-MM-dd")[4:])
        dialog.reject()

    when_modal(QDialog, type_day)
    menu_action(laptop_window, "workflow.budget").trigger()
    assert seen and seen[0].endswith("-24"), seen


def test_tab_leaves_the_from_date_filter(qtbot, laptop_window):
    bar = laptop_window.list_pane.filter_bar
    bar.date_from.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() not in (bar.date_from, bar.date_from.lineEdit())


def test_hidden_filters_say_they_filter_and_clear_with_a_click(qtbot, laptop_window):
    main = laptop_window
    bar = main.list_pane.filter_bar
    everything = main.list_pane.model.rowCount()
    bar.status.setFocus()
    qtbot.keyClick(bar.status, Qt.Key.Key_Down)  # the first status after "Any status"
    qtbot.waitUntil(lambda: main.list_pane.model.rowCount() < everything)
    qtbot.mouseClick(bar.toggle, Qt.MouseButton.LeftButton)  # hide the filters
    assert not bar.filters.isVisible()
    assert bar.hidden_filters.isVisible() and "1" in bar.hidden_filters.text()
    assert "1" in bar.toggle.text()
    qtbot.mouseClick(bar.hidden_filters, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.list_pane.model.rowCount() == everything)
    assert not bar.hidden_filters.isVisible()


def test_one_word_for_one_state_in_the_list_and_the_workflow_panel(laptop_window):
    from ui.article_list.labels import status_labels

    assert status_labels()["killed"] == WorkflowLabels().status("killed") == "Unpublished"
    assert COLUMNS  # the list's status column reads status_labels
