"""The one icon facade: our own icon names mapped to qtawesome glyphs, in theme colours.

qtawesome takes about 0.3 s to import and loads its fonts on first use, so it is imported
inside :func:`icon`, never at module import: the window paints before any icon exists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

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
}

_cache: dict[tuple[str, str, str], QIcon] = {}


def _colours() -> tuple[QColor, QColor]:
    """Normal and disabled glyph colours from the application palette (theme-aware)."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    return normal, disabled


def icon(name: str) -> QIcon:
    """The icon called ``name`` in the current theme's colours.

    Unknown names raise KeyError with the list of known ones, so a typo fails loudly in
    tests instead of showing a blank button.
    """
    if name not in ICON_IDS:
        raise KeyError(f"No icon called '{name}'. Known icons: {', '.join(sorted(ICON_IDS))}.")
    normal, disabled = _colours()
    key = (name, normal.name(), disabled.name())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    import qtawesome

    options: dict[str, Any] = {"color": normal, "color_disabled": disabled}
    made = qtawesome.icon(ICON_IDS[name], **options)
    _cache[key] = made
    return made


def clear_cache() -> None:
    """Forget cached icons (after a theme change; the next call paints in new colours)."""
    _cache.clear()
