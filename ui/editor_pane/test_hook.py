"""A test-only hook: ``REDAKSI_TEST_TYPE="text"`` types text into the editor after start.

The crash-recovery test (tests/ui/test_recovery_crash.py) starts the real app in a
subprocess with this variable set. Once the first article is loaded, the text is typed one
character at a time (each an edit of its own, as from the keyboard) at the end of the
body; after the recovery journal has had time to be written, ``REDAKSI_TYPED`` is printed
on stdout, and the test kills the process with SIGKILL. Without the variable nothing
happens.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from ui.editor_pane.pane import EditorPane

TYPE_ENV = "REDAKSI_TEST_TYPE"
TYPED_MARKER = "REDAKSI_TYPED"
KEY_INTERVAL_MS = 5
#: Longer than the journal interval (ui.autosave), shorter than the autosave pause.
SETTLE_MS = 900


def type_if_asked(pane: EditorPane) -> None:
    text = os.environ.get(TYPE_ENV)
    if not text:
        return
    remaining = list(text)
    timer = QTimer(pane, interval=KEY_INTERVAL_MS)

    def type_one() -> None:
        if not remaining:
            timer.stop()
            QTimer.singleShot(SETTLE_MS, lambda: print(TYPED_MARKER, flush=True, file=sys.stdout))
            return
        cursor = pane.body.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(remaining.pop(0))
        pane.body.setTextCursor(cursor)

    timer.timeout.connect(type_one)
    timer.start()
