"""Autosave: the article in the editor is saved within two seconds of the last keystroke.

Autosave saves the article in place (no revision: the revision list stays for the
reporter's own save points, Ctrl+S). While typing goes on, a crash-recovery journal is
written at most every half second, so a killed process loses at most that much; see
ui.recovery. A save that meets a newer stored version never overwrites it: ``conflict``
is emitted with both versions and autosave pauses until the user has chosen; whichever
version loses is kept as a revision under its author's name. A save that went into an
SQLite write-ahead log another program had removed (editor.sqlite_guard) is done again at
once on the renewed connection, and ``savedAgain`` tells the window.

Every save acts as the person signed in to the window (``session_for``), through the
core's role and lock checks (``editing.edit_article``): a window whose lock someone else
holds now cannot save, and says so with ``lockLost``. Where nobody is signed in, the core
saves only in a newsroom that does not sign in (``editing.save_unsigned``).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from editor.articles import create_article, get_article
from editor.config import DEFAULT_ZONE, default_data_dir
from editor.database import Database
from editor.errors import ConflictError, LostWriteError, RedaksiError
from editor.records import ArticleDraft, ArticleRecord, RevisionRecord
from editor.workflow.editing import edit_article, save_unsigned
from editor.workflow.locks import ArticleLockedError
from ui.editor_pane import EditorPane
from ui.preview.background import BackgroundRunner
from ui.recovery import RecoveryJournal, recover_unclean_shutdown

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.workflow.session import WorkflowSession

T = TypeVar("T")

#: The journal is written at most this often while typing goes on.
JOURNAL_INTERVAL_MS = 500

__all__ = ["AutosaveController", "ConflictChoice", "recover_unclean_shutdown"]


class ConflictChoice(Enum):
    """What the reporter chose when their save met a newer stored version."""

    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"
    COPY_MINE = "copy_mine"


class AutosaveController(QObject):
    """Saves the editor pane's article after a pause in typing, on flush and on close."""

    saved = Signal(object)  # datetime (UTC) of the save
    conflict = Signal(object, object)  # ArticleRecord mine, ArticleRecord theirs
    failed = Signal(str)
    #: After Ctrl+S: the revision that was kept.
    revisionSaved = Signal(object)
    #: A conflict was resolved; the record now in the editor (or the new copy).
    resolved = Signal(object)
    #: A save met someone else's live lock (LockRecord): this window lost the article.
    lockLost = Signal(object)
    #: A save reached nobody (its SQLite log had been removed) and was done again.
    savedAgain = Signal()

    def __init__(
        self,
        db: Database,
        editor_pane: EditorPane,
        interval_ms: int = 2000,
        parent: QObject | None = None,
        *,
        data_dir: Path | None = None,
    ) -> None:
        # Without a parent the controller lives as long as the pane it saves: its timers
        # must never fire at a pane that is gone.
        super().__init__(parent if parent is not None else editor_pane)
        self.db = db
        self.pane = editor_pane
        self.journal = RecoveryJournal(data_dir or default_data_dir(), db.url)
        #: Who works in the window and its lock session (None until the workflow attaches).
        self.session_for: Callable[[], WorkflowSession | None] = lambda: None
        self._blocked_by_conflict = False
        self._timer = QTimer(self, singleShot=True, interval=interval_ms)
        self._timer.timeout.connect(self.flush)
        # Not restarted on each keystroke: during non-stop typing it still fires.
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_INTERVAL_MS)
        self._journal_timer.timeout.connect(self.write_journal)
        self._journaller = BackgroundRunner(self)
        self._journaller.finished.connect(self._journal_result)

        editor_pane.contentChanged.connect(self._content_changed)
        editor_pane.set_article_lookup(self._search, self._article_path)

    # --- settings --------------------------------------------------------------------

    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(max(200, interval_ms))

    def is_blocked(self) -> bool:
        """True while a conflict waits for the user's choice."""
        return self._blocked_by_conflict

    # --- saving ----------------------------------------------------------------------

    def _content_changed(self) -> None:
        self._timer.start()
        if not self._journal_timer.isActive():
            self._journal_timer.start()

    def write_journal(self, *, wait: bool = False) -> None:
        """Journal the text on screen: on a worker (a long article takes tens of ms to
        write), or right away with ``wait`` (before a dialog, where the text must be safe).

        The ticket is taken here, on the GUI thread, so a write that finishes late never
        replaces newer text (the journal keeps the newest ticket per article)."""
        if self.pane.record_id() is None or not self.pane.is_dirty():
            return
        record = self.pane.current_record()
        ticket = self.journal.ticket()
        if wait:
            self._journal_result(0, self._write(record, ticket))
        else:
            self._journaller.submit(lambda: self._write(record, ticket))

    def _write(self, record: ArticleRecord, ticket: int) -> object:
        try:
            return self.journal.write(record, ticket=ticket)
        except OSError as error:
            return error

    def _journal_result(self, _token: int, result: object) -> None:
        if isinstance(result, OSError):
            self.failed.emit(
                self.tr("Could not write the recovery file: %1. Check free disk space.").replace(
                    "%1", str(result)
                )
            )

    def flush(self) -> bool:
        """Save now if there is anything unsaved; False if it could not be saved."""
        self._timer.stop()
        if self.pane.record_id() is None or not self.pane.is_dirty():
            return True
        if self._blocked_by_conflict:
            return False
        return self._save(self.pane.current_record()) is not None

    def _person(self) -> tuple[uuid.UUID, str] | None:
        """The signed-in person's id and name, or None."""
        session = self.session_for()
        if session is None or session.person is None:
            return None
        return session.person.id, session.person.name

    def _store(self, mine: ArticleRecord) -> ArticleRecord:
        session = self.session_for()
        if session is None or session.person is None:
            return save_unsigned(self.db, mine)
        return edit_article(
            self.db, mine, actor_id=session.person.id, session_id=session.session_id
        )

    def _save(self, mine: ArticleRecord) -> ArticleRecord | None:
        try:
            stored = self._again_if_lost(lambda: self._store(mine))
        except ArticleLockedError as error:
            # Someone took the article over: the lock keeper keeps this text and stops
            # the editing; until then it is safe in the journal.
            self._journal_timer.stop()
            self.write_journal(wait=True)
            self.lockLost.emit(error.lock)
            return None
        except ConflictError:
            self._journal_timer.stop()
            self.write_journal(wait=True)  # the text is safe on disk while the user decides
            try:
                theirs = get_article(self.db, mine.id)
            except RedaksiError as error:
                self.failed.emit(str(error))
                return None
            self._blocked_by_conflict = True
            self.conflict.emit(mine, theirs)
            return None
        except RedaksiError as error:
            # The text stays in the editor and in the journal; the next keystroke retries.
            self.write_journal(wait=True)
            self.failed.emit(str(error))
            return None
        self.pane.mark_saved(stored)
        if not self.pane.is_dirty():
            self._journal_timer.stop()
            self.journal.discard(stored.id)
        self.saved.emit(datetime.now(UTC))
        return stored

    def save_revision(self, note: str = "") -> RevisionRecord | None:
        """Ctrl+S: save and keep a revision of the article as saved."""
        from editor.revisions import create_revision

        article_id = self.pane.record_id()
        if article_id is None or self._blocked_by_conflict:
            return None
        if self.pane.is_dirty() and self._save(self.pane.current_record()) is None:
            return None
        person = self._person()
        try:
            revision = self._again_if_lost(
                lambda: create_revision(
                    self.db,
                    article_id,
                    kind="save",
                    note=note,
                    author_id=person[0] if person is not None else None,
                )
            )
        except RedaksiError as error:
            self.failed.emit(str(error))
            return None
        self.revisionSaved.emit(revision)
        return revision

    def _again_if_lost(self, write: Callable[[], T]) -> T:
        """Run ``write``; if it went into a removed SQLite log, once more (the core has
        reconnected, and the text on screen is still what was to be saved)."""
        try:
            return write()
        except LostWriteError:
            result = write()
            self.savedAgain.emit()
            return result

    def shutdown(self) -> bool:
        """On close: save what is left; the journal goes only if the save went through."""
        ok = self.flush()
        article_id = self.pane.record_id()
        if ok and article_id is not None and not self.pane.is_dirty():
            self.journal.discard(article_id)
        return ok

    # --- conflicts -------------------------------------------------------------------

    def resolve_conflict(
        self, choice: ConflictChoice, mine: ArticleRecord, theirs: ArticleRecord
    ) -> ArticleRecord | None:
        """Carry out the user's choice; returns the record the editor should now show.

        The version that loses is kept as a "conflict" revision first (theirs under the
        name of whoever saved it, mine under mine); if that fails nothing is overwritten.
        """
        self._blocked_by_conflict = False
        result: ArticleRecord | None
        if choice is ConflictChoice.KEEP_MINE:
            # Re-based on the version the user has now seen, so nothing unseen is lost;
            # status and publishing times are theirs (they move only by a status change).
            if self.pane.record_id() == mine.id:
                mine = self.pane.current_record()
            if not self._keep_theirs(theirs):
                return None
            rebased = replace(
                mine,
                version=theirs.version,
                status=theirs.status,
                published_at=theirs.published_at,
                scheduled_at=theirs.scheduled_at,
            )
            result = self._save(rebased)
        elif choice is ConflictChoice.TAKE_THEIRS:
            if not self._keep_mine(mine):
                return None
            self.pane.reload(theirs)
            self.journal.discard(theirs.id)
            result = theirs
        else:
            result = self._copy_to_new_article(mine)
            if result is not None:
                self.pane.reload(theirs)
                self.journal.discard(theirs.id)
        if result is not None:
            self.resolved.emit(result)
        return result

    def _keep_theirs(self, theirs: ArticleRecord) -> bool:
        from editor.workflow.kept_text import keep_stored_version

        person = self._person()
        who = person[1] if person is not None else "another version"
        try:
            keep_stored_version(
                self.db,
                theirs.id,
                version=theirs.version,
                note=f"Replaced by {who}'s version after a save conflict",
            )
        except RedaksiError as error:
            self.failed.emit(str(error))
            return False
        return True

    def _keep_mine(self, mine: ArticleRecord) -> bool:
        from editor.workflow.kept_text import keep_text

        person = self._person()
        try:
            keep_text(
                self.db,
                mine,
                author_id=person[0] if person is not None else None,
                kind="conflict",
                note="Dropped for the stored version after a save conflict",
            )
        except RedaksiError as error:
            self.failed.emit(str(error))
            return False
        return True

    def _copy_to_new_article(self, mine: ArticleRecord) -> ArticleRecord | None:
        person = self._person()
        try:
            return create_article(
                self.db,
                saved_by=person[0] if person is not None else None,
                draft=ArticleDraft(
                    headline=mine.headline,
                    body=mine.body,
                    kicker=mine.kicker,
                    lead=mine.lead,
                    section_id=mine.section_id,
                    language=mine.language,
                    byline_ids=mine.byline_ids,
                    tags=mine.tags,
                    lead_image=mine.lead_image,
                    lead_image_caption=mine.lead_image_caption,
                    lead_image_credit=mine.lead_image_credit,
                ),
            )
        except RedaksiError as error:
            self.failed.emit(str(error))
            return None

    # --- "Baca juga" lookups for the editor --------------------------------------------

    def _search(self, words: str) -> list:
        from editor.search import search_articles

        return [hit for hit in search_articles(self.db, words) if hit.id != self.pane.record_id()]

    def _article_path(self, article_id: uuid.UUID) -> str:
        from editor.publish.urls import article_path

        record = get_article(self.db, article_id)
        when = record.published_at or record.created_at
        return article_path(when, record.id, record.slug, DEFAULT_ZONE)
