"""The find and replace bar under the body editor (Ctrl+F, Ctrl+H).

Replace all is one edit block, so one Ctrl+Z brings the text back as it was.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class FindReplaceBar(QWidget):
    """A slim bar: find field, next/previous, case, whole word, replace, replace all."""

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self._editor = editor
        self.find_field = QLineEdit()
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit()
        self.case_box = QCheckBox()
        self.word_box = QCheckBox()
        self.status = QLabel()
        self.status.setMinimumWidth(90)

        def button(text: str, tip: str, slot: object) -> QToolButton:
            widget = QToolButton(text=text, toolTip=tip)
            widget.setAutoRaise(True)
            widget.clicked.connect(slot)
            return widget

        self.previous_button = button("▲", "", self.find_previous)
        self.next_button = button("▼", "", self.find_next)
        self.replace_button = button("", "", self.replace)
        self.replace_all_button = button("", "", self.replace_all)
        close = button("✕", "", self.close_bar)
        self.close_button = close

        find_row = QHBoxLayout()
        find_row.setContentsMargins(0, 0, 0, 0)
        # The field takes the room the row has: a narrow editor pane must not leave it
        # a sliver while the match count keeps blank space.
        find_row.addWidget(self.find_field, 1)
        for widget in (self.previous_button, self.next_button):
            find_row.addWidget(widget)
        find_row.addWidget(self.case_box)
        find_row.addWidget(self.word_box)
        find_row.addWidget(self.status)
        find_row.addWidget(close)
        self._replace_row = QWidget()
        replace_row = QHBoxLayout(self._replace_row)
        replace_row.setContentsMargins(0, 0, 0, 0)
        replace_row.addWidget(self.replace_field, 1)
        replace_row.addWidget(self.replace_button)
        replace_row.addWidget(self.replace_all_button)
        replace_row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addLayout(find_row)
        layout.addWidget(self._replace_row)

        self.find_field.textChanged.connect(self._incremental)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.replace_field.setPlaceholderText(self.tr("Replace with"))
        self.case_box.setText(self.tr("Aa"))
        self.case_box.setToolTip(self.tr("Match case"))
        self.word_box.setText(self.tr("Whole word"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.replace_button.setText(self.tr("Replace"))
        self.replace_button.setToolTip(self.tr("Replace this match"))
        self.replace_all_button.setText(self.tr("Replace all"))
        self.replace_all_button.setToolTip(self.tr("Replace every match (one undo step)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- opening and closing ---------------------------------------------------------

    def open_find(self) -> None:
        self._open(replace=False)

    def open_replace(self) -> None:
        self._open(replace=True)

    def _open(self, *, replace: bool) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self._replace_row.setVisible(replace)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setFocus()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        super().keyPressEvent(event)

    # --- finding ---------------------------------------------------------------------

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.word_box.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, *, backward: bool, from_cursor: QTextCursor | None = None) -> bool:
        needle = self.find_field.text()
        if not needle:
            self.status.clear()
            return False
        document = self._editor.document()
        start = from_cursor or self._editor.textCursor()
        found = document.find(needle, start, self._flags(backward))
        if found.isNull():
            # Wrap around once, like every editor does.
            wrap = QTextCursor(document)
            if backward:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, wrap, self._flags(backward))
        if found.isNull():
            self.status.setText(self.tr("Not found"))
            return False
        self.status.clear()
        self._editor.setTextCursor(found)
        return True

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _incremental(self) -> None:
        cursor = self._editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self._find(backward=False, from_cursor=cursor)

    # --- replacing -------------------------------------------------------------------

    def _matches_selection(self) -> bool:
        selected = self._editor.textCursor().selectedText()
        needle = self.find_field.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace(self) -> None:
        if self.find_field.text() and self._matches_selection():
            self._editor.textCursor().insertText(self.replace_field.text())
        self.find_next()

    def _pattern(self) -> re.Pattern[str]:
        needle = re.escape(self.find_field.text())
        if self.word_box.isChecked():
            needle = rf"\b{needle}\b"
        return re.compile(needle, 0 if self.case_box.isChecked() else re.IGNORECASE)

    def replace_all(self) -> int:
        """Replace every match in one undo step; returns how many were replaced."""
        if not self.find_field.text():
            return 0
        text = self._editor.toPlainText()
        replacement = self.replace_field.text()
        new_text, count = self._pattern().subn(lambda _match: replacement, text)
        if count:
            cursor = QTextCursor(self._editor.document())
            position = self._editor.textCursor().position()
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(new_text)
            cursor.endEditBlock()
            cursor.setPosition(min(position, len(new_text)))
            self._editor.setTextCursor(cursor)
        self.status.setText(self.tr("%n replaced", "", count))
        return count
