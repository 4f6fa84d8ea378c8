"""The look: shipped fonts, light and dark palettes, and following the system's choice.

The app ships DejaVu Sans, Sans Mono and Serif and uses them everywhere, so a window (and
every screenshot) looks the same on every machine, whatever fonts it has installed.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
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


# --- light and dark -----------------------------------------------------------------------

THEME_KEY = "interface/theme"
THEME_CHOICES = ("system", "light", "dark")

_LIGHT = {
    "window": "#f4f5f7",
    "base": "#ffffff",
    "alternate": "#f7f8fa",
    "text": "#1d2330",
    "button": "#eceef2",
    "highlight": "#2f6fb3",
    "highlighted_text": "#ffffff",
    "link": "#1f5fa8",
    "mid": "#c9cdd4",
    "placeholder": "#7b8190",
    "disabled": "#9aa0aa",
    "tooltip": "#ffffe8",
    "accent_bg": "#fff4d6",
    "accent_fg": "#6b4e00",
}
_DARK = {
    "window": "#22252b",
    "base": "#1a1c21",
    "alternate": "#20232a",
    "text": "#e3e6eb",
    "button": "#2d3139",
    "highlight": "#3d7cc4",
    "highlighted_text": "#ffffff",
    "link": "#7fb2ee",
    "mid": "#444a55",
    "placeholder": "#8b919c",
    "disabled": "#6c717b",
    "tooltip": "#2d3139",
    "accent_bg": "#4a3d12",
    "accent_fg": "#f3dc9a",
}


def system_theme() -> str:
    """ "dark" when the desktop asks for a dark scheme, else "light"."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve_theme(choice: str | None) -> str:
    """The theme to paint: an explicit light/dark, or the system's for anything else."""
    return choice if choice in ("light", "dark") else system_theme()


def palette_for(theme: str) -> QPalette:
    colours = _DARK if theme == "dark" else _LIGHT
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: colours["window"],
        role.WindowText: colours["text"],
        role.Base: colours["base"],
        role.AlternateBase: colours["alternate"],
        role.Text: colours["text"],
        role.Button: colours["button"],
        role.ButtonText: colours["text"],
        role.BrightText: "#ff5555",
        role.Highlight: colours["highlight"],
        role.HighlightedText: colours["highlighted_text"],
        role.Link: colours["link"],
        role.ToolTipBase: colours["tooltip"],
        role.ToolTipText: colours["text"],
        role.PlaceholderText: colours["placeholder"],
        role.Mid: colours["mid"],
        role.Midlight: colours["button"],
        role.Dark: colours["mid"],
        role.Light: colours["base"],
        role.Shadow: "#000000",
    }
    for colour_role, value in pairs.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(colours["disabled"]))
    return palette


def style_sheet(theme: str) -> str:
    """The few touches a palette cannot express (banners, the splitter handle).

    The preview stays white in both themes: it shows the published page, paper-like, with
    the site's own colours.
    """
    colours = _DARK if theme == "dark" else _LIGHT
    # A styled indicator loses Fusion's tick: the ticked box draws ours, white on the
    # highlight colour, so it stands out on the dark window as well as the light one.
    check = (resource_dir("theme") / "check.svg").as_posix()
    return f"""
QLabel#trashBanner, QLabel#recoveryBanner {{
    background: {colours["accent_bg"]}; color: {colours["accent_fg"]};
    border-radius: 3px; padding: 4px 6px;
}}
QSplitter::handle {{ background: {colours["mid"]}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QLabel#articleCount {{ color: {colours["placeholder"]}; }}
QTextBrowser#previewBrowser {{ background: #ffffff; color: #1a1a1a; }}
QCheckBox::indicator:unchecked {{
    border: 1px solid {colours["placeholder"]}; background: {colours["base"]};
    border-radius: 2px; width: 12px; height: 12px;
}}
QCheckBox::indicator:checked {{
    border: 1px solid {colours["highlight"]}; background: {colours["highlight"]};
    border-radius: 2px; width: 12px; height: 12px; image: url("{check}");
}}
"""


class ThemeState:
    """Which theme is on now; kept by the app, not a module global."""

    def __init__(self) -> None:
        self.name = "light"


def apply_theme(app: QApplication, theme: str, state: ThemeState | None = None) -> str:
    """Paint the whole app in ``theme`` (light or dark). Returns the theme applied."""
    theme = resolve_theme(theme)
    app.setStyle("Fusion")
    app.setPalette(palette_for(theme))
    app.setStyleSheet(style_sheet(theme))
    if state is not None:
        state.name = theme
    from ui import icons

    icons.clear_cache()
    return theme


def follow_system_changes(app: QApplication, choice: object, state: ThemeState) -> None:
    """Repaint when the desktop switches light/dark, while the choice is "system".

    ``choice`` is a callable returning the current choice, so a later change in the
    preferences is respected without reconnecting.
    """

    def changed(*_args: object) -> None:
        if callable(choice) and choice() == "system":
            apply_theme(app, "system", state)

    app.styleHints().colorSchemeChanged.connect(changed)


def saved_theme_choice() -> str:
    from PySide6.QtCore import QSettings

    value = str(QSettings().value(THEME_KEY, "system"))
    return value if value in THEME_CHOICES else "system"


def save_theme_choice(choice: str) -> None:
    from PySide6.QtCore import QSettings

    if choice not in THEME_CHOICES:
        raise ValueError(f"Unknown theme '{choice}'; use system, light or dark.")
    QSettings().setValue(THEME_KEY, choice)
