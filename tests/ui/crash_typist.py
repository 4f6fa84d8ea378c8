"""Types into the real app in its own process, as a person at the keyboard does.

Run as ``python crash_typist.py TEXT REDAKSI_ARGS...``. It starts the app as ``redaksi
REDAKSI_ARGS`` does (on whatever display QT_QPA_PLATFORM and DISPLAY name: the test uses
Xvfb when it is installed), and once the window is up with the article open it uses the
keyboard only: Ctrl+2 (View → Go to editor), Ctrl+End, then TEXT key by key into the
focused widget. Once the recovery journal holds the text it prints
``PID <pid>`` and ``TYPED``, and waits to be killed. Test code only: the shipped app has
no hook for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import run_gui

TYPED_MARKER = "TYPED"


def _journal_has(folder: Path, text: str) -> bool:
    return any(text in path.read_text(encoding="utf-8") for path in folder.glob("*.json"))


def say(line: str) -> None:
    print(line, flush=True)


def main_window() -> Any:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow" and widget.isVisible():
            return widget
    return None


class Typist:
    def __init__(self, text: str) -> None:
        self.text = text
        self._poll = QTimer(interval=50)
        self._poll.timeout.connect(self._maybe_type)
        self._poll.start()

    def _maybe_type(self) -> None:
        main = main_window()
        running = QThread.currentThread().loopLevel() >= 1  # app.exec, not start-up's paint
        if not running or main is None or not main.editor.isEnabled():
            return
        self._poll.stop()
        try:
            self._type(main)
        except Exception as error:  # the test reads it instead of waiting
            say(f"TYPIST_FAILED {type(error).__name__}: {error}")

    def _type(self, main: Any) -> None:
        main.activateWindow()
        main.raise_()
        deadline = 200
        while QApplication.activeWindow() is not main and deadline:
            QTest.qWait(50)
            deadline -= 1
        QTest.keyClick(main, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        focused = QApplication.focusWidget()
        if focused is not main.editor.body:
            raise RuntimeError(f"Ctrl+2 put the keyboard in {focused!r}, not the body")
        QTest.keyClick(focused, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        for character in self.text:
            QTest.keyClicks(QApplication.focusWidget(), character)
        # Killed once the recovery journal holds the text (written half a second after
        # the last key), before the autosave pause (two seconds) saves it properly.
        journal = main.context.data_dir / "recovery"
        waited = 0
        while not _journal_has(journal, self.text) and waited < 10_000:
            QTest.qWait(20)
            waited += 20
        say(f"PID {os.getpid()}")
        say(TYPED_MARKER)


def main(argv: list[str]) -> int:
    text, redaksi_args = argv[0], argv[1:]
    app = QApplication(["redaksi"])  # run_gui takes this one over
    typist = Typist(text)
    code = run_gui(redaksi_args)
    del typist, app
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
