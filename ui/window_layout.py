"""The main window's layout: remembered between sessions, sensible on first start.

Geometry, dock state and splitter sizes live in QSettings. On a first start the window
fits its width: side docks only where three panes still have room, a compact article
list, and editor and preview sharing the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"
SPLITTER_KEY = "mainWindow/splitter"
DEFAULT_SIZE = (1366, 768)
#: Below this width the window starts without side docks (list, editor, preview first):
#: three panes and a dock do not fit 1366 pixels without clipping.
WIDE_WINDOW = 1700
#: The width side docks start with: a row of three Indonesian workflow buttons, unclipped.
DOCK_WIDTH = 440
MIN_LIST_WIDTH = 400
LIST_SHARE = 0.32


def restore(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is None or not window.restoreGeometry(geometry):  # type: ignore[arg-type]
        window.resize(*DEFAULT_SIZE)
    state = settings.value(STATE_KEY)
    if state is None or not window.restoreState(state):  # type: ignore[arg-type]
        fit_docks(window, window.width())
    sizes = settings.value(SPLITTER_KEY)
    if sizes is None or not splitter.restoreState(sizes):  # type: ignore[arg-type]
        fit(window, splitter, window.width())


def restore_docks(window: QMainWindow, splitter: QSplitter) -> None:
    """After docks were added late (after the first paint): their saved state, or a fit."""
    state = QSettings().value(STATE_KEY)
    if state is None or not window.restoreState(state):  # type: ignore[arg-type]
        fit(window, splitter, window.width())


def fit(window: QMainWindow, splitter: QSplitter, width: int) -> None:
    """The first-start layout for a window ``width`` pixels wide."""
    fit_docks(window, width)
    shown = [dock for dock in window.findChildren(QDockWidget) if not dock.isHidden()]
    dock_widths = [max(DOCK_WIDTH, dock.minimumWidth()) for dock in shown]
    if shown:
        window.resizeDocks(shown, dock_widths, Qt.Orientation.Horizontal)
    width = max(0, width - sum(w + 8 for w in dock_widths))
    list_width = max(MIN_LIST_WIDTH, int(width * LIST_SHARE))
    rest = max(0, width - list_width)
    splitter.setSizes([list_width, rest // 2, rest - rest // 2])


def fit_docks(window: QMainWindow, width: int) -> None:
    """Side docks start hidden on narrow windows; the View menu brings them back."""
    for dock in window.findChildren(QDockWidget):
        dock.setVisible(width >= WIDE_WINDOW)


def save(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.setValue(SPLITTER_KEY, splitter.saveState())
