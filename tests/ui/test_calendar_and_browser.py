"""The calendar as an editor uses it: a refusal offers the override with a reason, and a
double-click opens the story; "Open in browser" says where the page is when no browser
starts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QPlainTextEdit

from editor.articles import get_article
from editor.workflow.audit import audit_log
from editor.workflow.transitions import change_status
from tests.ui.driving import menu_action, when_modal
from tests.ui.workflow_newsroom import make_newsroom, open_window
from ui.workflow.calendar_view import CalendarDialog, CalendarView, week_start

JAKARTA = ZoneInfo("Asia/Jakarta")


def tomorrow_at(hour: int) -> datetime:
    day = datetime.now(JAKARTA).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, 30, tzinfo=JAKARTA)


def test_a_checklist_refusal_in_the_calendar_offers_the_override(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    when = tomorrow_at(9)
    bare = room.article("approved", lead_image="", lead_image_caption="", lead_image_credit="")
    change_status(
        sqlite_db,
        bare.id,
        "scheduled",
        actor_id=room.editor.id,
        scheduled_at=when,
        override_reason="Foto menyusul",
    )
    view = CalendarView(room.session(room.editor))
    qtbot.addWidget(view)
    view.show_week(when.date())
    model = view.model
    column = (when.date() - week_start(when.date())).days
    asked: list[str] = []

    def give_reason(dialog: QInputDialog) -> None:
        asked.append(dialog.labelText())
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit), "Foto dari biro menyusul")
        dialog.accept()

    when_modal(QInputDialog, give_reason)
    cell = model.index(9, column)
    moved = model.dropMimeData(
        model.mimeData([cell]), Qt.DropAction.MoveAction, -1, -1, model.index(14, column)
    )
    assert moved and asked and "reason" in asked[0]
    assert get_article(sqlite_db, bare.id).scheduled_at == when.replace(hour=14)
    assert audit_log(sqlite_db, bare.id)[0].outcome == "override"


def test_double_clicking_a_calendar_item_opens_the_article(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    other = room.article("draft", headline="Artikel lain")
    when = tomorrow_at(10)
    approved = room.article("approved", headline="Jadwal Debat Calon Gubernur")
    change_status(sqlite_db, approved.id, "scheduled", actor_id=room.editor.id, scheduled_at=when)
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, other.id, windows)

    def double_click(dialog: CalendarDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        view = dialog.view
        view.show_week(when.date())
        table = view.table
        index = view.model.index(10, (when.date() - week_start(when.date())).days)
        qtbot.wait(50)  # the hours take their heights
        table.scrollTo(index)
        centre = table.visualRect(index).center()
        # A person's double-click: a click, then the second press Qt reports as double.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        if dialog.isVisible():
            dialog.reject()

    when_modal(CalendarDialog, double_click)
    menu_action(main, "workflow.calendar").trigger()
    assert main.editor.form.headline.text() == "Jadwal Debat Calon Gubernur"


def test_open_in_browser_without_a_browser_says_where_the_page_is(
    qtbot, laptop_window, monkeypatch, qt_messages
):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    menu_action(laptop_window, "article.browser").trigger()
    assert len(qt_messages) == 1
    kind, text = qt_messages[0]
    assert kind == "warning" and "browser" in text and ".html" in text
