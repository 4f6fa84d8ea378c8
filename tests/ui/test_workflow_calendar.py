"""The calendar grid: a scheduled story in its slot, and dragging it reschedules it; its
times, and the audit log's, written as the interface language writes them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from editor.articles import get_article
from editor.workflow.audit import audit_log
from editor.workflow.transitions import change_status
from tests.ui.workflow_newsroom import make_newsroom
from ui.workflow.calendar_view import CalendarView, week_start

JAKARTA = ZoneInfo("Asia/Jakarta")


def _scheduled(room, when: datetime):
    approved = room.article("approved")
    return change_status(
        room.db, approved.id, "scheduled", actor_id=room.editor.id, scheduled_at=when
    )


def _future_slot() -> datetime:
    """Tomorrow 09:30 in Jakarta: always in the future, on a known day and hour."""
    tomorrow = datetime.now(JAKARTA).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, 30, tzinfo=JAKARTA)


def _view(qtbot, session, day) -> CalendarView:
    view = CalendarView(session)
    qtbot.addWidget(view)
    view.show_week(day)
    return view


def test_a_scheduled_article_shows_in_its_slot_and_a_drop_moves_it(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    when = _future_slot()
    article = _scheduled(room, when)
    view = _view(qtbot, room.session(room.editor), when.date())
    model = view.model
    column = (when.date() - week_start(when.date())).days

    assert model.slot_of(article.id) == (9, column)
    cell = model.index(9, column)
    assert cell.data() == "09:30 Harga Beras Naik Jelang Lebaran"
    assert cell.flags() & Qt.ItemFlag.ItemIsDragEnabled

    target = model.index(15, column)
    moved = model.dropMimeData(model.mimeData([cell]), Qt.DropAction.MoveAction, -1, -1, target)

    assert moved
    assert model.slot_of(article.id) == (15, column)
    assert model.index(9, column).data() is None
    stored = get_article(sqlite_db, article.id)
    assert stored.status == "scheduled"
    assert stored.scheduled_at == when.replace(hour=15)
    entry = audit_log(sqlite_db, article.id)[0]
    assert (entry.from_status, entry.to_status, entry.actor) == (
        "scheduled",
        "scheduled",
        "Budi Santoso",
    )


def test_a_reporter_cannot_drag_and_a_forced_drop_is_refused(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    when = _future_slot()
    article = _scheduled(room, when)
    view = _view(qtbot, room.session(room.reporter), when.date())
    model = view.model
    column = (when.date() - week_start(when.date())).days
    refusals: list[str] = []
    model.refused.connect(refusals.append)
    cell = model.index(9, column)

    assert not cell.flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert "Only editors" in view.hint.text()
    moved = model.reschedule(article.id, 15, column)

    assert not moved and refusals and "reporter" in refusals[0]
    assert warned == refusals  # the user sees the core's own reason
    assert get_article(sqlite_db, article.id).scheduled_at == when
    assert audit_log(sqlite_db, article.id)[0].outcome == "refused"


def test_a_drop_outside_the_grid_does_nothing(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    when = _future_slot()
    article = _scheduled(room, when)
    view = _view(qtbot, room.session(room.editor), when.date())
    model = view.model
    column = (when.date() - week_start(when.date())).days
    data = model.mimeData([model.index(9, column)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert get_article(sqlite_db, article.id).scheduled_at == when


def test_the_calendar_writes_times_as_the_interface_language_does(qtbot, demo_db, tmp_path):
    """Opened from the menu bar in Indonesian, its hours read 06.00, as every other time
    in the window does (10.42), not 06:00."""
    from tests.ui.conftest import open_laptop_window
    from tests.ui.driving import menu_action, when_modal
    from ui.workflow.calendar_view import CalendarDialog

    main = open_laptop_window(qtbot, demo_db, tmp_path, "id")
    hours: list[object] = []

    def look(dialog: CalendarDialog) -> None:
        model = dialog.view.model
        hours.extend(model.headerData(h, Qt.Orientation.Vertical) for h in (6, 15))
        dialog.reject()

    try:
        when_modal(CalendarDialog, look)
        menu_action(main, "workflow.calendar").trigger()
        qtbot.waitUntil(lambda: bool(hours))
        assert hours == ["06.00", "15.00"]
    finally:
        main.autosave.shutdown()
        main.workflow.shutdown()
        main.context.translations.uninstall()


def test_the_audit_log_writes_times_as_the_interface_language_does(qtbot, demo_db, tmp_path):
    """Workflow → Audit log, in Indonesian: 08-12-2026 06.00, not 06:00."""
    import re

    from tests.ui.conftest import open_laptop_window
    from tests.ui.driving import menu_action, when_modal
    from ui.workflow.audit_view import AuditDialog

    main = open_laptop_window(qtbot, demo_db, tmp_path, "id")
    times: list[str] = []

    def look(dialog: AuditDialog) -> None:
        model = dialog.view.model
        times.extend(str(model.index(row, 0).data()) for row in range(model.rowCount()))
        dialog.reject()

    try:
        when_modal(AuditDialog, look)
        menu_action(main, "workflow.audit").trigger()
        qtbot.waitUntil(lambda: bool(times))
        assert all(re.fullmatch(r"\d\d-\d\d-\d{4} \d\d\.\d\d", time) for time in times), times
    finally:
        main.autosave.shutdown()
        main.workflow.shutdown()
        main.context.translations.uninstall()


def test_a_story_box_stands_out_on_the_dark_calendar(qtbot, sqlite_db, tmp_path):
    """Workflow → Calendar in the dark theme: the slot holding a story is clearly
    lighter than an empty slot (a faint tint was lost on the dark grid)."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import open_laptop_window
    from tests.ui.driving import menu_action, when_modal
    from tests.ui.screens import save_screenshot
    from ui.theme import apply_theme
    from ui.workflow.calendar_view import CalendarDialog

    room = make_newsroom(sqlite_db)
    when = _future_slot()
    _scheduled(room, when)
    main = open_laptop_window(qtbot, sqlite_db, tmp_path)
    apply_theme(QApplication.instance(), "dark", main.context.theme)
    seen: list[int] = []

    def look(dialog: CalendarDialog) -> None:
        table = dialog.view.table
        column = (when.date() - week_start(when.date())).days
        qtbot.waitUntil(lambda: bool(dialog.view.model.entries_at(9, column)))
        dialog.resize(1200, 700)
        table.scrollTo(table.model().index(9, column))
        qtbot.wait(50)
        save_screenshot(dialog, "calendar-dark")
        shot = table.viewport().grab().toImage()

        def corner(row: int) -> int:
            # The cell's bottom-right corner: its background, away from the text.
            rect = table.visualRect(table.model().index(row, column))
            return shot.pixelColor(rect.right() - 3, rect.bottom() - 3).lightness()

        seen.append(corner(9) - corner(10))
        dialog.reject()

    try:
        when_modal(CalendarDialog, look)
        menu_action(main, "workflow.calendar").trigger()
        qtbot.waitUntil(lambda: bool(seen))
    finally:
        main.autosave.shutdown()
        main.workflow.shutdown()
        apply_theme(QApplication.instance(), "light", main.context.theme)
    assert seen[0] >= 40, f"the story box is hardly seen on the dark calendar ({seen[0]})"
