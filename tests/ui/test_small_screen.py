"""A 1366x768 laptop, the newsroom's most common screen: every pane stays usable with the
Workflow panel open, and no window opens larger than the screen. Driven with keys and
menus; screenshots land in build/screenshots/ui/ for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from editor.config import Settings
from editor.database import Database
from tests.ui.driving import menu_action, when_modal
from tests.ui.screens import save_screenshot
from ui.article_list.model import COLUMNS
from ui.main_window import AppContext, MainWindow


def make_window(qtbot, demo_db: Database, tmp_path: Path, size: tuple[int, int]) -> MainWindow:
    context = AppContext(settings=Settings(database_url=demo_db.url), data_dir=tmp_path / "data")
    context.translations.install("id")  # the longer words: "Semua status", "Perubahan…"
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(*size)
    main.fit_splitter(size[0])
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.attach_database(demo_db)
    return main


@pytest.fixture
def laptop(qtbot, demo_db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    main = make_window(qtbot, demo_db, tmp_path, (1366, 768))
    yield main
    main.autosave.shutdown()
    main.context.translations.uninstall()


def text_fits(widget: QWidget, text: str, room: int = 0) -> bool:
    return widget.width() >= widget.fontMetrics().horizontalAdvance(text.replace("&", "")) + room


def test_every_pane_stays_usable_at_1366_with_the_workflow_panel_open(qtbot, laptop):
    main = laptop
    panel = main.workflow.panel
    assert not panel.isVisible() and main.preview.isVisible()  # a tab behind the preview
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_F10)  # View → Workflow: in front ...
    qtbot.waitUntil(panel.isVisible)
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_F10)  # ... away ...
    assert not panel.isVisible() and main.preview.isVisible()
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_F10)  # ... and back, in front
    qtbot.waitUntil(panel.isVisible)
    assert not main.preview.isVisible()
    assert menu_action(main, "view.workflow").isChecked()
    assert panel.isAncestorOf(QApplication.focusWidget()), "F10 puts the focus in the panel"
    main.editor.body.setFocus()
    qtbot.keyClick(main.editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    find = main.editor.find_bar.find_field
    qtbot.waitUntil(find.isVisible)
    qtbot.wait(50)  # the layout pass after showing the bar
    save_screenshot(main, "laptop-1366x768-workflow-id")

    header = main.list_pane.view.horizontalHeader()
    assert header.sectionSize(COLUMNS.index("headline")) >= 180, "headlines read, not 'MRT J…'"
    form = main.editor.form
    assert text_fits(form.kicker, form.kicker.placeholderText(), 12)
    assert form.headline.width() >= 300
    for combo in main.list_pane.findChildren(QComboBox):
        if combo.isVisible():
            assert text_fits(combo, combo.currentText(), 24), combo.currentText()
    assert find.width() >= 140  # about 20 characters (it was 50 px)
    buttons = [b for b in panel.findChildren(QPushButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        assert text_fits(button, button.text(), 8), button.text()
    assert main.preview.width() >= 400  # its tab: as wide as the column


def test_preview_and_workflow_stand_side_by_side_on_a_wide_screen(qtbot, demo_db, tmp_path):
    main = make_window(qtbot, demo_db, tmp_path, (1920, 1080))
    try:
        assert main.workflow.panel.isVisible() and main.preview.isVisible()
        assert main.side.is_side_by_side()
        assert main.preview.width() >= 340 and main.workflow.panel.width() >= 340
        assert main.editor.width() >= 560
        save_screenshot(main, "desktop-1920x1080-id")
        menu_action(main, "view.preview").trigger()  # View → Preview off: workflow alone
        assert not main.preview.isVisible() and main.workflow.panel.isVisible()
        menu_action(main, "view.preview").trigger()
        assert main.preview.isVisible() and main.side.is_side_by_side()
    finally:
        main.autosave.shutdown()
        main.context.translations.uninstall()


def test_first_start_window_fits_the_screen(qtbot, demo_db, tmp_path):
    context = AppContext(settings=Settings(database_url=demo_db.url), data_dir=tmp_path / "data")
    main = MainWindow(context)  # no saved geometry: the first start
    qtbot.addWidget(main)
    available = main.screen().availableGeometry()
    assert main.height() <= available.height() and main.width() <= available.width()


def test_dashboard_opens_within_the_screen_and_closes_on_escape_and_ctrl_w(qtbot, laptop):
    main = laptop
    menu_action(main, "view.dashboard").trigger()
    dashboard = main.dashboard
    qtbot.waitExposed(dashboard)
    qtbot.waitUntil(lambda: not dashboard.is_pending())  # its numbers, read on a worker
    available = dashboard.screen().availableGeometry()
    assert dashboard.height() <= available.height() and dashboard.width() <= available.width()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard)
    qtbot.keyClick(dashboard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dashboard.isVisible())
    menu_action(main, "view.dashboard").trigger()
    qtbot.waitUntil(lambda: not dashboard.is_pending())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dashboard)
    qtbot.keyClick(dashboard, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dashboard.isVisible())


def overlaps_a_label(dialog: QWidget) -> list[str]:
    """Input fields drawn over a label: shown but laid out nowhere."""
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()]
    fields = [w for w in dialog.findChildren(QWidget) if isinstance(w, QLineEdit | QComboBox)]
    fields = [w for w in fields if w.isVisible()]
    return [
        f"{type(field).__name__} over '{label.text()[:20]}'"
        for field in fields
        for label in labels
        if field.geometry().intersects(label.geometry()) and field.parent() is label.parent()
    ]


@pytest.mark.parametrize("signs_in", [False, True])
def test_switch_profile_and_sign_in_show_no_stray_field(qtbot, laptop, signs_in):
    from editor.people import list_people
    from editor.workflow.passwords import set_password
    from ui.workflow.profile import ProfileDialog

    main = laptop
    if signs_in:
        person = list_people(main.db)[0]
        set_password(main.db, person.id, "rahasia-panjang-123")
    seen: list[list[str]] = []

    def look(dialog: ProfileDialog) -> None:
        try:
            save_screenshot(dialog, f"profile-dialog-{'sign-in' if signs_in else 'switch'}-id")
            seen.append(overlaps_a_label(dialog))
            ctrl = Qt.KeyboardModifier.ControlModifier
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_W, ctrl)
        finally:
            if dialog.isVisible():
                seen.append(["still open after Ctrl+W"])
                dialog.reject()

    when_modal(ProfileDialog, look)
    menu_action(main, "profile.switch").trigger()
    assert seen == [[]]


def test_day_budget_dialog_shows_its_whole_title(qtbot, laptop):
    from PySide6.QtWidgets import QDateEdit, QDialog

    seen: list[bool] = []

    def look(dialog: QDialog) -> None:
        try:
            title = f"{dialog.windowTitle()} — Redaksi"
            # A title bar's face is larger than the dialog's: half as wide again.
            wide = dialog.width() >= dialog.fontMetrics().horizontalAdvance(title) * 3 // 2
            seen.append(bool(dialog.findChildren(QDateEdit)) and wide)
        finally:
            dialog.reject()

    when_modal(QDialog, look)
    menu_action(laptop, "workflow.budget").trigger()
    assert seen == [True]
