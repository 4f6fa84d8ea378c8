"""The status bar: words, characters, reading time and whether the text is saved."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.text import reading_minutes
from ui.i18n import format_clock

_SAVE_STATES = ("none", "saved", "unsaved", "saving", "failed")


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
        self.stats_label = QLabel(self)
        self.stats_label.setObjectName("statsLabel")
        self.reading_label = QLabel(self)
        self.reading_label.setObjectName("readingLabel")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveLabel")
        for label in (self.stats_label, self.reading_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.addPermanentWidget(label)
        self._render()

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

    # --- drawing ------------------------------------------------------------------------

    def _render(self) -> None:
        locale = QLocale()
        words, chars = locale.toString(self._words), locale.toString(self._chars)
        has_article = self._state != "none"
        self.stats_label.setVisible(has_article)
        self.reading_label.setVisible(has_article)
        self.stats_label.setText(
            self.tr("%1 words, %2 characters", "", self._words)
            .replace("%1", words)
            .replace("%2", chars)
        )
        minutes = reading_minutes(self._words)
        self.reading_label.setText(self.tr("%n min read", "", minutes))
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
