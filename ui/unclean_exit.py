"""Text typed before Redaksi last ended without closing properly, put back in the window.

The text goes back as the person signed in, so its save and its revision name them: at
start-up when someone is signed in already (a remembered profile), else it is kept aside
(ui.recovery.set_aside) and put back once someone signs in or chooses their profile.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from editor.database import Database
    from editor.records import PersonRecord


class UncleanExitRecovery(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        self._waiting = False

    def waiting(self) -> bool:
        """Whether text is kept aside until someone signs in."""
        return self._waiting

    def at_start(self, db: Database) -> list[uuid.UUID]:
        """Put back what the last run left unsaved in ``db``; the articles that got it."""
        from ui.recovery import set_aside

        self._waiting = False
        person = self._signed_in()
        if person is not None:
            return self._restore(db, person.id)
        try:
            kept = set_aside(self._data_dir(), db)
        except OSError as error:
            self._unreadable(error)
            return []
        if kept:
            self._waiting = True
            self._window.list_pane.show_notice(
                self.tr(
                    "Redaksi was not closed properly last time. The unsaved text of "
                    "%n article(s) is kept aside: it is put back as soon as you sign in "
                    "(Article → Switch profile).",
                    "",
                    kept,
                )
            )
        return []

    def person_chosen(self, person: PersonRecord | None) -> None:
        """Someone signed in: the text kept aside goes back as theirs."""
        window = self._window
        if not self._waiting or person is None or window.db is None:
            return
        if not window.flush():  # what is typed now is saved before the text comes back
            return
        self._waiting = False
        restored = self._restore(window.db, person.id)
        open_id = window.editor.record_id()
        if open_id is not None and open_id in restored:
            from editor.articles import get_article

            window.show_opened(get_article(window.db, open_id))
        elif restored:
            window.list_pane.select_article(restored[0])

    def _restore(self, db: Database, person_id: uuid.UUID) -> list[uuid.UUID]:
        from ui.recovery import recover_unclean_shutdown

        try:
            restored = recover_unclean_shutdown(self._data_dir(), db, saved_by=person_id)
        except OSError as error:
            self._unreadable(error)
            return []
        if restored:
            self._window.list_pane.model.reload()
            self._window.list_pane.show_notice(
                self.tr(
                    "Redaksi was not closed properly last time. The unsaved text of "
                    "%n article(s) was restored.",
                    "",
                    len(restored),
                )
            )
        return restored

    def _signed_in(self) -> PersonRecord | None:
        workflow = self._window.workflow
        session = workflow.session if workflow is not None else None
        return session.person if session is not None else None

    def _data_dir(self) -> Any:
        from editor.config import default_data_dir

        return self._window.context.data_dir or default_data_dir()

    def _unreadable(self, error: OSError) -> None:
        self._window._error(
            self.tr("Could not read the recovery files: %1").replace("%1", str(error))
        )
