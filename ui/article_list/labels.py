"""Translated names for article statuses: one word for one state in the list, its filter,
the status bar and the Workflow panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.records import STATUSES


def status_labels() -> dict[str, str]:
    """Status id -> text in the current interface language."""

    translate = QCoreApplication.translate
    # Literal calls, so pyside6-lupdate files every label under the "Status" context.
    labels = {
        "draft": translate("Status", "Draft"),
        "submitted": translate("Status", "Submitted"),
        "in_review": translate("Status", "In review"),
        "sent_back": translate("Status", "Sent back"),
        "approved": translate("Status", "Approved"),
        "scheduled": translate("Status", "Scheduled"),
        "published": translate("Status", "Published"),
        "corrected": translate("Status", "Corrected"),
        "killed": translate("Status", "Unpublished"),
        "trashed": translate("Status", "In trash"),
    }
    assert set(labels) == set(STATUSES), "every status needs a label"
    return labels
