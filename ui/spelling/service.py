"""The checkers the editor uses: loaded off the GUI thread, one per language, shared.

Loading a Hunspell dictionary takes a few hundred milliseconds, so the first request for a
language starts a background load and answers None; ``checkerReady`` says when to ask
again. Words accepted by the newsroom or by this person rebuild the checkers at once
(the dictionaries themselves are cached by the core).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, QSettings, Signal

from editor.errors import RedaksiError
from editor.spelling.checker import Checker, make_checker
from editor.spelling.house_style import DEFAULT_CURRENCY_STYLE
from editor.spelling.ignored import ignore_word, load_ignored
from editor.spelling.personal import add_personal_word, load_personal_words
from ui.preview.background import BackgroundRunner

ENABLED_KEY = "spelling/enabled"
#: "article" (follow the article's language), "id" or "en".
LANGUAGE_KEY = "spelling/language"
LANGUAGE_CHOICES = ("article", "id", "en")


def spelling_enabled() -> bool:
    return QSettings().value(ENABLED_KEY, True, type=bool)  # type: ignore[no-any-return]


def spelling_language_choice() -> str:
    value = str(QSettings().value(LANGUAGE_KEY, "article"))
    return value if value in LANGUAGE_CHOICES else "article"


class SpellingService(QObject):
    #: A checker for this language can now be had.
    checkerReady = Signal(str)
    #: The accepted words, the preferences or the currency style changed: re-check.
    changed = Signal()
    #: Something about spell checking the person should read once (no dictionary...).
    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checkers: dict[str, Checker] = {}
        self._loading: dict[int, str] = {}
        self._loaded: set[str] = set()
        self._told: set[str] = set()
        self._newsroom: list[str] = []
        self._personal = load_personal_words()
        self._ignored: dict[uuid.UUID, frozenset[str]] = {}
        self._currency = DEFAULT_CURRENCY_STYLE
        self._enabled = spelling_enabled()
        self._choice = spelling_language_choice()
        self._runner = BackgroundRunner(self)
        self._runner.finished.connect(self._made)

    # --- what the editor asks -----------------------------------------------------------

    def enabled(self) -> bool:
        return self._enabled

    def language_for(self, article_language: str) -> str:
        return article_language if self._choice == "article" else self._choice

    def checker(self, article_language: str) -> Checker | None:
        """The checker for an article's language; None while it loads or when off."""
        if not self._enabled:
            return None
        language = self.language_for(article_language)
        found = self._checkers.get(language)
        if found is None and language not in self._loading.values():
            if language in self._loaded:  # dictionaries cached: building is instant
                found = self._build(language)
            else:
                accepted, currency = self._accepted(), self._currency
                token = self._runner.submit(
                    lambda: make_checker(language, accepted=accepted, currency=currency)
                )
                self._loading[token] = language
        return found

    def newsroom_words(self) -> list[str]:
        return list(self._newsroom)

    def personal_words(self) -> list[str]:
        return list(self._personal)

    def ignored_words(self, article_id: uuid.UUID) -> frozenset[str]:
        """The words this person ignored in the article (kept in their data folder)."""
        found = self._ignored.get(article_id)
        if found is None:
            found = self._ignored[article_id] = frozenset(load_ignored(article_id))
        return found

    # --- what changes it ----------------------------------------------------------------

    def reload_preferences(self) -> None:
        """Take over the spelling preferences (saved by the preferences dialog)."""
        enabled, choice = spelling_enabled(), spelling_language_choice()
        if (enabled, choice) != (self._enabled, self._choice):
            self._enabled, self._choice = enabled, choice
            self.changed.emit()

    def set_newsroom_words(self, words: list[str], currency: str) -> None:
        if (words, currency) != (self._newsroom, self._currency):
            self._newsroom, self._currency = list(words), currency
            self._rebuild()

    def ignore(self, article_id: uuid.UUID, word: str) -> None:
        """Ignore ``word`` in the article from now on. In this window it holds even when
        it cannot be kept for next time: RedaksiError/OSError then say why."""
        self._ignored[article_id] = self.ignored_words(article_id) | {word}
        ignore_word(article_id, word)

    def add_personal_word(self, word: str) -> None:
        """Add to this person's dictionary; RedaksiError/OSError say why it could not be."""
        self._personal = add_personal_word(word)
        self._rebuild()

    # --- inside -------------------------------------------------------------------------

    def _accepted(self) -> list[str]:
        return self._newsroom + self._personal

    def _build(self, language: str) -> Checker:
        checker, _messages = make_checker(
            language, accepted=self._accepted(), currency=self._currency
        )
        self._checkers[language] = checker
        return checker

    def _rebuild(self) -> None:
        for language in list(self._checkers):
            self._build(language)
        self.changed.emit()

    def _made(self, token: int, result: object) -> None:
        language = self._loading.pop(token, None)
        if language is None:
            return
        if isinstance(result, BaseException):
            message = str(result) if isinstance(result, RedaksiError) else repr(result)
            self._tell(message)
            return
        assert isinstance(result, tuple)
        _checker, messages = result
        for message in messages:
            self._tell(message)
        self._loaded.add(language)
        # Words may have changed while it loaded: build afresh from the cached dictionary.
        self._build(language)
        self.checkerReady.emit(language)

    def _tell(self, message: str) -> None:
        if message not in self._told:
            self._told.add(message)
            self.notice.emit(message)
