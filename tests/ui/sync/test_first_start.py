"""The first start of a new install asks once: sign in to a newsroom server, or work on
this computer alone. Driven through ``run_gui`` as ``redaksi`` starts, with real input."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.config import default_database_url
from editor.database import open_database
from editor.sync.replica import remote_config
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess
from tests.ui.driving import until_true, when_modal
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


def start_app(
    answer: Callable[[NewsroomSignInDialog], None],
    finished: Callable[[Any], bool],
    timeout_ms: int = 30000,
) -> tuple[int, list]:
    """``redaksi`` with no --db. ``answer`` is given each sign-in dialog as it opens; the
    window closes once it has its database and ``finished(window)`` is True (or the time
    is up). Returns the exit code and the sign-in dialogs seen. Its watchers end with the
    test, or with this start for the dialogs."""
    seen: list[NewsroomSignInDialog] = []
    earlier = list(QApplication.topLevelWidgets())
    running = [True]
    deadline = time.monotonic() + timeout_ms / 1000

    def asked(dialog: NewsroomSignInDialog) -> None:
        if not running[0]:
            return
        if dialog not in seen:
            seen.append(dialog)
            answer(dialog)
        when_modal(NewsroomSignInDialog, asked)  # a second question would be seen too

    def close_when_finished() -> bool:
        window = main_window(earlier)
        if window is None or window.db is None:
            return False
        if not finished(window) and time.monotonic() < deadline:
            return False
        window.close()
        QApplication.instance().quit()
        return True

    when_modal(NewsroomSignInDialog, asked)
    closing = until_true(close_when_finished)
    try:
        code = run_gui(["--lang", "en"])
    finally:
        running[0] = False
        closing.stop()
    return code, seen


def test_first_start_signs_in_and_the_app_works_on_the_replica(
    qtbot, server: ServerProcess, newsroom: Newsroom
):
    def sign_in(dialog: NewsroomSignInDialog) -> None:
        assert dialog.cancel_button.text() == "Work on this computer only"
        fill_sign_in(qtbot, dialog, PASSWORD, server.url, HANDLE)

    code, seen = start_app(sign_in, lambda window: window.status.sync_state() == "online")

    assert code == 0 and len(seen) == 1
    db = open_database(default_database_url())  # the new install's own, empty file
    config = remote_config(db)
    assert config is not None and (config.url, config.handle) == (server.url, HANDLE)
    db.close()


def test_working_alone_is_chosen_once_and_not_asked_again(qtbot):
    asked: list[bool] = []

    def alone(dialog: NewsroomSignInDialog) -> None:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        asked.append(True)

    # The question comes just after the window shows: finish only once it was answered.
    code, seen = start_app(alone, lambda _window: bool(asked))
    assert code == 0 and len(seen) == 1
    shown: list[float] = []

    def not_asked(window: Any) -> bool:
        # Long enough after the window shows for a question to have come.
        if window.isVisible():
            shown.append(time.monotonic())
        return bool(shown) and time.monotonic() - shown[0] > 1.5

    code, seen = start_app(alone, not_asked)
    assert code == 0 and seen == []
    db = open_database(default_database_url())
    assert remote_config(db) is None and db.sync_role == ""
    db.close()
