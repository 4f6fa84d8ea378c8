"""Translated names for article statuses, shared by the list, its filter and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.records import STATUSES


def status_labels() -> dict[str, str]:
    """Status id -> text in the current interface language."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("Status", text)

    labels = {
        "draft": tr("Draft"),
        "submitted": tr("Submitted"),
        "in_review": tr("In review"),
        "sent_back": tr("Sent back"),
        "approved": tr("Approved"),
        "scheduled": tr("Scheduled"),
        "published": tr("Published"),
        "corrected": tr("Corrected"),
        "killed": tr("Killed"),
        "trashed": tr("In trash"),
    }
    assert set(labels) == set(STATUSES), "every status needs a label"
    return labels
