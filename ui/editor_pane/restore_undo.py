"""A revision restore as one step of the body's undo history, for everything it changed.

A restore may change the headline, kicker, lead image, caption, tags, section and body
at once. The body's text goes in as one edit block (so Ctrl+Z, Edit → Undo or the
body's own key binding takes it back); the other fields follow that block: when the
history goes back past it they show what they were before the restore, when it goes
forward over it again (Redo) the restored values. The fields are not in the body's
history, so the block's position in it is watched instead: the history counts its steps
before and after the block, and a new edit after an undo ends the watch (the restore
can no longer be redone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from editor.records import ArticleRecord
    from ui.editor_pane.pane import EditorPane


class RestoreUndo(QObject):
    def __init__(self, pane: EditorPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self._before: ArticleRecord | None = None
        self._restored: ArticleRecord | None = None
        self._steps_before = 0
        self._steps_after = 0
        self._undone = False
        pane.body.document().contentsChanged.connect(self._history_moved)

    def restore(self, before: ArticleRecord, restored: ArticleRecord) -> None:
        """Replace what the pane shows (``before``'s fields) with ``restored``'s, as one
        undoable step."""
        document = self._pane.body.document()
        self.forget()
        steps = document.availableUndoSteps()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(restored.body)
        cursor.endEditBlock()
        self._show_fields(restored)
        self._before, self._restored = before, restored
        self._steps_before, self._steps_after = steps, document.availableUndoSteps()
        self._undone = False

    def forget(self) -> None:
        """The body was loaded anew (its history is gone) or the restore can no longer
        be redone."""
        self._before = self._restored = None

    def _history_moved(self) -> None:
        if self._before is None or self._restored is None:
            return
        document = self._pane.body.document()
        steps, redo = document.availableUndoSteps(), document.availableRedoSteps()
        if not self._undone and steps <= self._steps_before:
            self._undone = True
            self._show_fields(self._before)
        elif self._undone and steps >= self._steps_after:
            self._undone = False
            self._show_fields(self._restored)
        elif self._undone and redo == 0:
            self.forget()  # typed after the undo: the restore cannot come back

    def _show_fields(self, record: ArticleRecord) -> None:
        """The form shows ``record``'s fields; the pane counts it as an edit to save."""
        pane = self._pane
        pane.form.load(record, pane.sections(), pane.people())
        pane.fields_replaced()
