"""Driving the editor's spelling like a person: wait for the check, read the underlines,
right-click a word and choose from the menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from ui.editor_pane import EditorPane

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


def wait_checked(qtbot, pane: EditorPane) -> None:
    qtbot.waitUntil(
        lambda: pane.body.checker() is not None and not pane.body.spell_check_running(),
        timeout=10_000,
    )


def type_at_end(qtbot, pane: EditorPane, text: str) -> None:
    pane.body.setFocus()
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane.body, text)
    wait_checked(qtbot, pane)


def underlined(pane: EditorPane) -> dict[str, str]:
    """Every wavy-underlined word of the body, with its colour (set per character, so
    neighbouring runs of one colour are joined)."""
    words: dict[str, str] = {}
    block = pane.body.document().firstBlock()
    while block.isValid():
        marks = sorted(
            (f.start, f.start + f.length, f.format.underlineColor().name())
            for f in block.layout().formats()
            if f.format.underlineStyle() == WAVE
        )
        run: list[object] = []
        for start, end, colour in [*marks, (-1, -1, "")]:
            if run and start == run[1] and colour == run[2]:
                run[1] = end
                continue
            if run:
                words[block.text()[run[0] : run[1]]] = str(run[2])
            run = [start, end, colour]
        block = block.next()
    return words


def position_of(pane: EditorPane, word: str) -> QPoint:
    index = pane.body.toPlainText().index(word)
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(index + 1)
    return pane.body.cursorRect(cursor).center()


def right_click(qtbot, pane: EditorPane, word: str, choose: Callable[[QMenu], None]) -> None:
    """Right-click ``word``: the menu opens as for a mouse, and ``choose`` acts in it."""
    chosen: list[bool] = []

    def act() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, act)
            return
        choose(menu)
        chosen.append(True)
        menu.close()

    QTimer.singleShot(50, act)
    point = position_of(pane, word)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, pane.body.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(pane.body.viewport(), event)
    qtbot.waitUntil(lambda: bool(chosen))


def trigger(menu: QMenu, name: str, text: str | None = None) -> None:
    for action in menu.actions():
        if action.objectName() == name and (text is None or action.text() == text):
            action.trigger()
            return
    raise AssertionError(f"no {name} {text} in {[a.text() for a in menu.actions()]}")
