"""Opening an article whose text a replica does not carry (a big newsroom's replica keeps
bodies only of the person's own, their desk's recent and the articles they opened).

The text is fetched from the server once (and carried from then on) on a worker thread:
the window stays usable meanwhile and the editor, locked, says the text is loading.
Offline the editor stays locked and says, in one sentence, that the article is not
available offline: an empty editor would look like a story with no text, and nothing
typed there could be saved over it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from ui.workers import run_in_background

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleRecord


def text_missing(db: Database, article_id: uuid.UUID) -> bool:
    """True when this replica carries the article's description but not its text (a
    local query: single-user databases and servers always carry it)."""
    if db.sync_role != "replica":
        return False
    from editor.sync.replica import Replica

    with Replica(db) as replica:
        return not replica.has_body(article_id)


def fetch_text(db: Database, article_id: uuid.UUID) -> ArticleRecord:
    """On a worker: the article with its text from the server, carried from now on.
    NotAvailableOfflineError when the server cannot be reached."""
    from editor.sync.replica import Replica

    with Replica(db) as replica:
        return replica.ensure_body(article_id)


class TextFetch(QObject):
    """Fetches the text of the article the person opened; the newest request wins."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self.waiting_for: uuid.UUID | None = None

    def start(self, record: ArticleRecord) -> None:
        """Lock the editor on ``record`` (its text not here) and fetch the text."""
        window = self._window
        self.waiting_for = record.id
        self._show_waiting(
            record, self.tr("Loading the text of this article from the newsroom server…")
        )
        run_in_background(
            fetch_text,
            window.db,
            record.id,
            on_done=lambda fetched: self._fetched(record.id, fetched),
            on_error=lambda message, _error: self._failed(record, message),
            parent=self,
        )

    def cancel(self) -> None:
        """Another article (or none) is opened: a text still coming is not shown."""
        self.waiting_for = None

    def _fetched(self, article_id: uuid.UUID, record: ArticleRecord) -> None:
        if self.waiting_for == article_id:
            self.waiting_for = None
            self._window.show_opened(record)

    def _failed(self, record: ArticleRecord, message: str) -> None:
        if self.waiting_for == record.id:
            self.waiting_for = None
            self._show_waiting(record, message)
            self._window.status.showMessage(message, 15000)

    def _show_waiting(self, record: ArticleRecord, text: str) -> None:
        window = self._window
        window.editor.show_waiting(record, text, window._sections, window._people)
