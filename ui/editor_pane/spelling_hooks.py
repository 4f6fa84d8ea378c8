"""Spelling in the editor pane: the body and the headline, kicker and caption checked
with the window's service, and the words a person adds or ignores passed on."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from editor.errors import RedaksiError
from ui.spelling.field_check import FieldSpelling

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit

    from editor.workflow.spelling_item import WordExceptions
    from ui.editor_pane.body_editor import BodyEditor
    from ui.spelling.service import SpellingService


class PaneSpelling:
    """Checks the pane's text as the article's language wants; without a service
    (``attach`` not called) nothing is checked."""

    def __init__(
        self,
        body: BodyEditor,
        fields: list[tuple[QLineEdit, bool]],
        *,
        article: Callable[[], uuid.UUID | None],
        language: Callable[[], str],
        newsroom_word: Callable[[str], None],
        notice: Callable[[str], None],
    ) -> None:
        self._body = body
        self._article = article
        self._language = language
        self._newsroom_word = newsroom_word
        self._notice = notice
        self._service: SpellingService | None = None
        # (field, whether it is a headline: headlines are checked in title case)
        self.fields = [
            FieldSpelling(field, headline=headline, add_word=self.add_word, ignore=self.ignore)
            for field, headline in fields
        ]
        body.addWordRequested.connect(self.add_word)
        body.ignoreWordRequested.connect(self.ignore)

    def attach(self, service: SpellingService) -> None:
        self._service = service
        service.checkerReady.connect(lambda _language: self.apply())
        service.changed.connect(self.apply)
        service.notice.connect(self._notice)
        self.apply()

    def set_newsroom_words_allowed(self, allowed: bool) -> None:
        self._body.newsroom_words_allowed = allowed
        for field in self.fields:
            field.newsroom_words_allowed = allowed

    def apply(self) -> None:
        """Check with the dictionary of the article's language (none without an article)."""
        article_id = self._article()
        checker = None
        ignored: frozenset[str] = frozenset()
        if self._service is not None and article_id is not None:
            checker = self._service.checker(self._language())
            ignored = self._service.ignored_words(article_id)
        self._body.set_checker(checker, ignored)
        for field in self.fields:
            field.set_checker(checker, ignored)

    def add_word(self, word: str, scope: str) -> None:
        if scope == "newsroom":
            self._newsroom_word(word)
            return
        if self._service is None:
            return
        try:
            self._service.add_personal_word(word)
        except (RedaksiError, OSError) as error:
            self._notice(str(error))

    def ignore(self, word: str) -> None:
        article_id = self._article()
        if article_id is None or self._service is None:
            return
        try:
            self._service.ignore(article_id, word)
        except (RedaksiError, OSError) as error:
            self._notice(str(error))
        self.apply()

    def exceptions(self, article_id: uuid.UUID) -> WordExceptions:
        """What this person settled for the checklist: their dictionary, and the words
        ignored in the article."""
        from editor.workflow.spelling_item import WordExceptions

        if self._service is None:
            return WordExceptions()
        return WordExceptions.of(
            self._service.personal_words(), self._service.ignored_words(article_id)
        )
