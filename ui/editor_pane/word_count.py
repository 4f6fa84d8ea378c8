"""The body's word count, kept live while typing, and the formatting toolbar's label that
shows it against the section's word target ("412 / 600 words")."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy

from editor.text import word_count
from ui.preview.background import BackgroundRunner

# Word counts of bodies up to this size are computed right away on the GUI thread;
# longer bodies are counted on a worker so a keystroke never waits for the count.
INLINE_COUNT_CHARS = 100_000
STATS_DELAY_MS = 250
TARGET_OVER_STYLE = "color: #1e8449;"


class WordCount(QObject):
    """Counts the words of the text ``read_text`` gives, a moment after typing pauses."""

    # Words and characters of the text last counted.
    counted = Signal(int, int)

    def __init__(self, read_text: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read_text = read_text
        self._words = 0
        self._target = 0
        self._known = True
        self.label = QLabel()
        self.label.setObjectName("wordTarget")
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Never squeezed below its text: a toolbar short of room drops whole buttons
        # into its overflow menu, but a label it shrinks shows the last letter alone.
        self.label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self._timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        self._runner = BackgroundRunner(self)
        self._runner.finished.connect(self._counted)
        self._token = 0

    def words(self) -> int:
        return self._words

    def set_target(self, words: int) -> None:
        """The section's word target (0: none)."""
        self._target = words
        self.show()

    def count_soon(self) -> None:
        """The text changed: count once typing pauses."""
        self._timer.start()

    def count_now(self) -> None:
        self._known = True
        text = self._read_text()
        if len(text) <= INLINE_COUNT_CHARS:
            self._counted(self._token, (word_count(text), len(text)))
        else:
            self._token = self._runner.submit(lambda: (count_in_pieces(text), len(text)))

    def set_unknown(self) -> None:
        """No text to count yet (it is on its way, or cannot come): no figure at all,
        neither zero nor the last article's."""
        self._timer.stop()
        self._token = self._runner.submit(lambda: None)  # a count under way is stale
        self._known = False
        self._words = 0
        self.show()
        self.counted.emit(0, 0)

    def _counted(self, token: int, result: object) -> None:
        if token != self._token or not isinstance(result, tuple):
            return
        words, chars = result
        self._words = words
        self.show()
        self.counted.emit(words, chars)

    def show(self) -> None:
        """The label in the interface's language (again after a language change)."""
        label = self.label
        if not self._known:
            label.setText(
                self.tr("— / %1 words").replace("%1", str(self._target))
                if self._target
                else self.tr("— words")
            )
            label.setStyleSheet("")
        elif self._target:
            label.setText(
                self.tr("%1 / %2 words")
                .replace("%1", str(self._words))
                .replace("%2", str(self._target))
            )
            reached = self._words >= self._target
            label.setStyleSheet(TARGET_OVER_STYLE if reached else "")
        else:
            label.setText(self.tr("%1 words").replace("%1", str(self._words)))
            label.setStyleSheet("")
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(label.text()) + 4)


def count_in_pieces(text: str, piece: int = 50_000) -> int:
    """word_count over paragraph-sized pieces: one regex call over megabytes would hold
    the interpreter lock (and so the typing thread) for the whole count."""
    total, start = 0, 0
    while start < len(text):
        end = text.find("\n\n", start + piece)
        end = len(text) if end < 0 else end
        total += word_count(text[start:end])
        start = end
    return total
