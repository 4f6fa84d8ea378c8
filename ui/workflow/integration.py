"""Puts the workflow into the main window: the Workflow panel (beside the preview), the
lock banner, the menu actions (profile, audit log, calendar, day budget) and the
scheduler.

The window calls ``attach``, ``article_opened`` and ``shutdown``; everything else is
wired here, so the window only composes.
"""

from __future__ import annotations

import socket
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFrame, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from ui.actions import ActionSpec
from ui.workflow import prompts
from ui.workflow.lock_banner import LockBanner, LockKeeper
from ui.workflow.review_pane import ReviewPane
from ui.workflow.send_back_banner import SendBackBanner
from ui.workflow.session import WorkflowSession
from ui.workflow.workflow_bar import WorkflowBar

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import ArticleRecord, PersonRecord
    from ui.workflow.scheduler import SchedulerTimer

#: Action ids this module registers; the window's menus place them.
ACTION_IDS = (
    "profile.switch",
    "view.workflow",
    "workflow.audit",
    "workflow.calendar",
    "workflow.budget",
)

#: Whether the Workflow panel was last shown (it starts shown).
SHOWN_KEY = "mainWindow/workflowShown"
#: A row of three Indonesian workflow buttons stays unclipped at this width.
PANEL_MIN_WIDTH = 340


