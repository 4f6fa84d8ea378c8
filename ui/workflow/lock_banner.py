"""Soft locks in the editor: the "being edited by …" bar, take-over, and the heartbeat.

``LockKeeper`` takes the lock when an article opens, renews it every HEARTBEAT_INTERVAL
with the editor's unsaved text (so an editor who takes over keeps those words as a
revision), and lets go when another article opens or the app closes. While someone else
holds the lock the editor is read-only and the banner says who; an editor can take over.
"""

from __future__ import annotations

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


class LockBanner(QFrame):
    """An info bar above the editor; hidden while this window holds the lock."""

    takeOverRequested = Signal()

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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.take_over_button)
        self.lock: LockRecord | None = None
        self.zone = "Asia/Jakarta"
        self.may_take_over = False
        self.hide()
        self.retranslate()

    def show_lock(self, lock: LockRecord, *, zone: str, may_take_over: bool) -> None:
        self.lock, self.zone, self.may_take_over = lock, zone, may_take_over
        self.retranslate()
        self.show()

    def show_message(self, message: str) -> None:
        self.lock = None
        self.label.setText(message)
        self.take_over_button.hide()
        self.show()

    def clear(self) -> None:
        self.lock = None
        self.hide()

    def retranslate(self) -> None:
        self.take_over_button.setText(self.tr("Take over"))
        if self.lock is None:
            return
        lock = self.lock
        since = lock.acquired_at.astimezone(ZoneInfo(self.zone)).strftime("%H:%M")
        where = f" ({lock.workstation})" if lock.workstation else ""
        self.label.setText(
            self.tr("Being edited by %1%2 since %3. You can read it; changes are not possible now.")
            .replace("%1", lock.holder_name)
            .replace("%2", where)
            .replace("%3", since)
        )
        self.take_over_button.show()
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
        self.timer = QTimer(self, interval=int(HEARTBEAT_INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.beat)
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
            return
        self.try_lock()
        self.timer.start()

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
            self.banner.show_lock(
                error.lock,
                zone=session.zone,
                may_take_over=has_permission(session.role, "take_over"),
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
        except LockLostError as error:
            self.holding = False
            self._set_editable(False)
            self.banner.show_message(str(error))
        except RedaksiError:
            pass  # a busy database: the next beat tries again, well inside the timeout

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
        self.release()

    def _set_editable(self, editable: bool) -> None:
        self.pane.body.setReadOnly(not editable)
        self.pane.form.setEnabled(editable)
