"""Chart colours from the app's palette, so charts follow the light and dark themes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

#: Series colours that read on both the light and the dark background.
SERIES = (
    "#3b7dd8",
    "#e07b24",
    "#3aa35b",
    "#d0443e",
    "#8f6cc9",
    "#1ba3a8",
    "#c9a100",
    "#8a8f99",
)


@dataclass(frozen=True)
class ChartStyle:
    background: QColor
    text: QColor
    grid: QColor
    accent: QColor

    def series(self, index: int) -> QColor:
        return QColor(SERIES[index % len(SERIES)])


def current_style() -> ChartStyle:
    palette = QApplication.palette()
    role = QPalette.ColorRole
    return ChartStyle(
        background=palette.color(role.Base),
        text=palette.color(role.Text),
        grid=palette.color(role.Mid),
        accent=palette.color(role.Highlight),
    )
