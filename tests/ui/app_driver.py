"""Drives the real app in its own process with real key and mouse events.

Run as ``python app_driver.py DB_PATH ARTICLE_ID FLAG_DIR TEXT``. It starts the app as
``redaksi --db DB_PATH --article ARTICLE_ID`` does, then, once the article is open:
clicks More and the lead image's "Choose…", types the database's folder into the
dialog, lets it list the folder and cancels with Escape; prints ``DIALOG_CLOSED``;
waits until the file ``FLAG_DIR/type`` exists (the test runs a command in between);
types TEXT at the end of the body, presses Ctrl+S and prints ``SAVED <state>``. Then it
waits to be killed. Test code only: the shipped app has no hooks for it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit

from ui.app import run_gui

# The suite's own way of answering dialogs (tests.ui.driving), from this script too.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QTest.qWait(20)


def say(line: str) -> None:
    print(line, flush=True)


def main_window() -> Any:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow":
            return widget
    return None


class Driver:
    def __init__(self, database: Path, flag_dir: Path, text: str) -> None:
        self.database = database
        self.flag_dir = flag_dir
        self.text = text

    def start_when_ready(self) -> None:
        """Polls until the app's own event loop runs and the article is open."""
        self._poll = QTimer(interval=50)
        self._poll.timeout.connect(self._maybe_start)
        self._poll.start()

    def _maybe_start(self) -> None:
        main = main_window()
        running = QThread.currentThread().loopLevel() >= 1  # app.exec, not start-up's paint
        if not running or getattr(main, "db", None) is None or not main.editor.isEnabled():
            return
        self._poll.stop()
        try:
            self._run(main)
        except Exception as error:  # the test reads it instead of hanging
            say(f"DRIVER_FAILED {type(error).__name__}: {error}")

    def _run(self, main: Any) -> None:
        from tests.ui.driving import when_modal

        form = main.editor.form
        QTest.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
        when_modal(QFileDialog, self._browse_and_cancel)
        QTest.mouseClick(form.choose_image, Qt.MouseButton.LeftButton)
        say("DIALOG_CLOSED")
        wait_until(lambda: (self.flag_dir / "type").exists(), timeout=120)
        main.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is main)
        body = main.editor.body
        body.setFocus()
        body.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(body, self.text)
        QTest.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        say(f"SAVED {main.status.save_state()}")

    def _browse_and_cancel(self, dialog: QFileDialog) -> None:
        dialog.activateWindow()
        wait_until(lambda: QApplication.activeWindow() is dialog)
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setFocus()
        QTest.keyClicks(name_box, str(self.database.parent))
        QTest.keyClick(name_box, Qt.Key.Key_Return)
        model = dialog.findChild(QFileSystemModel)
        wait_until(lambda: model.index(str(self.database)).isValid())
        QTest.qWait(800)  # the file-information thread reports each entry's type and icon
        QTest.keyClick(dialog, Qt.Key.Key_Escape)


def main(argv: list[str]) -> int:
    database, article, flag_dir, text = Path(argv[0]), argv[1], Path(argv[2]), argv[3]
    app = QApplication(["redaksi"])  # run_gui takes this one over
    driver = Driver(database, flag_dir, text)
    driver.start_when_ready()
    code = run_gui(["--db", str(database), "--article", article])
    del app
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
