"""The interface language: Indonesian or English, from the user's choice or the system locale.

Translations are Qt Linguist files in resources/translations (``redaksi_id.ts`` and its
built ``redaksi_id.qm``). English is the source language, so it needs no translator.
Article-language text (datelines, "LAPORAN:") does not come from here: it follows the
article's own language.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from editor.i18n import set_language as set_core_language
from ui.theme import resource_dir

LANGUAGES = ("id", "en")
LANGUAGE_KEY = "interface/language"
#: "system" follows the machine's locale.
SYSTEM = "system"


def system_language() -> str:
    """Indonesian when the system locale is Indonesian, else English."""
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def preferred_language(
    explicit: str | None = None, *, preset: str = "", locked: bool = False
) -> str:
    """``explicit`` (e.g. ``--lang``) if given; else the language IT locked in the system
    configuration (``preset``); else the saved preference, IT's preset, the system's."""
    if explicit in LANGUAGES:
        return str(explicit)
    if locked and preset in LANGUAGES:
        return preset
    saved = str(QSettings().value(LANGUAGE_KEY, SYSTEM))
    if saved in LANGUAGES:
        return saved
    return preset if preset in LANGUAGES else system_language()


def language_chosen() -> bool:
    """Whether the person has chosen a language (or "system") here before."""
    return QSettings().contains(LANGUAGE_KEY)


def save_language_preference(language: str) -> None:
    if language not in (*LANGUAGES, SYSTEM):
        raise ValueError(f"Unknown interface language '{language}'; use id, en or system.")
    QSettings().setValue(LANGUAGE_KEY, language)


def saved_language_preference() -> str:
    value = str(QSettings().value(LANGUAGE_KEY, SYSTEM))
    return value if value in (*LANGUAGES, SYSTEM) else SYSTEM


class Translations:
    """Installs and swaps the app's translators; widgets retranslate on LanguageChange."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def uninstall(self) -> None:
        """Back to the built-in English source text (tests use this to clean up)."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"
        QLocale.setDefault(_locale("en"))
        set_core_language("en")

    def install(self, language: str) -> bool:
        """Switch the whole interface to ``language``. False if its .qm file is missing."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("Create the QApplication before installing translations.")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(_locale(language))
        # The core's errors and refusals reach message boxes too: same language.
        set_core_language(language)
        # English is the source text, but its .qm carries the plural forms ("1 article",
        # "2 articles") that the source strings write as "%n article(s)".
        ours = QTranslator(app)
        found = ours.load(str(translations_dir() / f"redaksi_{language}.qm"))
        if found:
            app.installTranslator(ours)
            self._installed.append(ours)
        else:
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        # Qt's own strings (standard dialog buttons, context menus): Qt's translation
        # where Qt ships one, else ours (Qt has no Indonesian).
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(app)
        if base.load(f"qtbase_{language}", qt_dir) or base.load(
            str(translations_dir() / f"redaksi_qt_{language}.qm")
        ):
            app.installTranslator(base)
            self._installed.append(base)
        return found or language == "en"


def translations_dir() -> Path:
    return resource_dir("translations")


def _locale(language: str) -> QLocale:
    if language == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def format_clock(hour: int, minute: int, language: str) -> str:
    """Indonesian writes 10.42, English 10:42."""
    separator = "." if language == "id" else ":"
    return f"{hour:02d}{separator}{minute:02d}"


def format_moment(moment: datetime, language: str, *, seconds: bool = False) -> str:
    """08-12-2026 10.42 in Indonesian, 08-12-2026 10:42 in English (a local time)."""
    clock = format_clock(moment.hour, moment.minute, language)
    if seconds:
        clock += f"{'.' if language == 'id' else ':'}{moment.second:02d}"
    return f"{moment:%d-%m-%Y} {clock}"
