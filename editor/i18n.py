"""The language of the core's messages: English (the source text) or Indonesian.

Errors, refusals, checklist problems and command-line output are written in English and
looked up in a gettext catalog (``resources/locale/<lang>/LC_MESSAGES/redaksi.mo``) when
they are made, so an error raised after ``set_language("id")`` reads in Indonesian.
gettext keeps one active catalog per process, like the GUI's installed Qt translators:
the GUI sets it where it installs those, the command line at start.

Write ``_("... {name} ...").format(name=...)``: extraction cannot read f-strings, and
named fields let a translation put them in another order.
"""

from __future__ import annotations

import configparser
import gettext
import locale
import os
import sys
from importlib import resources
from pathlib import Path

LANGUAGES = ("en", "id")
DOMAIN = "redaksi"
#: Overrides the saved interface language for the command line.
ENVIRONMENT_KEY = "REDAKSI_LANG"

_catalog: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks text for extraction only; it is translated later with ``_()`` where shown."""
    return message


def current_language() -> str:
    return _language


def set_language(language: str) -> bool:
    """Use ``language`` for messages made from now on; False (and English) if unknown."""
    global _catalog, _language
    catalog = _load(language) if language != "en" else None
    if catalog is None:
        _catalog, _language = gettext.NullTranslations(), "en"
        return language == "en"
    _catalog, _language = catalog, language
    return True


def _load(language: str) -> gettext.GNUTranslations | None:
    if language not in LANGUAGES:
        return None
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    except OSError:
        return None


def locale_dir() -> Path:
    return Path(str(resources.files("resources") / "locale"))


def command_line_language() -> str:
    """REDAKSI_LANG, else the language saved in the GUI's preferences, else the system's."""
    explicit = os.environ.get(ENVIRONMENT_KEY, "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    saved = saved_interface_language()
    if saved in LANGUAGES:
        return saved
    return system_language()


def saved_interface_language() -> str:
    """The GUI's "interface/language" preference where Qt keeps it in a plain INI file
    (Linux and other Unix desktops); "" where it cannot be read without Qt."""
    if sys.platform in ("win32", "darwin"):
        return ""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(Path(base) / "Redaksi" / "Redaksi.conf", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return ""
    return parser.get("interface", "language", fallback="").strip()


def system_language() -> str:
    """Indonesian when the system locale is Indonesian (as the GUI decides), else English."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(key, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    code = locale.getlocale()[0] or ""
    return "id" if code.lower().startswith(("id", "indonesian")) else "en"
