"""Review: comments anchored to passages of the body, and the changes since submission.

A comment on a selection keeps the quoted passage; the core re-finds it as the body
changes, so "Go to passage" selects it wherever it now is.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.dates import moment_text
from editor.i18n import current_language
from ui.workflow import prompts
from ui.workflow.field_words import FieldWords
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.records import ArticleRecord
    from editor.workflow.comments import CommentRecord, SubmissionChanges
    from ui.workflow.session import WorkflowSession

COMMENT_ROLE = Qt.ItemDataRole.UserRole + 1


def qt_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 units, Python code points: an emoji is 2 in Qt, 1 in Python."""
    return len(text[:index].encode("utf-16-le")) // 2


def python_offset(text: str, position: int) -> int:
    """The Python index of Qt cursor ``position`` in ``text``."""
    units = text.encode("utf-16-le")[: position * 2]
    return len(units.decode("utf-16-le", errors="ignore"))


class ReviewPane(QWidget):
    #: A comment was added, resolved or reopened.
    commentsChanged = Signal()

    def __init__(self, body: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPane")
        self.body = body
        self.session: WorkflowSession | None = None
        self.article_id: uuid.UUID | None = None
        self.zone = "Asia/Jakarta"
        #: Called before a comment is anchored; the body must be saved for the quote to match.
        self.before_change: Callable[[], bool] = lambda: True
        self._comments: dict[uuid.UUID, CommentRecord] = {}
        self.labels = WorkflowLabels(self)

        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("reviewComments")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.list.doubleClicked.connect(lambda _index: self.jump_to_passage())
        self.comment_button = QPushButton(self)
        self.comment_button.clicked.connect(self.comment_on_selection)
        self.note_button = QPushButton(self)
        self.note_button.clicked.connect(self.add_general_note)
        self.resolve_button = QPushButton(self)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        self.jump_button = QPushButton(self)
        self.jump_button.clicked.connect(self.jump_to_passage)
        self.changes = QPlainTextEdit(self)
        self.changes.setObjectName("changesSinceSubmission")
        self.changes.setReadOnly(True)
        self.changes.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        comments_page = QWidget(self)
        buttons = QHBoxLayout()
        for button in (self.comment_button, self.note_button):
            buttons.addWidget(button)
        actions = QHBoxLayout()
        for button in (self.resolve_button, self.jump_button):
            actions.addWidget(button)
        page_layout = QVBoxLayout(comments_page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        page_layout.addLayout(buttons)
        page_layout.addWidget(self.list, 1)
        page_layout.addLayout(actions)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(comments_page, "")
        self.tabs.addTab(self.changes, "")
        self.tabs.currentChanged.connect(lambda _index: self._load_changes())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    # --- loading ---------------------------------------------------------------------

    def set_session(self, session: WorkflowSession | None) -> None:
        self.session = session
        self.reload()

    def set_article(self, record: ArticleRecord | None) -> None:
        self.article_id = record.id if record else None
        self.reload()

    def reload(self) -> None:
        from editor.workflow.comments import comments

        self._comments = {}
        if self.session is not None and self.article_id is not None:
            for comment in comments(self.session.db, self.article_id):
                self._comments[comment.id] = comment
        self._render()
        self._load_changes()

    def _render(self) -> None:
        """Show the comments read last (no database work: also used on a language change)."""
        current = self.current_comment()
        self.model.clear()
        for comment in self._comments.values():
            item = QStandardItem(self._describe(comment))
            item.setData(comment.id, COMMENT_ROLE)
            item.setToolTip(comment.text)
            if comment.resolved_at is not None:
                item.setForeground(self.palette().placeholderText())
            self.model.appendRow(item)
        if current is not None:
            self.select_comment(current.id)
        self._update_buttons()

    def _describe(self, comment: CommentRecord) -> str:
        from zoneinfo import ZoneInfo

        when = comment.created_at.astimezone(ZoneInfo(self.zone)).strftime("%d-%m %H:%M")
        head = f"{comment.author} · {when}"
        if comment.resolved_at is not None:
            head += " · " + self.tr("resolved by %1").replace("%1", comment.resolved_by)
        lines = [head]
        if comment.quote:
            quote = comment.quote if len(comment.quote) <= 90 else comment.quote[:88] + "…"
            lines.append(
                f"“{quote}”"
                if comment.start is not None
                else self.tr("(passage gone) “%1”").replace("%1", quote)
            )
        else:
            lines.append(self.tr("General note"))
        lines.append(comment.text)
        return "\n".join(lines)

    def current_comment(self) -> CommentRecord | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self._comments.get(index.data(COMMENT_ROLE))

    def select_comment(self, comment_id: uuid.UUID) -> bool:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(COMMENT_ROLE) == comment_id:
                self.list.setCurrentIndex(index)
                return True
        return False

    # --- commenting ------------------------------------------------------------------

    def comment_on_selection(self) -> None:
        cursor = self.body.textCursor()
        quote = cursor.selectedText().replace("\u2029", "\n")
        if not quote.strip():
            self._warn(self.tr("Select the passage in the text first, then comment on it."))
            return
        text = prompts.ask_note(
            self, self.tr("Comment"), self.tr("Your comment on “%1”:").replace("%1", quote[:60])
        )
        if text is not None:
            start = python_offset(self.body.toPlainText(), cursor.selectionStart())
            self.add_comment(text, quote=quote, start=start)

    def add_general_note(self) -> None:
        text = prompts.ask_note(self, self.tr("General note"), self.tr("Your note on the article:"))
        if text is not None:
            self.add_comment(text)

    def add_comment(self, text: str, *, quote: str = "", start: int | None = None) -> None:
        from editor.errors import RedaksiError
        from editor.workflow.comments import add_comment

        if self.session is None or self.session.actor_id is None or self.article_id is None:
            return
        if quote and not self.before_change():
            return
        try:
            added = add_comment(
                self.session.db,
                self.article_id,
                actor_id=self.session.actor_id,
                text=text,
                quote=quote,
                start=start,
            )
        except RedaksiError as error:
            self._warn(str(error))
            return
        self.reload()
        self.select_comment(added.id)
        self.commentsChanged.emit()

    def toggle_resolved(self) -> None:
        from editor.errors import RedaksiError
        from editor.workflow.comments import reopen_comment, resolve_comment

        comment = self.current_comment()
        if comment is None or self.session is None or self.session.actor_id is None:
            return
        change = resolve_comment if comment.resolved_at is None else reopen_comment
        try:
            change(self.session.db, comment.id, actor_id=self.session.actor_id)
        except RedaksiError as error:
            self._warn(str(error))
            return
        self.reload()
        self.select_comment(comment.id)
        self.commentsChanged.emit()

    def jump_to_passage(self) -> bool:
        """Select the comment's passage in the body; False when it is no longer there."""
        comment = self.current_comment()
        if comment is None or comment.start is None or not comment.quote:
            return False
        text = self.body.toPlainText()
        start = qt_offset(text, comment.start)
        end = qt_offset(text, comment.start + len(comment.quote))
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.body.setTextCursor(cursor)
        self.body.centerCursor()
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- changes since submission ----------------------------------------------------

    def _load_changes(self) -> None:
        from editor.workflow.comments import changes_since_submission

        if self.tabs.currentIndex() != 1:
            return
        if self.session is None or self.article_id is None:
            self.changes.setPlainText("")
            return
        changes = changes_since_submission(self.session.db, self.article_id)
        self.changes.setPlainText(self.describe_changes(changes))

    def describe_changes(self, changes: SubmissionChanges | None) -> str:
        if changes is None:
            return self.tr("This article has not been submitted yet.")
        when = moment_text(
            changes.submitted.created_at, zone=self.zone, language=current_language()
        )
        lines = [
            self.tr("Since %1 submitted it on %2:")
            .replace("%1", changes.submitted.author or "?")
            .replace("%2", when)
        ]
        diff = changes.diff
        words = FieldWords()
        lines.extend(words.change(change, self.zone) for change in diff.fields)
        for hunk in diff.body:
            if hunk.op == "equal":
                continue
            lines.append("")
            lines.append(self.tr("@ line %1").replace("%1", str(hunk.new_start + 1)))
            lines.extend(f"− {line}" for line in hunk.old_lines)
            lines.extend(f"+ {line}" for line in hunk.new_lines)
        if len(lines) == 1:
            lines.append(self.tr("Nothing has changed."))
        return "\n".join(lines)

    # --- state -----------------------------------------------------------------------

    def _update_buttons(self, *_args: QModelIndex) -> None:
        can_write = (
            self.session is not None
            and self.session.person is not None
            and self.article_id is not None
        )
        for button in (self.comment_button, self.note_button):
            button.setEnabled(can_write)
            button.setToolTip(
                "" if can_write else self.tr("Open an article and choose your profile first.")
            )
        comment = self.current_comment()
        self.resolve_button.setEnabled(can_write and comment is not None)
        self.jump_button.setEnabled(comment is not None and comment.start is not None)
        resolved = comment is not None and comment.resolved_at is not None
        self.resolve_button.setText(self.tr("Reopen") if resolved else self.tr("Resolve"))

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Review"), message)

    def retranslate(self) -> None:
        self.comment_button.setText(self.tr("Comment on selection…"))
        self.note_button.setText(self.tr("General note…"))
        self.jump_button.setText(self.tr("Go to passage"))
        self.tabs.setTabText(0, self.tr("Comments"))
        self.tabs.setTabText(1, self.tr("Changes since submission"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
