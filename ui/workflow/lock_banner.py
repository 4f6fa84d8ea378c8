"""Soft locks in the editor: the "being edited by …" bar, take-over, and the heartbeat.

``LockKeeper`` takes the lock when an article opens, renews it every HEARTBEAT_INTERVAL
with the editor's unsaved text (so an editor who takes over keeps those words as a
revision), and lets go when another article opens or the app closes. While someone else
holds the lock the editor is read-only and the banner says who; an editor can take over.

A take-over stops the old holder at once: the window checks its lock every few seconds
(and every autosave does, in the core), and the moment it finds the lock in other hands it
turns read-only, keeps what was still on screen as a revision under its author's name,
and says so. A window where nobody signed in, in a newsroom that signs in, is read-only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ui.icons import icon
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.records import ArticleRecord
    from editor.workflow.locks import LockRecord
    from ui.editor_pane import EditorPane
    from ui.workflow.session import WorkflowSession


#: How often a window that holds a lock checks it is still its own (a take-over shows
#: within this long even when nobody types).
LOCK_CHECK_MS = 3000


class LockBanner(QFrame):
    """An info bar above the editor; hidden while this window holds the lock."""

    takeOverRequested = Signal()
    signInRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#lockBanner { background: #fff4ce; color: #3b2f00; }")
        self.icon = QLabel(self)
        self.icon.setPixmap(icon("warning").pixmap(18, 18))
        self.label = QLabel(self)
        self.label.setObjectName("lockBannerText")
        self.label.setWordWrap(True)
        self.take_over_button = QPushButton(self)
        self.take_over_button.setObjectName("takeOverButton")
        self.take_over_button.clicked.connect(self.takeOverRequested)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.clicked.connect(self.signInRequested)
        self.sign_in_button.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button)
        layout.addWidget(self.sign_in_button)
        self.lock: LockRecord | None = None
        self.zone = "Asia/Jakarta"
        self.may_take_over = False
        self.note = ""
        self.offer_sign_in = False
        self.hide()
        self.retranslate()

    def show_lock(
        self,
        lock: LockRecord,
        *,
        zone: str,
        may_take_over: bool,
        note: str = "",
        offer_sign_in: bool = False,
    ) -> None:
        """Who holds the article; ``note`` adds a sentence (what happened to your text)."""
        self.lock, self.zone, self.may_take_over = lock, zone, may_take_over
        self.note, self.offer_sign_in = note, offer_sign_in
        self.sign_in_button.setVisible(offer_sign_in)
        self.retranslate()
        self.show()

    def show_message(self, message: str, *, offer_sign_in: bool = False) -> None:
        self.lock = None
        self.note, self.offer_sign_in = "", offer_sign_in
        self.label.setText(message)
        self.take_over_button.hide()
        self.sign_in_button.setVisible(offer_sign_in)
        self.show()

    def clear(self) -> None:
        self.lock = None
        self.note, self.offer_sign_in = "", False
        self.sign_in_button.hide()
        self.hide()

    def retranslate(self) -> None:
        self.take_over_button.setText(self.tr("Take over"))
        self.sign_in_button.setText(self.tr("Sign in…"))
        if self.lock is None:
            return
        lock = self.lock
        since = lock.acquired_at.astimezone(ZoneInfo(self.zone)).strftime("%H:%M")
        where = f" ({lock.workstation})" if lock.workstation else ""
        text = (
            self.tr("Being edited by %1%2 since %3. You can read it; changes are not possible now.")
            .replace("%1", lock.holder_name)
            .replace("%2", where)
            .replace("%3", since)
        )
        self.label.setText(f"{text} {self.note}" if self.note else text)
        # Someone who is not signed in takes nothing over: they sign in first.
        self.take_over_button.setVisible(not self.offer_sign_in)
        self.take_over_button.setEnabled(self.may_take_over)
        self.take_over_button.setToolTip(
            self.tr("Take the article over; their unsaved text is kept as a revision.")
            if self.may_take_over
            else self.tr("Only an editor can take over an article someone else is editing.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LockKeeper(QObject):
    """Holds this window's lock on the open article and keeps the banner true."""

    #: After a take-over: the article as stored now, and the number of the kept revision
    #: (0 when the other window had nothing unsaved).
    tookOver = Signal(object, int)
    #: This window lost the article to someone else: the article as stored now (shown,
    #: read-only), and the number of the revision keeping what was on screen (0: nothing).
    lockLost = Signal(object, int)

    def __init__(self, pane: EditorPane, banner: LockBanner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from editor.workflow.locks import HEARTBEAT_INTERVAL

        self.pane = pane
        self.banner = banner
        self.session: WorkflowSession | None = None
        self.record: ArticleRecord | None = None
        self.holding = False
        #: Called with the article as stored after a take-over, to show it in the editor.
        self.reload_article: Callable[[ArticleRecord], None] = pane.reload
        #: Called with an article's id once its unsaved text is safe in a revision, so the
        #: crash-recovery journal of it can go.
        self.forget_unsaved: Callable[[uuid.UUID], None] = lambda _article_id: None
        self.timer = QTimer(self, interval=int(HEARTBEAT_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.beat)
        self.check_timer = QTimer(self, interval=LOCK_CHECK_MS)
        self.check_timer.timeout.connect(self.check)
        banner.takeOverRequested.connect(self.take_over)

    def set_session(self, session: WorkflowSession | None) -> None:
        self.release()
        self.session = session
        self.article_opened(self.record)

    def article_opened(self, record: ArticleRecord | None) -> None:
        """Let go of the previous article's lock and try to take this one's."""
        if self.record is not None and (record is None or record.id != self.record.id):
            self.release()
        self.record = record
        self.banner.clear()
        self._set_editable(True)
        if record is None or self.session is None or self.session.person is None:
            self.timer.stop()
            self.check_timer.stop()
            if record is not None and self.session is not None:
                self._unsigned()
            return
        self.try_lock()
        self.timer.start()
        self.check_timer.start()

    def _unsigned(self) -> None:
        """Nobody is signed in: read-only where the newsroom signs in, saying who edits."""
        from editor.errors import RedaksiError
        from editor.workflow.locks import current_lock
        from editor.workflow.passwords import sign_in_required

        session, record = self.session, self.record
        assert session is not None and record is not None
        try:
            if not sign_in_required(session.db):
                return  # one person's own newsroom: nobody to sign in as
            lock = current_lock(session.db, record.id)
        except RedaksiError as error:
            lock = None
            self.banner.show_message(str(error))
        self._set_editable(False)
        note = self.tr("Sign in to make changes.")
        if lock is not None:
            self.banner.show_lock(
                lock, zone=session.zone, may_take_over=False, note=note, offer_sign_in=True
            )
        else:
            self.banner.show_message(
                self.tr("Read only: nobody is signed in in this window. %1").replace("%1", note),
                offer_sign_in=True,
            )

    def try_lock(self) -> bool:
        from editor.errors import PermissionDenied
        from editor.workflow.locks import ArticleLockedError, acquire_lock
        from editor.workflow.roles import has_permission

        session, record = self.session, self.record
        if session is None or session.actor_id is None or record is None:
            return False
        if not self._may_edit():
            return False
        try:
            acquire_lock(
                session.db,
                record.id,
                holder_id=session.actor_id,
                session_id=session.session_id,
                workstation=session.workstation,
            )
        except ArticleLockedError as error:
            self.holding = False
            self._set_editable(False)
            shown = self.banner.lock
            same_holder = shown is not None and shown.session_id == error.lock.session_id
            self.banner.show_lock(
                error.lock,
                zone=session.zone,
                may_take_over=has_permission(session.role, "take_over"),
                note=self.banner.note if same_holder else "",  # where your text went
            )
            return False
        except PermissionDenied:
            # The person may read but not change this article; nothing to lock.
            self.holding = False
            return False
        self.holding = True
        self.banner.clear()
        self._set_editable(True)
        return True

    def _may_edit(self) -> bool:
        """False (editor read-only, banner says why) when the person may not change it.

        Asked before locking so merely opening someone else's article is not audited as
        a refused edit.
        """
        from editor.workflow.editing import can_edit
        from editor.workflow.locks import current_lock

        session, record = self.session, self.record
        assert session is not None and session.actor_id is not None and record is not None
        if can_edit(session.db, record.id, session.actor_id):
            return True
        self.release()
        self._set_editable(False)
        lock = current_lock(session.db, record.id)
        if lock is not None and lock.session_id != session.session_id:
            self.banner.show_lock(lock, zone=session.zone, may_take_over=False)
        else:
            self.banner.show_message(
                self.tr("Read only: your role may not change this article while it is %1.").replace(
                    "%1", WorkflowLabels(self).status(record.status)
                )
            )
        return False

    def beat(self) -> None:
        """Renew the lock with the unsaved text, or retry taking it when someone else had it."""
        from editor.errors import RedaksiError
        from editor.workflow.locks import LockLostError, heartbeat

        session, record = self.session, self.record
        if session is None or record is None:
            return
        if not self.holding:
            self.try_lock()
            return
        unsaved = self.pane.current_record() if self.pane.is_dirty() else None
        try:
            heartbeat(session.db, record.id, session_id=session.session_id, unsaved=unsaved)
        except LockLostError:
            self.lost()
        except RedaksiError:
            pass  # a busy database: the next beat tries again, well inside the timeout

    def check(self) -> None:
        """Is the lock still this window's? Read-only at once when someone took it."""
        from editor.errors import RedaksiError
        from editor.workflow.locks import current_lock

        session, record = self.session, self.record
        if not self.holding or session is None or record is None:
            return
        try:
            lock = current_lock(session.db, record.id)
        except RedaksiError:
            return  # a busy database: the next check, or the next save, finds out
        if lock is None:
            self.try_lock()  # it ran out (a long stall): take it again if nobody has
        elif lock.session_id != session.session_id:
            self.lost(lock)

    def lost(self, lock: LockRecord | None = None) -> None:
        """Someone else holds the article now: stop editing, keep what was on screen.

        The text still on screen is kept as a "takeover" revision under the signed-in
        person's name; the editor then shows the article as stored, read-only, and the
        banner says who has it and where the text went.
        """
        from editor.articles import get_article
        from editor.errors import RedaksiError
        from editor.workflow.kept_text import keep_text
        from editor.workflow.locks import current_lock
        from editor.workflow.roles import has_permission

        session, record = self.session, self.record
        if session is None or record is None or session.person is None:
            return
        self.holding = False
        self._set_editable(False)
        person = session.person
        try:
            lock = lock or current_lock(session.db, record.id)
            holder = lock.holder_name if lock is not None else self.tr("someone else")
            kept = None
            if self.pane.record_id() == record.id and self.pane.is_dirty():
                kept = keep_text(
                    session.db,
                    self.pane.current_record(),
                    author_id=person.id,
                    kind="takeover",
                    note=f"Typed by {person.name} after {holder} took the article over; "
                    "never saved",
                )
            stored = get_article(session.db, record.id)
        except RedaksiError as error:
            # The text stays on screen (read-only) and in the recovery journal.
            self.banner.show_message(
                self.tr(
                    "This window no longer holds the article, and your unsaved text could "
                    "not be kept as a revision: %1 Copy it from the editor."
                ).replace("%1", str(error))
            )
            return
        self.record = stored
        self.reload_article(stored)
        self.forget_unsaved(stored.id)
        self._set_editable(False)
        note = (
            self.tr("Your unsaved text is kept as revision %1.").replace("%1", str(kept.number))
            if kept is not None
            else ""
        )
        if lock is not None:
            self.banner.show_lock(
                lock,
                zone=session.zone,
                may_take_over=has_permission(session.role, "take_over"),
                note=note,
            )
        else:
            self.banner.show_message(
                self.tr("This window no longer holds the article.") + (f" {note}" if note else "")
            )
        self.lockLost.emit(stored, kept.number if kept is not None else 0)

    def take_over(self) -> None:
        from editor.articles import get_article
        from editor.errors import RedaksiError
        from editor.workflow.locks import take_over

        session, record = self.session, self.record
        if session is None or session.actor_id is None or record is None:
            return
        try:
            result = take_over(
                session.db,
                record.id,
                actor_id=session.actor_id,
                session_id=session.session_id,
                workstation=session.workstation,
            )
        except RedaksiError as error:
            QMessageBox.warning(self.banner, self.tr("Not taken over"), str(error))
            return
        self.holding = True
        self.banner.clear()
        self._set_editable(True)
        stored = get_article(session.db, record.id)
        self.record = stored
        self.reload_article(stored)
        self.tookOver.emit(stored, result.kept.number if result.kept else 0)

    def release(self) -> None:
        from editor.errors import RedaksiError
        from editor.workflow.locks import release_lock

        if self.holding and self.session is not None and self.record is not None:
            # If this fails the lock simply expires after LOCK_TIMEOUT.
            with suppress(RedaksiError):
                release_lock(self.session.db, self.record.id, session_id=self.session.session_id)
        self.holding = False

    def shutdown(self) -> None:
        self.timer.stop()
        self.check_timer.stop()
        self.release()

    def _set_editable(self, editable: bool) -> None:
        self.pane.body.setReadOnly(not editable)
        self.pane.form.setEnabled(editable)