class WorkflowIntegration(QObject):
    #: Someone signed in or chose their profile (None: nobody is signed in now).
    personChosen = Signal(object)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.session: WorkflowSession | None = None
        self.record: ArticleRecord | None = None
        self.scheduler: SchedulerTimer | None = None

        self.bar = WorkflowBar()
        self.bar.before_change = window.flush
        self.bar.exceptions = window.editor.spelling_exceptions
        self.bar.statusChanged.connect(self.article_changed)
        self.bar.profileRequested.connect(self.switch_profile)
        self.review = ReviewPane(window.editor.body)
        self.review.before_change = window.flush
        panel = QWidget()
        panel.setObjectName("workflowPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.bar)
        layout.addWidget(self.review, 1)
        panel.setMinimumWidth(PANEL_MIN_WIDTH)
        # Scrolled rather than squeezed when the column is narrower still: the window's
        # least width stays that of its three panes.
        self.panel = QScrollArea()
        self.panel.setObjectName("workflowScroll")
        self.panel.setWidgetResizable(True)
        self.panel.setFrameShape(QFrame.Shape.NoFrame)
        self.panel.setWidget(panel)
        window.side.set_workflow(self.panel)

        self.banner = LockBanner(window.editor)
        window.editor.layout().insertWidget(0, self.banner)
        self.sent_back = SendBackBanner(window.editor)
        window.editor.layout().insertWidget(1, self.sent_back)
        self.locks = LockKeeper(window.editor, self.banner, self)
        self.locks.reload_article = self._show_stored
        self.locks.tookOver.connect(self._took_over)
        self.locks.lockLost.connect(self._lock_lost)
        self.banner.signInRequested.connect(self.switch_profile)

        registry = window.registry
        registry.add(ActionSpec("profile.switch", "", None, "profile"), self.switch_profile)
        registry.add(
            ActionSpec("view.workflow", "", "F10", "workflow", checkable=True), self.show_panel
        )
        registry.add(ActionSpec("workflow.audit", "", "Ctrl+Shift+L", "audit"), self.show_audit)
        # J for "jadwal": the newsroom's word for the schedule.
        registry.add(
            ActionSpec("workflow.calendar", "", "Ctrl+Shift+J", "calendar"), self.show_calendar
        )
        registry.add(ActionSpec("workflow.budget", "", None, "budget"), self.export_budget)
        window.side.workflowShown.connect(registry.action("view.workflow").setChecked)
        window.side.workflowShown.connect(self._remember_shown)
        shown = QSettings().value(SHOWN_KEY, True, type=bool)
        window.side.set_workflow_shown(bool(shown))
        registry.action("view.workflow").setChecked(bool(shown))
        window.installEventFilter(self)
        self.retranslate()
        self._update_actions()

    # --- the window's calls ----------------------------------------------------------

    def attach(self, db: Database) -> None:
        from ui.workflow.profile import remembered_profile
        from ui.workflow.scheduler import SchedulerTimer

        self.session = WorkflowSession(
            db, zone=self.window.context.settings.zone, workstation=socket.gethostname()
        )
        autosave = self.window.autosave
        if autosave is not None:
            # Every save acts as whoever is signed in here, and a save that meets someone
            # else's lock stops the editing at once.
            autosave.session_for = lambda: self.session
            autosave.lockLost.connect(self.locks.lost)
            self.locks.forget_unsaved = autosave.journal.discard
        if db.dialect != "sqlite":
            self.window.list_pane.show_notice(self._direct_access_warning())
        self.set_person(remembered_profile(db))
        self.scheduler = SchedulerTimer(db, self)
        self.scheduler.published.connect(self._published)
        self.scheduler.start()

    def article_opened(self, record: ArticleRecord | None) -> None:
        self.record = record
        self.sent_back.show_for(record, self.session)
        self.bar.set_article(record)
        self.review.set_article(record)
        self.locks.article_opened(record)
        self._update_actions()

    def shutdown(self) -> None:
        if self.scheduler is not None:
            self.scheduler.stop()
        self.locks.shutdown()

    def _remember_shown(self, shown: bool) -> None:
        QSettings().setValue(SHOWN_KEY, shown)

    # --- profile ---------------------------------------------------------------------

    def write_refusal(self) -> str:
        """Why this window may not write now ("" if it may): nobody signed in, in a
        newsroom that signs in."""
        from editor.errors import RedaksiError
        from editor.workflow.passwords import sign_in_required

        if self.session is None or self.session.person is not None:
            return ""
        try:
            required = sign_in_required(self.session.db)
        except RedaksiError as error:
            return str(error)
        if not required:
            return ""
        return self.tr(
            "Nobody is signed in in this window, and this newsroom saves only the work of "
            "someone signed in. Sign in first (Article → Switch profile)."
        )

    def set_person(self, person: PersonRecord | None) -> None:
        if self.session is None:
            return
        self.session.person = person
        self.review.zone = self.session.zone
        self.bar.set_session(self.session)
        self.review.set_session(self.session)
        self.locks.set_session(self.session)
        self._update_actions()
        # Whether the spelling menus offer "add to the newsroom dictionary" follows the role.
        self.window.newsroom_words.refresh()
        self.personChosen.emit(person)

    def switch_profile(self) -> None:
        from ui.workflow.profile import ProfileDialog

        if self.session is None or not self.window.flush():
            return
        if self.session.db.sync_role == "replica":
            # Only the person signed in to the newsroom server acts on its replica.
            self.window.sync.sign_in()
            return
        dialog = ProfileDialog(self.session.db, self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.set_person(dialog.chosen)

    # --- views -----------------------------------------------------------------------

    def show_panel(self) -> None:
        """View → Workflow (F10): bring the panel forward with the focus in it, or hide
        it when it is in front already."""
        # The panel's state decides, not the action's: F10 on a panel behind the Preview
        # tab brings it forward rather than hiding it. (A named slot, too: PySide connects
        # a bound builtin such as widget.setVisible to the argument-less triggered(), and
        # the call then fails for want of its argument.)
        side = self.window.side
        if side.is_workflow_shown() and not side.is_behind(self.panel):
            side.set_workflow_shown(False)
        else:
            side.show_workflow()
        self.window.registry.action("view.workflow").setChecked(side.is_workflow_shown())

    def show_audit(self) -> None:
        from ui.workflow.audit_view import AuditDialog

        if self.session is None:
            return
        article_id = self.record.id if self.record else None
        AuditDialog(
            self.session.db, zone=self.session.zone, article_id=article_id, parent=self.window
        ).exec()

    def show_calendar(self) -> None:
        from ui.workflow.calendar_view import CalendarDialog

        if self.session is None or not self.window.flush():
            return
        dialog = CalendarDialog(self.session, self.window)
        dialog.view.model.rescheduled.connect(self.article_changed)
        dialog.view.openArticle.connect(lambda article_id: self._open_from(dialog, article_id))
        dialog.exec()

    def _open_from(self, dialog: QDialog, article_id: object) -> None:
        """A calendar item double-clicked: the calendar closes on that article."""
        dialog.accept()
        if not self.window.list_pane.select_article(article_id):
            self.window.open_article(article_id)  # hidden by the list's filter

    def export_budget(self) -> None:
        from editor.errors import RedaksiError
        from ui.workflow.budget_pdf import export_day_budget

        if self.session is None:
            return
        today = datetime.now(ZoneInfo(self.session.zone)).date()
        day = prompts.ask_day(self.window, today)
        if day is None:
            return
        path = prompts.ask_pdf_path(self.window, str(Path.home() / f"budget-{day:%Y-%m-%d}.pdf"))
        if path is None:
            return
        try:
            export_day_budget(
                self.session.db,
                Path(path),
                day,
                zone=self.session.zone,
                site=self.window.context.settings.site_name,
            )
        except (OSError, RedaksiError) as error:
            QMessageBox.warning(self.window, self.tr("Budget not written"), str(error))
            return
        self.window.status.showMessage(
            self.tr("Day budget written to %1").replace("%1", path), 6000
        )

    # --- keeping the window in step --------------------------------------------------

    def article_changed(self, record: ArticleRecord) -> None:
        """A move or reschedule went through: the stored article has a new version."""
        self.window.list_pane.model.update_from_record(record)
        if self.record is not None and record.id == self.record.id:
            self.sent_back.show_for(record, self.session)
            if self.window.editor.is_dirty():
                # Typed text is never replaced: the next save meets the new version and
                # the conflict dialog lets the user keep their words.
                self.bar.set_article(record)
                return
            self._show_stored(record)
            self.record = record
            self.bar.set_article(record)
            self.review.set_article(record)
            self.locks.article_opened(record)

    def stored_changed(self, stored: ArticleRecord) -> None:
        """The open article as stored now, after a commit elsewhere (cron's publish
        --due, another window, the command line)."""
        editor = self.window.editor
        if stored.id != editor.record_id() or stored.version == editor.stored_version():
            return
        if not editor.is_dirty():
            self.article_changed(stored)
            return
        if editor.adopt_stored(stored):
            # Only its state moved: the typed text stays and is saved on the new version.
            self.record = stored
            self.bar.set_article(stored)
            self.review.set_article(stored)
            self.window.list_pane.model.update_from_record(stored)

    def _show_stored(self, record: ArticleRecord) -> None:
        self.window.editor.reload(record)
        self.window.preview.show_record(record, self.window.context.settings)

    def _took_over(self, record: ArticleRecord, kept: int) -> None:
        self.record = record
        self.bar.set_article(record)
        message = self.tr("You took the article over.")
        if kept:
            message += " " + self.tr("Their unsaved text is kept as revision %1.").replace(
                "%1", str(kept)
            )
        self.window.status.showMessage(message, 8000)

    def _lock_lost(self, record: ArticleRecord, kept: int) -> None:
        self.record = record
        self.bar.set_article(record)
        self.review.set_article(record)
        self.window.list_pane.model.update_from_record(record)
        message = self.tr("Someone else is editing this article now; it is read-only here.")
        if kept:
            message += " " + self.tr("Your unsaved text is kept as revision %1.").replace(
                "%1", str(kept)
            )
        self.window.status.showMessage(message, 10000)

    def _direct_access_warning(self) -> str:
        return self.tr(
            "This window works directly on a shared database. Redaksi checks roles, locks "
            "and sign-in and keeps the audit log, but the database does not: anyone who has "
            "its password (or another program) can change anything, unchecked and "
            "unrecorded. Keep the database password for IT."
        )

    def _published(self, records: list[ArticleRecord]) -> None:
        for record in records:
            self.article_changed(record)
        self.window.status.showMessage(
            self.tr("%n scheduled article(s) published.", "", len(records)), 8000
        )

    def _update_actions(self) -> None:
        registry = self.window.registry
        attached = self.session is not None
        for action_id in (
            "profile.switch",
            "workflow.audit",
            "workflow.calendar",
            "workflow.budget",
        ):
            registry.action(action_id).setEnabled(attached)

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.panel.setAccessibleName(self.tr("Workflow"))
        self.window.registry.retranslate(
            {
                "profile.switch": (
                    self.tr("S&witch profile…"),
                    self.tr("Choose who is working here, or sign in"),
                ),
                "view.workflow": (self.tr("&Workflow"), self.tr("Show or hide status and review")),
                "workflow.audit": (
                    self.tr("&Audit log…"),
                    self.tr("Who changed which status, and when"),
                ),
                "workflow.calendar": (
                    self.tr("&Calendar…"),
                    self.tr("What is scheduled per day and hour"),
                ),
                "workflow.budget": (
                    self.tr("Export day &budget (PDF)…"),
                    self.tr("A printable list of the day's stories"),
                ),
            }
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
