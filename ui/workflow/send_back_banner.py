"""Why the article was sent back, above the editor: the editor's note in full, who sent it
and when, for as long as the article stays "sent back"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from editor.dates import moment_text
from editor.i18n import current_language
from ui.icons import icon

if TYPE_CHECKING:
    from editor.records import ArticleRecord
    from ui.workflow.session import WorkflowSession


class SendBackBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendBackBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#sendBackBanner { background: #fde7e9; color: #4a0d12; }")
        mark = QLabel(self)
        mark.setPixmap(icon("warning").pixmap(18, 18))
        self.label = QLabel(self)
        self.label.setObjectName("sendBackNote")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_for(self, record: ArticleRecord | None, session: WorkflowSession | None) -> None:
        from editor.errors import RedaksiError
        from editor.workflow.audit import last_send_back

        if record is None or session is None or record.status != "sent_back":
            self.hide()
            return
        try:
            entry = last_send_back(session.db, record.id)
        except RedaksiError:
            entry = None
        if entry is None:
            self.hide()
            return
        when = moment_text(entry.at, zone=session.zone, language=current_language())
        heading = self.tr("Sent back by %1 on %2:").replace("%1", entry.actor).replace("%2", when)
        note = entry.note.strip() or self.tr("(no note)")
        self.label.setText(f"{heading}\n{note}")
        self.show()
