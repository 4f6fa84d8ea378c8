"""Translated names of statuses, moves and audit actions, shared by the workflow views."""

from __future__ import annotations

from PySide6.QtCore import QObject


class WorkflowLabels(QObject):
    """One place for the words; a QObject so lupdate sees every ``self.tr`` literal."""

    def status(self, status: str) -> str:
        # The list's words (ui.article_list.labels): one word for one state everywhere.
        from ui.article_list.labels import status_labels

        return status_labels().get(status, status.replace("_", " "))

    def move(self, target: str, current: str = "") -> str:
        """The button text for moving an article to ``target``."""
        if target == "scheduled" and current == "scheduled":
            return self.tr("Reschedule…")
        if target == "approved" and current == "scheduled":
            return self.tr("Unschedule")
        if target == "draft" and current == "killed":
            return self.tr("Back to draft")
        names = {
            "submitted": self.tr("Submit"),
            "draft": self.tr("Take back"),
            "in_review": self.tr("Start review"),
            "sent_back": self.tr("Send back…"),
            "approved": self.tr("Approve"),
            "scheduled": self.tr("Schedule…"),
            "published": self.tr("Publish"),
            "killed": self.tr("Unpublish…"),
            "corrected": self.tr("Correct…"),
        }
        return names.get(target, target)

    def role(self, role: str) -> str:
        names = {
            "reporter": self.tr("reporter"),
            "editor": self.tr("editor"),
            "admin": self.tr("admin"),
        }
        return names.get(role, role)

    def action(self, action: str) -> str:
        names = {
            "status": self.tr("Status"),
            "take_over": self.tr("Take-over"),
            "comment": self.tr("Comment"),
            "lock": self.tr("Lock"),
        }
        return names.get(action, action.replace("_", " "))

    def outcome(self, outcome: str) -> str:
        names = {
            "done": self.tr("done"),
            "override": self.tr("override"),
            "refused": self.tr("refused"),
        }
        return names.get(outcome, outcome)
