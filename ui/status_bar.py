"""The status bar: words, characters, reading time, whether the text is saved and, on a
newsroom replica, whether the server answers and how many changes wait to go up.

It fits a 1366 px laptop with every pane open, in the longer Indonesian words too: the
counts stand at the left and step aside while a message shows (the formatting toolbar
counts the words too), the server's state is shortened to its room with the whole of it
in its tooltip, and whether the text is saved is never shortened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from editor.text import reading_minutes
from ui.i18n import format_clock

#: How long "moved to the trash" and its Undo button stay.
UNDO_OFFER_MS = 15000
#: The most the server's state takes of the bar (a quarter of it, never under this many
#: pixels); longer states are shortened to it.
SYNC_MAX_WIDTH = 300
_SAVE_STATES = ("none", "saved", "unsaved", "saving", "failed")
# "" is single-user mode: nothing about a server is shown.
SYNC_STATES = ("", "online", "offline", "syncing", "signed_out", "failed")
# The dot before the words: green answers, blue works, grey waits, red needs the person.
_SYNC_COLOURS = {
    "online": "#2e7d32",
    "syncing": "#1565c0",
    "offline": "#8a8a8a",
    "signed_out": "#c62828",
    "failed": "#c62828",
}


class ShortenedLabel(QLabel):
    """Plain text shortened with "…" to the room it gets (at most its maximum width),
    after a coloured dot; the whole text stays ``text()`` and goes in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dot_colour = ""
        self.detail = ""

    def _dot(self) -> str:
        return "● " if self.dot_colour else ""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._dot() + self.text())
        return QSize(width + margins.left() + margins.right() + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._dot() + "Wxyz…")
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def refresh(self) -> None:
        """After the text, dot or detail changed: the tooltip holds the whole state."""
        self.setToolTip("\n".join(part for part in (self.text(), self.detail) if part))
        self.updateGeometry()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = self.contentsRect()
        metrics = self.fontMetrics()
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if self.dot_colour:
            dot = self._dot()
            painter.save()
            painter.setPen(QColor(self.dot_colour))
            painter.drawText(area, flags, dot)
            painter.restore()
            area.setLeft(area.left() + metrics.horizontalAdvance(dot))
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(area, flags, shown)


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainStatusBar")
        self._words = 0
        self._chars = 0
        self._state = "none"
        self._saved_at: datetime | None = None
        self._failure = ""
        self._zone = "Asia/Jakarta"
        self._language = "en"
        self._sync_state = ""
        self._pending = 0
        self._conflicts = 0
        self._sync_detail = ""
        self.sync_label = ShortenedLabel(self)
        self.sync_label.setObjectName("syncLabel")
        self.sync_label.setMaximumWidth(SYNC_MAX_WIDTH)
        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("statsLabel")
        self.reading_label = QLabel(self)
        self.reading_label.setObjectName("readingLabel")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveLabel")
        for label in (self.stats_label, self.reading_label):
            # Ordinary widgets: Qt hides them while a message shows, giving it their room.
            label.setContentsMargins(8, 0, 8, 0)
            self.addWidget(label)
        for label in (self.sync_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        # Beside a message that can be taken back ("moved to the trash"): a click undoes
        # it. Permanent, since Qt hides the ordinary widgets while a message shows.
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._undo_now)
        # Right after the message: the first permanent place, after the counts.
        self.insertPermanentWidget(2, self.undo_button)
        self._undo: Callable[[], object] | None = None
        self.messageChanged.connect(lambda text: None if text else self._drop_undo())
        self.messageChanged.connect(lambda _text: self._render())
        self._render()

    # --- messages that can be taken back ------------------------------------------------

    def offer_undo(self, message: str, undo: Callable[[], object]) -> None:
        """Show ``message`` for a while with an Undo button that calls ``undo``."""
        self._undo = undo
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.show()
        self.showMessage(message, UNDO_OFFER_MS)

    def _undo_now(self) -> None:
        undo = self._undo
        self.clearMessage()
        self._drop_undo()
        if undo is not None:
            undo()

    def _drop_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()

    # --- what the window reports --------------------------------------------------------

    def set_language(self, language: str) -> None:
        self._language = language
        self._render()

    def set_zone(self, zone: str) -> None:
        self._zone = zone
        self._render()

    def set_stats(self, words: int, chars: int) -> None:
        self._words, self._chars = words, chars
        self._render()

    def set_saved(self, when: datetime) -> None:
        self._state, self._saved_at = "saved", when
        self._render()

    def set_unsaved(self) -> None:
        if self._state != "failed":
            self._state = "unsaved"
        self._render()

    def set_failed(self, message: str) -> None:
        self._state, self._failure = "failed", message
        self._render()

    def set_no_article(self) -> None:
        self._state, self._words, self._chars = "none", 0, 0
        self._render()

    def save_state(self) -> str:
        return self._state

    def set_sync(self, state: str, pending: int, conflicts: int = 0, detail: str = "") -> None:
        """Where the replica stands (one of SYNC_STATES), what waits, and the words for
        the tooltip (the server and person, or why it is offline)."""
        assert state in SYNC_STATES, state
        self._sync_state, self._pending, self._conflicts = state, pending, conflicts
        self._sync_detail = detail
        self._render()

    def sync_state(self) -> str:
        return self._sync_state

    def sync_text(self) -> str:
        """The server's state in words, as the bar shows it when there is room."""
        state = {
            "online": self.tr("Online"),
            "offline": self.tr("Offline"),
            "syncing": self.tr("Syncing…"),
            "signed_out": self.tr("Signed out"),
            "failed": self.tr("Sync failed"),
        }.get(self._sync_state, "")
        parts = [state]
        if self._pending:
            parts.append(self.tr("%n change(s) waiting", "", self._pending))
        if self._conflicts:
            parts.append(self.tr("%n conflict(s)", "", self._conflicts))
        return " · ".join(parts)

    # --- drawing ------------------------------------------------------------------------

    def _render(self) -> None:
        locale = QLocale()
        words, chars = locale.toString(self._words), locale.toString(self._chars)
        # Out of a message's way while it shows (Qt hid them for it).
        counts_shown = self._state != "none" and not self.currentMessage()
        self.stats_label.setVisible(counts_shown)
        self.reading_label.setVisible(counts_shown)
        self.stats_label.setText(
            self.tr("%1 words, %2 characters", "", self._words)
            .replace("%1", words)
            .replace("%2", chars)
        )
        minutes = reading_minutes(self._words)
        self.reading_label.setText(self.tr("%n min read", "", minutes))
        self.sync_label.setVisible(bool(self._sync_state))
        self.sync_label.dot_colour = _SYNC_COLOURS.get(self._sync_state, "")
        self.sync_label.detail = self._sync_detail
        self.sync_label.setText(self.sync_text() if self.sync_label.dot_colour else "")
        self.sync_label.refresh()
        self.sync_label.setProperty("syncState", self._sync_state)
        self.save_label.setToolTip(self._failure if self._state == "failed" else "")
        if self._state == "saved" and self._saved_at is not None:
            local = self._saved_at.astimezone(ZoneInfo(self._zone))
            clock = format_clock(local.hour, local.minute, self._language)
            self.save_label.setText(self.tr("Saved %1").replace("%1", clock))
        elif self._state == "unsaved":
            self.save_label.setText(self.tr("Not saved yet"))
        elif self._state == "failed":
            self.save_label.setText(self.tr("Not saved: see the message"))
        else:
            self.save_label.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A wide screen has room for the whole state; a laptop keeps room for messages.
        self.sync_label.setMaximumWidth(max(SYNC_MAX_WIDTH, event.size().width() // 4))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
