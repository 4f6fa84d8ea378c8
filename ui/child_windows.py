"""Child windows (the dashboard, every dialog) open on the screen and close from the keys.

Escape closes a dialog already; Ctrl+W (the platform's Close key) closes any child
window, and Escape closes the non-dialog ones too. A window asked to be larger than the
screen's free area opens at that area's size, so nothing is cut off on a 768-pixel laptop.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget


def closes_on_keys(window: QWidget) -> None:
    """Ctrl+W closes ``window``; Escape too unless it is a dialog (which rejects on it)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
    if not isinstance(window, QDialog):
        keys.append(QKeySequence("Escape"))
    for key in keys:
        QShortcut(key, window, window.close)


def open_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to the free area of its screen."""
    screen = window.screen()
    if screen is None:
        window.resize(width, height)
        return
    available = screen.availableGeometry()
    width = min(width, available.width())
    height = min(height, available.height() - TITLE_BAR_GUESS)
    window.resize(width, height)
    parent = window.parentWidget()
    if parent is not None:
        # Centred over the window it belongs to, then pulled back inside the screen.
        centre = parent.frameGeometry().center()
        left = max(available.left(), min(centre.x() - width // 2, available.right() - width))
        top = max(available.top(), min(centre.y() - height // 2, available.bottom() - height))
        window.move(left, top)


#: Room kept for a title bar the window manager has not measured yet.
TITLE_BAR_GUESS = 32
