"""Date and time fields a person can type into, and leave with Tab.

Qt's date editors take typed digits only over a selected section: clicking into "09:00"
puts the cursor there, and typing "0847" then makes "009…" and is refused, so the time
stays 09:00. Here a click selects the section under the pointer, as Tab into the field
already does, so typing replaces it. And Tab leaves the field at once: Qt walks Tab through
the sections first, and never leaves a field showing its "from" placeholder at all.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

CONTROL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def make_typable(edit: QDateTimeEdit) -> None:
    """Applies to QDateEdit and QTimeEdit too (both are QDateTimeEdit)."""
    keeper = _Typing(edit)
    edit.installEventFilter(keeper)
    edit.lineEdit().installEventFilter(keeper)


class _Typing(QObject):
    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonRelease and watched is self.edit.lineEdit():
            # After Qt has moved the cursor to where the click was.
            QTimer.singleShot(0, self._select_section)
        elif kind == QEvent.Type.KeyPress and watched is self.edit:
            assert isinstance(event, QKeyEvent)
            held = event.modifiers() & (CONTROL | ALT)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not held:
                # The window moves the focus: the field's own focusNextChild would only
                # walk its sections.
                forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & SHIFT
                self.edit.window().focusNextPrevChild(forward)
                return True
        return False

    def _select_section(self) -> None:
        if self.edit.lineEdit().hasSelectedText():
            return  # the person dragged a selection: theirs
        self.edit.setSelectedSection(self.edit.currentSection())
