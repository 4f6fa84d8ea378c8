"""The window's side of the newsroom's word list: read it, and add to it from the menus.

The list and the rupiah style come from the database (synced on a replica), so they are
read when a database is attached and again whenever an article is opened; adding a word
goes through the core as the person signed in to the window, who must be an editor or
an admin (the core checks and audits it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from editor.database import Database
from editor.errors import RedaksiError
from editor.records import PersonRecord
from editor.spelling.words import PERMISSION, add_words, currency_style, newsroom_words
from editor.workflow.roles import has_permission
from ui.editor_pane import EditorPane
from ui.spelling.service import SpellingService


class NewsroomWords(QObject):
    def __init__(
        self,
        service: SpellingService,
        editor: EditorPane,
        actor: Callable[[], uuid.UUID | None],
        people: Callable[[], list[PersonRecord]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._editor = editor
        self._actor = actor
        self._people = people
        self._db: Database | None = None
        editor.newsroomWordRequested.connect(self.add)

    def attach(self, db: Database) -> None:
        self._db = db
        self.refresh()

    def refresh(self) -> None:
        """Read the list and the style again; say whether this person may add words."""
        if self._db is None:
            return
        try:
            words, currency = newsroom_words(self._db), currency_style(self._db)
        except RedaksiError as error:
            self._editor.spellingNotice.emit(str(error))
            return
        self._service.set_newsroom_words(words, currency)
        self._editor.set_newsroom_words_allowed(self.may_change())

    def may_change(self) -> bool:
        actor = self._actor()
        person = next((p for p in self._people() if p.id == actor), None)
        return person is not None and person.active and has_permission(person.role, PERMISSION)

    def show_dialog(self, parent: QWidget) -> None:
        """Tools → Newsroom dictionary: everyone looks, editors and admins change."""
        from ui.spelling.newsroom_dialog import NewsroomDictionaryDialog

        if self._db is None:
            return
        dialog = NewsroomDictionaryDialog(
            self._db, self._actor(), may_change=self.may_change(), parent=parent
        )
        dialog.changed.connect(self.refresh)
        dialog.exec()

    def add(self, word: str) -> None:
        if self._db is None:
            return
        try:
            add_words(self._db, [word], actor_id=self._actor())
        except RedaksiError as error:
            self._editor.spellingNotice.emit(str(error))
            return
        self.refresh()
