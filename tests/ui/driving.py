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


def when_modal(kind: type, act: Callable[[Any], None]) -> None:
    """Run ``act`` on the modal dialog of ``kind`` as soon as it is open.

    "Open" means its ``exec`` loop runs: a dialog that shows itself may process events
    before its loop starts (a file dialog listing a folder), and a dialog closed then
    would leave ``exec`` waiting for ever.
    """
    base = QThread.currentThread().loopLevel()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and QThread.currentThread().loopLevel() > base:
            act(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)


def choose_file(path: Any) -> Callable[[Any], None]:
    """An answer for ``when_modal(FileDialog, …)``: pick ``path`` and accept."""

    def act(dialog: Any) -> None:
        dialog.selectFile(str(path))
        dialog.accept()

    return act
