"""The workflow bar: the article's status, and one button per move with its permission.

Buttons the person may not use stay visible but disabled, with a tooltip saying why (the
role, or the status the article is in). The core decides in the end: when it refuses
(a byline rule, the checklist), the bar shows its message, and the refusal is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.workflow import prompts
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    import uuid

    from editor.records import ArticleRecord
    from editor.workflow.spelling_item import WordExceptions
    from ui.workflow.session import WorkflowSession

#: The moves the bar offers, in reading order; each shows whether it applies or not.
MOVES = (
    "submitted",
    "draft",
    "in_review",
    "sent_back",
    "approved",
    "scheduled",
    "published",
    "killed",
    "corrected",
)
COLUMNS = 3


class WorkflowBar(QWidget):
    #: The article after a status change went through.
    statusChanged = Signal(object)
    #: Something was written to the audit log (a change or a refusal).
    auditChanged = Signal()
    #: The user asked to choose a profile.
    profileRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflowBar")
        self.session: WorkflowSession | None = None
        self.record: ArticleRecord | None = None
        #: Called before a move; False stops it (the window saves the typed text here).
        self.before_change: Callable[[], bool] = lambda: True
        #: The words the person accepted or ignored in an article, for the checklist.
        self.exceptions: Callable[[uuid.UUID], WordExceptions] | None = None
        self.labels = WorkflowLabels(self)
        self.person_label = QLabel(self)
        self.person_label.setObjectName("workflowPerson")
        self.person_label.setWordWrap(True)
        self.profile_button = QPushButton(self)
        self.profile_button.clicked.connect(self.profileRequested)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("workflowStatus")
        self.status_label.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for index, target in enumerate(MOVES):
            button = QPushButton(self)
            button.setObjectName(f"move_{target}")
            button.clicked.connect(lambda _checked=False, to=target: self.move_to(to))
            self.buttons[target] = button
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        top = QHBoxLayout()
        top.addWidget(self.person_label, 1)
        top.addWidget(self.profile_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addLayout(grid)
        self.retranslate()

    # --- state ---------------------------------------------------------------------

    def set_session(self, session: WorkflowSession | None) -> None:
        self.session = session
        self.refresh()

    def set_article(self, record: ArticleRecord | None) -> None:
        self.record = record
        self.refresh()

    def refresh(self) -> None:
        person = self.session.person if self.session else None
        if person is None:
            self.person_label.setText(
                self.tr("No profile chosen: choose who you are to file, review and publish.")
            )
        else:
            self.person_label.setText(
                self.tr("Working as %1 (%2)")
                .replace("%1", person.name)
                .replace("%2", self.labels.role(person.role))
            )
        if self.record is None:
            self.status_label.setText(self.tr("No article open."))
        else:
            self.status_label.setText(
                self.tr("Status: %1").replace("%1", self.labels.status(self.record.status))
            )
        for target, button in self.buttons.items():
            current = self.record.status if self.record else ""
            button.setText(self.labels.move(target, current))
            reason = self.why_not(target)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    def why_not(self, target: str) -> str | None:
        """Why the move is unavailable now (shown as the tooltip), or None if it is open."""
        from editor.workflow.roles import has_permission
        from editor.workflow.transitions import TRANSITIONS, allowed_targets

        if self.record is None:
            return self.tr("Open an article first.")
        if self.session is None or self.session.person is None:
            return self.tr("Choose your profile first (Article > Switch profile).")
        status, person = self.record.status, self.session.person
        needed = {p for (_, to), p in TRANSITIONS.items() if to == target}
        if not any(has_permission(person.role, p) for p in needed):
            return self.tr("Your role (%1) may not do this; ask an editor.").replace(
                "%1", self.labels.role(person.role)
            )
        permission = TRANSITIONS.get((status, target))
        if permission is None:
            possible = [self.labels.status(t) for t in allowed_targets(status)]
            return (
                self.tr("Not possible while the article is %1. From here it can go to: %2.")
                .replace("%1", self.labels.status(status))
                .replace("%2", ", ".join(possible) or "—")
            )
        if not has_permission(person.role, permission):
            return self.tr("Your role (%1) may not do this; ask an editor.").replace(
                "%1", self.labels.role(person.role)
            )
        return None

    # --- moving ----------------------------------------------------------------------

    def move_to(self, target: str) -> ArticleRecord | None:
        """Ask what the move needs (note, time), then let the core make it."""
        from editor.workflow.transitions import NOTE_REQUIRED

        session, record = self.session, self.record
        if session is None or session.person is None or record is None:
            return None
        if not self.before_change():
            return None
        exceptions = self.exceptions(record.id) if self.exceptions else None
        if not self._warnings_accepted(target, exceptions):
            return None
        note = ""
        if target in NOTE_REQUIRED:
            answer = prompts.ask_note(
                self, self.labels.move(target, record.status), self._note_label(target)
            )
            if answer is None:
                return None
            note = answer
        scheduled_at = None
        if target == "scheduled":
            scheduled_at = prompts.ask_publish_time(self, session.zone, record.scheduled_at)
            if scheduled_at is None:
                return None
        return self._change(target, note=note, scheduled_at=scheduled_at, exceptions=exceptions)

    def _warnings_accepted(self, target: str, exceptions: WordExceptions | None) -> bool:
        """Before a publish or a schedule: show what the checklist only warns about (the
        spelling problems, when the newsroom lets them pass) and let the person go on."""
        from editor.articles import get_article
        from editor.errors import RedaksiError
        from editor.workflow.checklist import checklist_for, warning_items
        from editor.workflow.transitions import CHECKED_TARGETS

        if target not in CHECKED_TARGETS or self.session is None or self.record is None:
            return True
        try:
            stored = get_article(self.session.db, self.record.id)
            warnings = warning_items(checklist_for(self.session.db, stored, exceptions))
        except RedaksiError:
            return True  # the move itself will say what is wrong
        if not warnings:
            return True
        question = (
            self.tr("Publish anyway?") if target == "published" else self.tr("Schedule anyway?")
        )
        listed = "\n".join(f"• {item.problem}" for item in warnings)
        answer = QMessageBox.question(
            self,
            self.tr("Checklist warnings"),
            f"{self.tr('The pre-publish checklist warns:')}\n{listed}\n\n{question}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _change(self, target: str, **kwargs: object) -> ArticleRecord | None:
        from editor.errors import RedaksiError
        from editor.workflow.checklist import ChecklistError
        from editor.workflow.roles import has_permission
        from editor.workflow.transitions import change_status

        assert self.session is not None and self.session.actor_id is not None
        assert self.record is not None
        try:
            record = change_status(
                self.session.db,
                self.record.id,
                target,
                actor_id=self.session.actor_id,
                **kwargs,  # type: ignore[arg-type]
            )
        except ChecklistError as error:
            self.auditChanged.emit()
            if not has_permission(self.session.role, "override_checklist"):
                self._refused(str(error))
                return None
            reason = prompts.ask_note(
                self,
                self.tr("Checklist not complete"),
                self.tr("%1\n\nTo go ahead anyway, give the reason the audit log keeps:").replace(
                    "%1", str(error)
                ),
            )
            if not reason or not reason.strip():
                return None
            return self._change(target, override_reason=reason, **kwargs)
        except RedaksiError as error:
            self.auditChanged.emit()
            self._refused(str(error))
            return None
        self.record = record
        self.refresh()
        self.auditChanged.emit()
        self.statusChanged.emit(record)
        return record

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not done"), message)

    def _note_label(self, target: str) -> str:
        labels = {
            "sent_back": self.tr("What should the reporter change?"),
            "killed": self.tr("Why is the article unpublished?"),
            "corrected": self.tr("The correction note readers will see:"),
        }
        return labels.get(target, self.tr("Note:"))

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.profile_button.setText(self.tr("Switch profile…"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
