"""The one icon facade: our own icon names mapped to qtawesome glyphs, in theme colours.

Every icon is a small engine that draws its glyph when Qt paints it, in the palette's
colours at that moment: a theme switch recolours every icon without rebuilding anything.
qtawesome takes about 0.3 s to import, so the app holds icons back (blank) until after
its first paint (:func:`hold_until_ready` / :func:`release`); tests and dialogs opened
later simply get icons at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

#: Our names -> Material Design Icons (v6) ids in qtawesome.
ICON_IDS: dict[str, str] = {
    "new": "mdi6.file-document-plus-outline",
    "save": "mdi6.content-save-outline",
    "duplicate": "mdi6.content-copy",
    "trash": "mdi6.delete-outline",
    "restore": "mdi6.delete-restore",
    "show-trash": "mdi6.delete-variant",
    "publish": "mdi6.cloud-upload-outline",
    "browser": "mdi6.open-in-new",
    "revisions": "mdi6.history",
    "bold": "mdi6.format-bold",
    "italic": "mdi6.format-italic",
    "heading": "mdi6.format-header-pound",
    "link": "mdi6.link-variant",
    "quote": "mdi6.format-quote-close",
    "list": "mdi6.format-list-bulleted",
    "numbered-list": "mdi6.format-list-numbered",
    "image": "mdi6.image-outline",
    "pullquote": "mdi6.comment-quote-outline",
    "related": "mdi6.book-open-page-variant-outline",
    "embed": "mdi6.play-box-outline",
    "table": "mdi6.table",
    "footnote": "mdi6.format-superscript",
    "find": "mdi6.magnify",
    "replace": "mdi6.find-replace",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "cut": "mdi6.content-cut",
    "copy": "mdi6.content-copy",
    "paste": "mdi6.content-paste",
    "preferences": "mdi6.cog-outline",
    "preview": "mdi6.eye-outline",
    "about": "mdi6.information-outline",
    "theme": "mdi6.theme-light-dark",
    "filter": "mdi6.filter-variant",
    "clear": "mdi6.close",
    "database": "mdi6.database-outline",
    "quit": "mdi6.exit-to-app",
    "refresh": "mdi6.refresh",
    "language": "mdi6.translate",
    "import": "mdi6.file-import-outline",
    "export": "mdi6.file-export-outline",
    "dashboard": "mdi6.chart-box-outline",
    "warning": "mdi6.alert-outline",
    "up": "mdi6.arrow-up",
    "down": "mdi6.arrow-down",
    "add": "mdi6.plus",
    "remove": "mdi6.minus",
    "calendar": "mdi6.calendar-clock",
    "audit": "mdi6.clipboard-text-clock-outline",
    "profile": "mdi6.account-switch-outline",
    "budget": "mdi6.file-pdf-box",
    "workflow": "mdi6.account-group-outline",
    "spelling": "mdi6.spellcheck",
}


class _State:
    """Whether glyphs may be drawn yet, and the glyph icons made so far."""

    held = False
    glyphs: dict[tuple[str, str, str], QIcon] = {}


def hold_until_ready() -> None:
    """Draw icons blank until :func:`release` (start-up: paint before importing qtawesome)."""
    _State.held = True


def release() -> None:
    """Allow icons to draw, load qtawesome now, and repaint every window."""
    _State.held = False
    import qtawesome  # noqa: F401 - the slow import happens here, after the first paint
    from PySide6.QtWidgets import QApplication, QWidget

    for window in QApplication.topLevelWidgets():
        window.update()
        for child in window.findChildren(QWidget):
            child.update()


def _colours() -> tuple[QColor, QColor, QColor]:
    """Normal, disabled and selected glyph colours from the current application palette."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    selected = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return normal, disabled, selected


def glyph(name: str) -> QIcon:
    """The plain qtawesome icon for ``name`` in the current palette (loads qtawesome)."""
    normal, disabled, selected = _colours()
    key = (name, normal.name(), disabled.name())
    cached = _State.glyphs.get(key)
    if cached is None:
        import qtawesome

        options: dict[str, Any] = {
            "color": normal,
            "color_disabled": disabled,
            "color_selected": selected,
            "color_active": normal,
        }
        cached = qtawesome.icon(ICON_IDS[name], **options)
        _State.glyphs[key] = cached
    return cached


class _ThemedIconEngine(QIconEngine):
    """Draws the named glyph in whatever the palette's colours are at paint time."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        if _State.held:
            return
        glyph(self._name).paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if _State.held:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            return pixmap
        return glyph(self._name).pixmap(size, mode, state)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _ThemedIconEngine(self._name)

    def key(self) -> str:
        return "redaksi-themed"

    def isNull(self) -> bool:
        return False


def icon(name: str) -> QIcon:
    """The icon called ``name``; it follows the theme by itself.

    Unknown names raise KeyError with the list of known ones, so a typo fails loudly in
    tests instead of showing a blank button.
    """
    if name not in ICON_IDS:
        raise KeyError(f"No icon called '{name}'. Known icons: {', '.join(sorted(ICON_IDS))}.")
    return QIcon(_ThemedIconEngine(name))


def clear_cache() -> None:
    """Forget cached glyphs (after a theme change the next paint uses the new colours)."""
    _State.glyphs.clear()
