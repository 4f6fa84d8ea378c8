"""Driving the app as a person does: actions from the menu bar, modal dialogs as they
open (a dialog's ``exec`` blocks the test, so its answer is scheduled before)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication


def menu_action(main: Any, action_id: str) -> QAction:
    """The action as a menu of the menu bar holds it (not merely registered)."""
    wanted = main.registry.action(action_id)
    for menu in main._menus.values():
        if wanted in menu.actions() and menu.menuAction() in main.menuBar().actions():
            return wanted
    raise AssertionError(f"{action_id} is in no menu of the menu bar")


#: Which test is running: an answer a test left waiting (its dialog never came) stops
#: when the next test starts, instead of answering that test's dialog.
TEST_NUMBER = [0]


def when_modal(kind: type, act: Callable[[Any], None]) -> None:
    """Run ``act`` on the modal dialog of ``kind`` as soon as it is open.

    "Open" means its ``exec`` loop runs: a dialog that shows itself may process events
    before its loop starts (a file dialog listing a folder), and a dialog closed then
    would leave ``exec`` waiting for ever.
    """
    base = QThread.currentThread().loopLevel()
    test = TEST_NUMBER[0]

    def look() -> None:
        if TEST_NUMBER[0] != test:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and QThread.currentThread().loopLevel() > base:
            act(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)


def until_true(check: Callable[[], bool], interval_ms: int = 50) -> QTimer:
    """Call ``check`` every ``interval_ms`` until it returns True or its test ends (a
    watcher for something other than a dialog, such as a window getting ready)."""
    test = TEST_NUMBER[0]
    timer = QTimer(interval=interval_ms)

    def tick() -> None:
        if TEST_NUMBER[0] != test or check():
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return timer


def choose_file(path: Any) -> Callable[[Any], None]:
    """An answer for ``when_modal(FileDialog, …)``: type ``path`` into the dialog's name
    box and press Return, as a person does (again while the dialog still reads the
    folder; ``selectFile`` alone is ignored until it has)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    def act(dialog: Any, tries: int = 50) -> None:
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setFocus()
        name_box.selectAll()
        QTest.keyClicks(name_box, str(path))
        QTest.keyClick(name_box, Qt.Key.Key_Return)
        if dialog.isVisible() and tries:
            QTimer.singleShot(100, lambda: act(dialog, tries - 1))

    return act


def describe_when_asked(alt_text: str) -> None:
    """Answer the picture's "Describe the picture" question by typing ``alt_text`` and
    pressing Return (ui.editor_pane.pictures asks it for a picture the library has no
    description of)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    def act(dialog: QInputDialog) -> None:
        field = dialog.findChild(QLineEdit)
        QTest.keyClicks(field, alt_text)
        QTest.keyClick(field, Qt.Key.Key_Return)

    when_modal(QInputDialog, act)


def type_file_path(path: object) -> None:
    """Answer the next file dialog with ``path`` (see ``choose_file``)."""
    from PySide6.QtWidgets import QFileDialog

    when_modal(QFileDialog, choose_file(path))
