"""Pages shown inside the app (preview, differences) are paper: dark text on white.

The preview looks like the published page and the difference colours are pale
backgrounds; both need a light page whatever the window's theme is.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

PAPER = "#ffffff"
INK = "#1a1a1a"


def use_paper(widget: QWidget) -> None:
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor(PAPER))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        palette.setColor(group, QPalette.ColorRole.Window, QColor(PAPER))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(INK))
    widget.setPalette(palette)
