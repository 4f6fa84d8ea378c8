"""Every two seconds: does the app still hold its SQLite file? (editor.sqlite_guard)

Anything that opened the database file outside SQLite would have dropped this process's
locks on it. The core checks after each unit of work; this timer lets it notice while
nobody saves, so it can take its locks again before another program acts on their
absence, and the status bar says so when another program removed the log meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from editor.database import Database
from editor.errors import RedaksiError
from editor.sqlite_guard import Loss

CHECK_INTERVAL_MS = 2000


class DatabaseWatch(QObject):
    """Asks the core to check the open database's files on a timer."""

    #: Something happened that the user should know: the message for the status bar.
    notice = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._timer = QTimer(self, interval=CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        if db.guard is not None:  # an SQLite file; a server keeps its own locks
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        try:
            loss = self._db.check_sqlite_files()
        except RedaksiError as error:
            self.notice.emit(str(error))
            return
        if loss is Loss.LOG:
            self.notice.emit(
                self.tr(
                    "Another program removed the database's -wal file while Redaksi had it "
                    "open. Redaksi reconnected; nothing was lost."
                )
            )
