"""Hunspell dictionaries: the ones shipped in ``resources/dictionaries``, one per language.

Lookups are cached per dictionary: an article repeats its words, and the editor re-checks
a paragraph on every keystroke, so after the first pass a check is a dictionary lookup in
Python. Suggestions are slower (tens of milliseconds) and are only asked for on demand.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from editor.errors import RedaksiError
from editor.i18n import _

#: Article language → Hunspell dictionary name.
DICTIONARIES = {"id": "id_ID", "en": "en_US"}
#: Cached answers per dictionary before the cache starts over (a paste of random text
#: must not grow memory without bound).
MAX_CACHED_WORDS = 200_000
MAX_SUGGESTIONS = 7
#: Hunspell compares words of any length letter by letter; longer ones are not words.
MAX_WORD_LENGTH = 60


class DictionaryUnavailable(RedaksiError):
    """No dictionary for a language, or no Hunspell on this platform."""


class _Engine(Protocol):
    def spell(self, word: str) -> bool: ...
    def suggest(self, word: str) -> tuple[str, ...]: ...


def dictionaries_dir() -> Path:
    return Path(str(resources.files("resources") / "dictionaries"))


class SpellDictionary:
    """One language's dictionary. ``known`` may be called from any thread."""

    def __init__(self, language: str, engine: _Engine) -> None:
        self.language = language
        self._engine = engine
        self._known: dict[str, bool] = {}
        # Hunspell objects are not thread-safe; the editor checks on the GUI thread while
        # the pre-publish count or a background pass may check on another.
        self._lock = threading.Lock()

    def known(self, word: str) -> bool:
        word = word.replace("’", "'")
        cached = self._known.get(word)
        if cached is not None:
            return cached
        if len(word) > MAX_WORD_LENGTH:
            return False
        with self._lock:
            try:
                answer = bool(self._engine.spell(word))
            except UnicodeError:
                # A letter the dictionary's character set cannot hold (a Chinese or
                # Vietnamese name in an Indonesian text): not this dictionary's business.
                answer = True
            if len(self._known) >= MAX_CACHED_WORDS:
                self._known.clear()
            self._known[word] = answer
        return answer

    def suggestions(self, word: str) -> list[str]:
        if len(word) > MAX_WORD_LENGTH:
            return []
        with self._lock:
            try:
                found = self._engine.suggest(word.replace("’", "'"))
            except UnicodeError:
                return []
        return list(found[:MAX_SUGGESTIONS])


@cache
def load_dictionary(language: str) -> SpellDictionary:
    """The dictionary for an article language ("id", "en"); loaded once per process.

    Raises DictionaryUnavailable with a message for people when it cannot be had.
    """
    name = DICTIONARIES.get(language)
    if name is None:
        raise DictionaryUnavailable(
            _("No spelling dictionary for the language '{language}'.").format(language=language)
        )
    try:
        import hunspell
    except ImportError as error:
        raise DictionaryUnavailable(
            _("Spell checking is not available on this computer (Hunspell is not installed).")
        ) from error
    folder = dictionaries_dir()
    try:
        engine = hunspell.Hunspell(name, hunspell_data_dir=str(folder))
    except (OSError, hunspell.HunspellFilePathError) as error:
        raise DictionaryUnavailable(
            _("The spelling dictionary {name} is missing from {folder}.").format(
                name=name, folder=folder
            )
        ) from error
    return SpellDictionary(language, engine)
