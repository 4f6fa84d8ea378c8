"""What the window does to articles from its menus: new, duplicate, trash and back,
restore from the trash, save a revision, and go back to an old revision.

Each command saves what is typed first and turns a core error into one message; the
list, editor and preview then show the result.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from editor.errors import RedaksiError
from ui.article_list import commands

if TYPE_CHECKING:
    from editor.database import Database
    from ui.main_window import MainWindow

#: The most of a headline quoted in a status-bar message, in pixels.
QUOTED_HEADLINE_PX = 360


class ArticleCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def run(self, command: Callable[[], object]) -> None:
        """Run a list command after saving; a core error becomes a message, never a crash."""
        window = self.window
        if window.db is None or not window.flush():
            return
        refusal = window.workflow.write_refusal() if window.workflow is not None else ""
        if refusal:
            window._error(refusal)
            return
        try:
            command()
        except RedaksiError as error:
            window._error(str(error))
        window._update_actions()

    def new_article(self) -> None:
        window = self.window
        actor_id = window._actor_id()
        self.run(
            lambda: window.open_article(
                commands.new_article(self._db(), window.list_pane, actor_id)
            )
        )
        window.editor.form.headline.setFocus()

    def duplicate_article(self) -> None:
        window = self.window
        actor_id = window._actor_id()
        if (article_id := window._open_id) is not None:
            self.run(
                lambda: window.open_article(
                    commands.duplicate_article(self._db(), window.list_pane, article_id, actor_id)
                )
            )

    def trash_article(self) -> None:
        window = self.window
        actor_id = window._actor_id()
        article_id = window.list_pane.current_id()
        if article_id is None or window.list_pane.showing_trash():
            return
        headline = window.editor.form.headline.text() if article_id == window._open_id else ""
        done: list[bool] = []

        def trash() -> None:
            commands.trash_article(self._db(), window.list_pane, article_id, actor_id)
            done.append(True)

        self.run(trash)
        if done:
            window.status.offer_undo(
                QCoreApplication.translate("MainWindow", "“%1” moved to the trash.").replace(
                    "%1", self._short(headline) or "?"
                ),
                lambda: self._take_out_of_trash(article_id, actor_id),
            )

    def _short(self, headline: str) -> str:
        """``headline`` shortened with "…" to leave the message room in the status bar
        beside the server's state and the save state on a 1366 px screen."""
        metrics = self.window.status.fontMetrics()
        return metrics.elidedText(headline, Qt.TextElideMode.ElideRight, QUOTED_HEADLINE_PX)

    def _take_out_of_trash(self, article_id: uuid.UUID, actor_id: uuid.UUID | None) -> None:
        """Undo of a move to the trash: the article back where it was, selected."""
        from editor.workflow.editing import set_trashed

        list_pane = self.window.list_pane

        def restore() -> None:
            set_trashed(self._db(), article_id, False, actor_id=actor_id)
            list_pane.model.reload()
            list_pane.select_article(article_id)

        self.run(restore)

    def restore_article(self) -> None:
        window = self.window
        actor_id = window._actor_id()
        article_id = window.list_pane.current_id()
        if article_id is not None and window.list_pane.showing_trash():
            self.run(
                lambda: commands.restore_article(self._db(), window.list_pane, article_id, actor_id)
            )

    def save_revision(self) -> None:
        """Ctrl+S: save now and keep a revision the user can go back to."""
        window = self.window
        if window._open_id is None or window.autosave is None:
            return
        refusal = window.workflow.write_refusal() if window.workflow is not None else ""
        if refusal:
            window._error(refusal)
            return
        window.autosave.save_revision()

    def show_revisions(self) -> None:
        window = self.window
        if window._open_id is None or window.db is None or not window.flush():
            return
        from editor.articles import get_article
        from ui.revisions_dialog import RevisionsDialog

        refusal = window.workflow.write_refusal() if window.workflow is not None else ""
        shown = window.editor.current_record()
        dialog = RevisionsDialog(
            window.db,
            window._open_id,
            window,
            zone=window.context.settings.zone,
            author_id=window._actor_id(),
            # Only the window that may edit the article now (signed in, holding its lock)
            # may put an old version back.
            read_only=bool(refusal) or window.editor.body.isReadOnly(),
        )
        restored: list[object] = []
        dialog.restored.connect(restored.append)
        dialog.exec()
        record = get_article(window.db, window._open_id)
        if restored:
            # Everything the restore changed arrives as one edit over what was shown, so
            # Ctrl+Z (Edit → Undo) takes it all back; the next save stores what stays.
            window.editor.restore_undoably(shown, record)
        else:
            window.editor.reload(record)
        window.preview.show_record(record, window.context.settings)
        window.list_pane.model.update_from_record(record)

    def _db(self) -> Database:
        return self.window._db()
