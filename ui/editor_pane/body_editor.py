"""The Markdown body: a plain-text editor that stays responsive with very long articles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from editor.spelling.checker import Checker, Problem
from editor.spelling.prose import LineKind
from ui.highlighter import MarkdownHighlighter, SpellPass
from ui.media.dropped import dropped_files
from ui.spelling.menu import insert_at_top, problem_actions

#: Past this size the document is left unhighlighted: colouring 5 MB of pasted text would
#: freeze the window for seconds, and nobody reads colours in a document that long.
MAX_HIGHLIGHTED_CHARS = 1_000_000
#: Pastes past this size show a busy cursor while Qt lays the text out.
LARGE_PASTE_CHARS = 200_000


class BodyEditor(QPlainTextEdit):
    """QPlainTextEdit with Markdown colours and a guard for huge pastes."""

    #: Emitted when highlighting is switched off or on because of the document size.
    highlightingChanged = Signal(bool)
    #: From the spelling menu: (word, "personal" or "newsroom"); and a word to ignore.
    addWordRequested = Signal(str, str)
    ignoreWordRequested = Signal(str)
    #: Local files dropped or pasted at the cursor (the pane makes pictures of them).
    filesDropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEditor")
        # Tab moves on to the next pane, as in every other field: a tab character typed
        # into the body would be published in the page, where it means nothing.
        self.setTabChangesFocus(True)
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
        self._checker: Checker | None = None
        self._ignored: frozenset[str] = frozenset()
        self._pass = SpellPass(self._highlighter)
        self._plain_paste = False
        #: Whether the menu offers "add to the newsroom dictionary" (editors and admins).
        self.newsroom_words_allowed = False

    @property
    def restyling(self) -> bool:
        """True while underlines are being redrawn: the text did not change."""
        return self._pass.restyling

    def set_checker(self, checker: Checker | None, ignored: frozenset[str] = frozenset()) -> None:
        """Check spelling with ``checker`` (None: no underlines); re-checks in slices."""
        self._checker, self._ignored = checker, ignored
        if self._highlighter is not None:
            self._highlighter.set_checker(checker, ignored)
            self._pass.start()

    def checker(self) -> Checker | None:
        return self._checker

    def spell_check_running(self) -> bool:
        return self._pass.running()

    def problem_at(self, cursor: QTextCursor) -> Problem | None:
        """The spelling or style problem under ``cursor``, if its line is prose."""
        if self._highlighter is None:
            return None
        block = cursor.block()
        previous = block.previous()
        state = previous.userState() if previous.isValid() else -1
        kind = LineKind.PROSE
        if state in (int(LineKind.FENCE), int(LineKind.FRONT_MATTER)):
            kind = LineKind(state)
        column = cursor.positionInBlock()
        for problem in self._highlighter.problems(block.text(), kind):
            if problem.start <= column < problem.end:
                return problem
        return None

    def spelling_menu(self, position: QPoint) -> QMenu:
        """The context menu for a point of the viewport, spelling entries on top."""
        menu = self.createStandardContextMenu(position)
        cursor = self.cursorForPosition(position)
        problem = self.problem_at(cursor)
        if problem is not None and self._checker is not None:
            start = cursor.block().position() + problem.start
            end = cursor.block().position() + problem.end
            allowed = self.newsroom_words_allowed
            insert_at_top(
                menu,
                problem_actions(
                    menu,
                    problem,
                    self._checker,
                    replace=lambda fix: self._replace(start, end, fix),
                    add_personal=lambda word: self.addWordRequested.emit(word, "personal"),
                    add_newsroom=(lambda word: self.addWordRequested.emit(word, "newsroom"))
                    if allowed
                    else None,
                    ignore=self.ignoreWordRequested.emit,
                ),
            )
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.spelling_menu(event.pos())
        menu.setObjectName("bodyContextMenu")
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _replace(self, start: int, end: int, text: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)  # one undoable edit

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            problem = self.problem_at(self.cursorForPosition(event.pos()))
            if problem is not None:
                QToolTip.showText(event.globalPos(), problem.reason, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def highlighting(self) -> bool:
        return self._highlighter is not None

    def set_text(self, text: str) -> None:
        """Replace the whole text (loading an article): not undoable, highlighting as fits.

        Lines are coloured as Qt lays them out; spelling is checked afterwards in slices.
        """
        self._fit_highlighting(len(text))
        self._pass.stop()
        if self._highlighter is not None:
            self._highlighter.deferring = True
        try:
            self.setPlainText(text)
        finally:
            if self._highlighter is not None:
                self._highlighter.deferring = False
        if self._highlighter is not None and self._checker is not None:
            self._pass.start()

    def _fit_highlighting(self, expected_chars: int) -> None:
        wanted = expected_chars <= MAX_HIGHLIGHTED_CHARS
        if wanted and self._highlighter is None:
            self._highlighter = MarkdownHighlighter(self.document(), dark=self._dark)
            self._highlighter.set_checker(self._checker, self._ignored)
            self._pass = SpellPass(self._highlighter)
            self.highlightingChanged.emit(True)
        elif not wanted and self._highlighter is not None:
            self._pass.stop()
            self._highlighter.setDocument(None)
            self._highlighter.deleteLater()
            self._highlighter = None
            self.highlightingChanged.emit(False)

    def paste_plain(self) -> None:
        """Ctrl+Shift+V: the clipboard's plain text, whatever formatting came with it."""
        self._plain_paste = True
        try:
            self.paste()
        finally:
            self._plain_paste = False

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(dropped_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste HTML (a word processor, a web page) as clean Markdown, anything else as
        plain text; very large pastes switch colouring off first. Files (dropped from a
        file manager, or copied there) are handed on, not typed as paths."""
        files = dropped_files(source)
        if files:
            self.filesDropped.emit(files)
            return
        text = source.text()
        if source.hasHtml() and not self._plain_paste:
            from editor.html_markdown import markdown_from_html

            # Falls back to the plain text when the HTML holds nothing to keep.
            text = markdown_from_html(source.html()) or text
        if not text:
            super().insertFromMimeData(source)
            return
        large = len(text) >= LARGE_PASTE_CHARS
        if large:
            self._fit_highlighting(self.document().characterCount() + len(text))
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # Text only: Qt's rich paste would bring the page's HTML along.
            self.textCursor().insertText(text)
        finally:
            if large:
                QGuiApplication.restoreOverrideCursor()
        self.ensureCursorVisible()

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
