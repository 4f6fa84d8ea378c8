"""The Markdown body: a plain-text editor that stays responsive with very long articles."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ui.highlighter import MarkdownHighlighter

#: Past this size the document is left unhighlighted: colouring 5 MB of pasted text would
#: freeze the window for seconds, and nobody reads colours in a document that long.
MAX_HIGHLIGHTED_CHARS = 1_000_000
#: Pastes past this size show a busy cursor while Qt lays the text out.
LARGE_PASTE_CHARS = 200_000


class BodyEditor(QPlainTextEdit):
    """QPlainTextEdit with Markdown colours and a guard for huge pastes."""

    #: Emitted when highlighting is switched off or on because of the document size.
    highlightingChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEditor")
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(10.0, self.font().pointSizeF()))
        self.setFont(font)
        self.document().setDocumentMargin(12)
        dark = self.palette().base().color().lightness() < 128
        self._highlighter: MarkdownHighlighter | None = MarkdownHighlighter(
            self.document(), dark=dark
        )
        self._dark = dark

    def highlighting(self) -> bool:
        return self._highlighter is not None

    def set_text(self, text: str) -> None:
        """Replace the whole text (loading an article): not undoable, highlighting as fits."""
        self._fit_highlighting(len(text))
        self.setPlainText(text)

    def _fit_highlighting(self, expected_chars: int) -> None:
        wanted = expected_chars <= MAX_HIGHLIGHTED_CHARS
        if wanted and self._highlighter is None:
            self._highlighter = MarkdownHighlighter(self.document(), dark=self._dark)
            self.highlightingChanged.emit(True)
        elif not wanted and self._highlighter is not None:
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
            self._highlighter = None
            self.highlightingChanged.emit(False)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste as plain text; very large pastes switch colouring off first."""
        text = source.text()
        if not text:
            super().insertFromMimeData(source)
            return
        large = len(text) >= LARGE_PASTE_CHARS
        if large:
            self._fit_highlighting(self.document().characterCount() + len(text))
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Plain text only: rich text from a web page would bring its HTML along.
            self.textCursor().insertText(text)
        finally:
            if large:
                QGuiApplication.restoreOverrideCursor()
        self.ensureCursorVisible()

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
