"""Notices what other programs commit to the newsroom and tells the window to catch up.

``redaksi publish --due`` from cron, the command line, another window or workstation:
each may change what this window shows. Once a second ``editor.change_watch`` answers
whether another program committed anything (stat of the SQLite file and log, our own
commits left out; PostgreSQL's LISTEN/NOTIFY), and
``changed`` fires once per burst of changes. The window then compares versions and
refreshes only what moved (``catch_up``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor.change_watch import ChangeWatch
from editor.database import Database

INTERVAL_MS = 1000


class OutsideChanges(QObject):
    """Polls the core's ChangeWatch on a timer; ``changed`` after any commit."""

    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watch = ChangeWatch(db)
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.look)
        self._watch.changed()  # connect and note where the database stands now
        self._timer.start()

    def look(self) -> None:
        if self._watch.changed():
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()
        self._watch.close()


def catch_up(window: Any) -> None:
    """Show what others committed: the list's changed rows (or the list again when
    articles came or went) and the open article with its workflow panel.

    ``window`` is a ui.MainWindow. Typed, unsaved text is never replaced: when only the
    article's state moved elsewhere (published by cron, approved in another window), the
    editor takes the new version under the typed text, so the next save meets no false
    conflict; when its text changed elsewhere too, the next save shows the conflict dialog.
    """
    from editor.articles import get_article
    from editor.errors import RedaksiError

    if window.db is None:
        return
    window.list_pane.catch_up()
    article_id = window.editor.record_id()
    if article_id is None or window.workflow is None:
        return
    try:
        stored = get_article(window.db, article_id)
    except RedaksiError:
        return  # the next save or the list says what became of it
    window.workflow.stored_changed(stored)
