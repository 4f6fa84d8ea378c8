"""While the app runs, publish scheduled articles when their time comes (``publish_due``).

The check runs on a worker thread every minute, so a slow database never freezes the
window; ``redaksi publish --due`` does the same job from cron when the app is closed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ui.workers import run_in_background

if TYPE_CHECKING:
    from editor.database import Database

CHECK_INTERVAL_MS = 60_000


def _publish_due_now(db: Database) -> list[object]:
    from editor.models import utcnow
    from editor.workflow.scheduler import publish_due

    return list(publish_due(db, now=utcnow()))


class SchedulerTimer(QObject):
    #: The articles that went live on this check (list of ArticleRecord), when any did.
    published = Signal(list)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.running = False
        self.timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        """Start one check unless the previous one is still running."""
        if self.running:
            return
        self.running = True
        run_in_background(
            _publish_due_now, self.db, on_done=self._done, on_error=self._failed, parent=self
        )

    def _done(self, records: object) -> None:
        self.running = False
        if isinstance(records, list) and records:
            self.published.emit(records)

    def _failed(self, message: str, _error: object) -> None:
        self.running = False
        self.failed.emit(message)
