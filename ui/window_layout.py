"""The main window's layout: remembered between sessions, sensible on first start.

Geometry, toolbar state and splitter sizes live in QSettings. On a first start the
window fits the screen and its width: a compact article list, the editor and the preview
column (ui.side_panes) sharing the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ui.child_windows import TITLE_BAR_GUESS
from ui.side_panes import SIDE_BY_SIDE

GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"
SPLITTER_KEY = "mainWindow/splitter"
DEFAULT_SIZE = (1366, 768)
MIN_LIST_WIDTH = 400
MAX_LIST_WIDTH = 520
LIST_SHARE = 0.32
#: The editor keeps at least this much when the preview column widens for two panes.
MIN_EDITOR_WIDTH = 560
#: A preview column this wide shows the preview and the Workflow panel side by side.
SIDE_BY_SIDE_WIDTH = SIDE_BY_SIDE + 10


def restore(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    geometry = settings.value(GEOMETRY_KEY)
    # restoreGeometry keeps a remembered window on its screen by itself.
    if geometry is None or not window.restoreGeometry(geometry):  # type: ignore[arg-type]
        window.resize(*DEFAULT_SIZE)
        fit_to_screen(window)
    state = settings.value(STATE_KEY)
    if state is not None:
        window.restoreState(state)  # type: ignore[arg-type]
    sizes = settings.value(SPLITTER_KEY)
    if sizes is None or not splitter.restoreState(sizes):  # type: ignore[arg-type]
        fit(window, splitter, window.width())


def restore_splitter(splitter: QSplitter) -> None:
    """Again, once the Workflow panel (added after the first paint) sets the column's
    least width: the sizes restored before it came may have been squeezed."""
    sizes = QSettings().value(SPLITTER_KEY)
    if sizes is not None:
        splitter.restoreState(sizes)  # type: ignore[arg-type]


def fit(window: QMainWindow, splitter: QSplitter, width: int) -> None:
    """The first-start layout for a window ``width`` pixels wide: a compact list; the
    editor and the preview column share the rest, the column getting enough to show the
    preview and the Workflow panel side by side where the editor keeps its room."""
    list_width = max(MIN_LIST_WIDTH, min(MAX_LIST_WIDTH, int(width * LIST_SHARE)))
    rest = max(0, width - list_width)
    side = rest // 2
    if rest - SIDE_BY_SIDE_WIDTH >= MIN_EDITOR_WIDTH:
        side = max(side, SIDE_BY_SIDE_WIDTH)
    splitter.setSizes([list_width, rest - side, side])


def fit_to_screen(window: QMainWindow) -> None:
    """Never larger than the screen's free area (a 768-pixel laptop with a panel has
    about 740), so the status bar and the window's edges stay on screen."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    # Before the first show the window manager has not said how tall its title bar is.
    title_bar = frame.height() if window.isVisible() else TITLE_BAR_GUESS
    width = min(window.width(), available.width() - frame.width())
    height = min(window.height(), available.height() - title_bar)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not available.contains(window.frameGeometry()):
        window.move(available.topLeft())


def save(window: QMainWindow, splitter: QSplitter) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
    settings.setValue(SPLITTER_KEY, splitter.saveState())
