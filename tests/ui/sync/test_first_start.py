"""The first start of a new install asks once: sign in to a newsroom server, or work on
this computer alone. Driven through ``run_gui`` as ``redaksi`` starts, with real input."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from editor.config import default_database_url
from editor.database import open_database
from editor.sync.replica import remote_config
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess
from tests.ui.sync.windows import fill_sign_in
from ui.app import run_gui
from ui.sync.sign_in_dialog import NewsroomSignInDialog

pytestmark = pytest.mark.postgres
HANDLE = "sarah-meiliana-gunawan"


def main_window(earlier: list[Any]) -> Any:
    """This start's window (an earlier start's may wait for deletion still)."""
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "mainWindow" and w not in earlier
        ),
        None,
    )


def start_app(step: Callable[[Any, Any], bool], timeout_ms: int = 30000) -> tuple[int, list]:
    """``redaksi`` with no --db; ``step(window, dialog)`` is called every 50 ms until it
    returns True, then the window closes. Returns the exit code and the dialogs seen."""
    seen: list[NewsroomSignInDialog] = []
    earlier = list(QApplication.topLevelWidgets())
    timer = QTimer(interval=50)
    waited = {"ms": 0}

    def tick() -> None:
        waited["ms"] += 50
        window = main_window(earlier)
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewsroomSignInDialog) and dialog not in seen:
            seen.append(dialog)
        ready = window is not None and window.db is not None
        if ready and (step(window, dialog) or waited["ms"] > timeout_ms):
            timer.stop()
            window.close()
            QApplication.instance().quit()

    timer.timeout.connect(tick)
    timer.start()
    code = run_gui(["--lang", "en"])
    return code, seen


def test_first_start_signs_in_and_the_app_works_on_the_replica(
    qtbot, server: ServerProcess, newsroom: Newsroom
):
    state: dict[str, Any] = {}

    def step(window: Any, dialog: Any) -> bool:
        if isinstance(dialog, NewsroomSignInDialog) and "typed" not in state:
            assert dialog.cancel_button.text() == "Work on this computer only"
            state["typed"] = True
            fill_sign_in(qtbot, dialog, PASSWORD, server.url, HANDLE)
            return False
        return window.status.sync_state() == "online"

    code, seen = start_app(step)

    assert code == 0 and len(seen) == 1
    db = open_database(default_database_url())  # the new install's own, empty file
    config = remote_config(db)
    assert config is not None and (config.url, config.handle) == (server.url, HANDLE)
    db.close()


def test_working_alone_is_chosen_once_and_not_asked_again(qtbot):
    asked: list[bool] = []

    def alone(window: Any, dialog: Any) -> bool:
        # The question comes just after the window shows: finish only once it was answered.
        if isinstance(dialog, NewsroomSignInDialog):
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            asked.append(True)
            return False
        return bool(asked)

    code, seen = start_app(alone)
    assert code == 0 and len(seen) == 1
    shown: list[float] = []

    def not_asked(window: Any, dialog: Any) -> bool:
        # Long enough after the window shows for a question to have come.
        if window.isVisible():
            shown.append(time.monotonic())
        return bool(shown) and time.monotonic() - shown[0] > 1.5

    code, seen = start_app(not_asked)
    assert code == 0 and seen == []
    db = open_database(default_database_url())
    assert remote_config(db) is None and db.sync_role == ""
    db.close()
