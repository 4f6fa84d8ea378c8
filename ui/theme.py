"""The look: shipped fonts, light and dark palettes, and following the system's choice.

The app ships DejaVu Sans, Sans Mono and Serif and uses them everywhere, so a window (and
every screenshot) looks the same on every machine, whatever fonts it has installed.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

UI_FAMILY = "DejaVu Sans"
MONO_FAMILY = "DejaVu Sans Mono"
SERIF_FAMILY = "DejaVu Serif"
UI_POINT_SIZE = 9

_loaded_families: set[str] = set()


def resource_dir(name: str) -> Path:
    """The folder ``resources/<name>`` shipped with the app.

    Looked up through the package's search path rather than importlib.resources.files,
    which refuses the namespace path of an editable install.
    """
    package = importlib.import_module("resources")
    for base in list(getattr(package, "__path__", [])):
        candidate = Path(base) / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"The resources/{name} folder is missing; reinstall Redaksi.")


def load_fonts() -> set[str]:
    """Register the fonts in resources/fonts with Qt (once). Returns the family names."""
    if _loaded_families:
        return set(_loaded_families)
    for entry in sorted(resource_dir("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
        if font_id < 0:
            continue  # a damaged font file must not stop the app; Qt falls back
        _loaded_families.update(QFontDatabase.applicationFontFamilies(font_id))
    return set(_loaded_families)


def ui_font() -> QFont:
    font = QFont(UI_FAMILY, UI_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def mono_font(point_size: int = 10) -> QFont:
    font = QFont(MONO_FAMILY, point_size)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def apply_fonts(app: QApplication) -> None:
    """Load the shipped fonts and make DejaVu Sans the application font."""
    load_fonts()
    app.setFont(ui_font())
