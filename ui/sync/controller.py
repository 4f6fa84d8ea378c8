"""The newsroom server in the main window: sign-in, the sync thread and what it brings.

``attach`` starts the background sync on a replica (docs/sync.md §6) and does nothing in
single-user mode. What the sync reports is turned into the window's terms here: the
status bar (online / offline / syncing and the changes waiting), the list and the open
article refreshed, a refused change explained, a conflict shown side by side.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QKeySequence

from ui.actions import ActionSpec
from ui.sync.worker import SyncSignals, SyncWorker

if TYPE_CHECKING:
    from editor.database import Database
    from editor.sync.replica import SyncReport, SyncStatus

ACTION_IDS = ("newsroom.sign_in", "newsroom.sign_out", "newsroom.sync")
# Set once the first-start sign-in was offered, whatever the answer.
FIRST_START_KEY = "newsroom/firstStartOffered"


class SyncController(QObject):
    # A local change was queued (emitted from whichever thread committed it).
    localChange = Signal()

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.db: Database | None = None
        self.worker: SyncWorker | None = None
        self.signals = SyncSignals(self)
        self.signals.syncing.connect(self._syncing)
        self.signals.synced.connect(self._synced)
        self.signals.offline.connect(self._offline)
        self.signals.signInRequired.connect(self._sign_in_required)
        self.signals.failed.connect(self._failed)
        self.localChange.connect(self._count_waiting)
        self._unhook: Any = None
        self._state = ""
        self._detail = ""
        # Conflicts already put in front of the person in this run: (article, when).
        self._shown: set[tuple[uuid.UUID, object]] = set()
        self._showing_conflict = False
        registry = window.registry
        registry.add(ActionSpec("newsroom.sign_in", "", None, "profile"), self.sign_in)
        registry.add(ActionSpec("newsroom.sign_out", "", None, None), self.sign_out)
        registry.add(
            ActionSpec("newsroom.sync", "", QKeySequence.StandardKey.Refresh, "refresh"),
            self.sync_now,
        )
        self.retranslate()
        self._update_actions()

    # --- the window's calls ----------------------------------------------------------

    def attach(self, db: Database) -> None:
        self.db = db
        self._shown.clear()
        if db.sync_role == "replica":
            self._use_signed_in_person()
            self._start()
        else:
            self._set_state("")
        self._update_actions()

    def _use_signed_in_person(self) -> None:
        """On a replica the window acts as the person signed in to the server: everything
        done here goes up as them (editor.workflow.passwords.sign_in_refusal)."""
        from editor.people import list_people
        from editor.sync.replica import remote_config

        config = remote_config(self.db) if self.db is not None else None
        if config is None or self.window.workflow is None:
            return
        person = next((p for p in list_people(self.db) if p.id == config.person_id), None)
        if person is not None:
            self.window.workflow.set_person(person)

    def detach(self) -> None:
        """Stop syncing (the window closes, or changes database)."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        if self._unhook is not None:
            self._unhook()
            self._unhook = None
        self.db = None
        self._update_actions()

    def offer_first_start(self) -> None:
        """On an app with no newsroom yet (an empty single-user database), ask once
        whether to sign in to a newsroom server or work on this computer alone."""
        if self.db is None or self.db.sync_role or QSettings().value(FIRST_START_KEY):
            return
        from editor.sync.replica_file import holds_articles

        if self.db.dialect != "sqlite" or holds_articles(self.db):
            return
        QSettings().setValue(FIRST_START_KEY, True)
        self.sign_in(first_start=True)

    # --- sign-in -----------------------------------------------------------------------

    def sign_in(self, first_start: bool = False) -> None:
        from editor.config import default_data_dir
        from editor.sync.replica import remote_config
        from ui.sync.sign_in_dialog import NewsroomSignInDialog

        if self.db is None or not self.window.flush():
            return
        config = remote_config(self.db)
        dialog = NewsroomSignInDialog(
            self.db,
            self.window.context.data_dir or default_data_dir(),
            self.window,
            first_start=first_start is True,
            server=config.url if config else "",
            handle=config.handle if config else "",
        )
        if not dialog.exec() or dialog.replica is None or dialog.result is None:
            return
        replica, person = dialog.replica, dialog.result.person
        if replica is not self.db:
            self.window.replace_database(replica)
            self._remember_database(replica)
        else:
            self.detach()
            self.attach(replica)
        if self.window.workflow is not None:
            self.window.workflow.set_person(person)
        message = self.tr("Signed in to %1 as %2.").replace("%1", dialog.server.text().strip())
        message = message.replace("%2", person.name)
        if dialog.result.token_file is not None:
            message += " " + self.tr(
                "No system keyring here: the sign-in is kept in %1, readable by you alone."
            ).replace("%1", str(dialog.result.token_file))
        self.window.status.showMessage(message, 10000)

    def _remember_database(self, replica: Database) -> None:
        """The next start opens the replica too (unless IT fixed the database)."""
        from editor.errors import RedaksiError
        from editor.userconfig import save_user_setting

        try:
            save_user_setting("database_url", replica.url)
        except (OSError, RedaksiError) as error:
            self.window.status.showMessage(
                self.tr("The newsroom copy is %1; it could not be made the default: %2")
                .replace("%1", replica.url)
                .replace("%2", str(error)),
                15000,
            )

    def sign_out(self) -> None:
        from editor.sync.replica import sign_out
        from ui.workers import run_in_background

        if self.db is None or self.db.sync_role != "replica" or not self.window.flush():
            return
        db = self.db
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

        def done(revoked: object) -> None:
            self._set_state("signed_out", self.tr("Signed out: sign in to sync again."))
            self.window.status.showMessage(
                self.tr("Signed out; this computer's sign-in is revoked.")
                if revoked
                else self.tr(
                    "Signed out here. The server could not be told: ask an admin to revoke "
                    "this computer's sign-in (redaksi tokens revoke)."
                ),
                10000,
            )
            self._update_actions()

        run_in_background(sign_out, db, on_done=done, on_error=self._failed_sign_out, parent=self)

    def _failed_sign_out(self, message: str, _error: object) -> None:
        self.window.status.showMessage(message, 10000)

    def sync_now(self) -> None:
        if self.worker is not None:
            self.worker.sync_now()
        elif self.db is not None and self.db.sync_role == "replica":
            self._start()

    # --- the sync thread's reports -----------------------------------------------------

    def _start(self) -> None:
        from editor.sync.capture import on_local_change

        assert self.db is not None
        if self._unhook is None:
            self._unhook = on_local_change(self.db.sessions, self._local_change)
        self.worker = SyncWorker(self.db, self.signals)
        self._set_state("syncing")
        self.worker.start()
        self._update_actions()

    def _local_change(self) -> None:
        """In the thread that committed: wake the sync and tell the GUI thread."""
        if self.worker is not None:
            self.worker.wake()
        self.localChange.emit()

    def _status(self) -> SyncStatus | None:
        from editor.sync.replica import Replica

        if self.db is None or self.db.sync_role != "replica":
            return None
        return Replica(self.db).status()

    def _count_waiting(self) -> None:
        self._set_state(self._state, self._detail)

    def _syncing(self) -> None:
        if self._state != "offline":  # a retry while offline stays "offline" until it works
            self._set_state("syncing", self._detail)

    def _offline(self, message: str, retry: float) -> None:
        self._set_state(
            "offline",
            message + "\n" + self.tr("Next try in %1 s.").replace("%1", str(round(retry))),
        )

    def _failed(self, message: str) -> None:
        self._set_state("failed", message)

    def _sign_in_required(self, message: str) -> None:
        self.worker = None
        self._set_state("signed_out", message)
        self.window.status.showMessage(message, 15000)
        self._update_actions()

    def _synced(self, report: SyncReport, _status: SyncStatus) -> None:
        from ui.sync.arrivals import show_arrivals

        self._set_state("online", "")
        if report.pulled or report.pushed:
            show_arrivals(self.window)
        if report.notices:
            self._explain(report)
        QTimer.singleShot(0, self._offer_conflicts)

    def _explain(self, report: SyncReport) -> None:
        """A change the server refused: why, and that the text is kept."""
        from editor.sync.replica import Replica

        refused = [n for n in report.notices if n.kind == "refused"]
        if refused and self.db is not None:
            lines = [notice.message for notice in refused]
            if any(notice.revision_id for notice in refused):
                lines.append(
                    self.tr(
                        "Your text as it stood on this computer is kept as a revision "
                        "(Article → Revisions…)."
                    )
                )
            Replica(self.db).mark_seen([notice.id for notice in refused])
            self.window._error(
                self.tr("The newsroom server did not accept a change:") + "\n\n" + "\n".join(lines)
            )

    def _offer_conflicts(self) -> None:
        """Each conflict of this person's, side by side in the conflict dialog, once."""
        from editor.sync.replica import Replica, remote_config

        if self.db is None or self._showing_conflict or self.window.autosave is None:
            return
        config = remote_config(self.db)
        mine = [
            c
            for c in Replica(self.db).conflicts()
            if config is not None and c.person_id == config.person_id
        ]
        waiting = [c for c in mine if (c.article_id, c.created_at) not in self._shown]
        if not waiting:
            return
        conflict = waiting[0]
        self._shown.add((conflict.article_id, conflict.created_at))
        if not self.window.open_article(conflict.article_id):
            return
        from editor.errors import RedaksiError
        from editor.sync.capture import settle_conflict
        from ui.conflict_dialog import resolve_with_dialog

        # The editor shows the person's own text, as when a save of theirs met a newer
        # one: "Keep mine" keeps what is on screen.
        self.window.editor.reload(conflict.mine)
        self._showing_conflict = True
        try:
            chosen = resolve_with_dialog(
                self.window.autosave, conflict.mine, conflict.theirs, self.window
            )
        finally:
            self._showing_conflict = False
        if chosen is not None:
            try:
                settle_conflict(self.db, conflict.article_id)
            except RedaksiError as error:
                self.window._error(str(error))
        QTimer.singleShot(0, self._offer_conflicts)

    # --- drawing -------------------------------------------------------------------------

    def _set_state(self, state: str, detail: str = "") -> None:
        self._state, self._detail = state, detail
        status = self._status()
        if status is None or not state:
            self.window.status.set_sync("", 0)
            return
        where = self.tr("%1 as %2").replace("%1", status.remote.url if status.remote else "")
        where = where.replace("%2", status.remote.handle if status.remote else "")
        tip = where + ("\n" + detail if detail else "")
        self.window.status.set_sync(state, status.pending, status.conflicts, tip)

    def state(self) -> str:
        return self._state

    def _update_actions(self) -> None:
        registry = self.window.registry
        replica = self.db is not None and self.db.sync_role == "replica"
        registry.action("newsroom.sign_in").setEnabled(self.db is not None)
        registry.action("newsroom.sign_out").setEnabled(replica and self._state != "signed_out")
        registry.action("newsroom.sync").setEnabled(replica and self._state != "signed_out")

    def retranslate(self) -> None:
        self.window.registry.retranslate(
            {
                "newsroom.sign_in": (
                    self.tr("Sign &in to newsroom…"),
                    self.tr("Sign in to the newsroom server and work on a copy of it here"),
                ),
                "newsroom.sign_out": (
                    self.tr("Sign &out of newsroom"),
                    self.tr("Revoke and forget this computer's sign-in; your work stays here"),
                ),
                "newsroom.sync": (
                    self.tr("S&ync now"),
                    self.tr("Send waiting changes and fetch the newsroom's now"),
                ),
            }
        )
