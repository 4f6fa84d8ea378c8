"""Article fields and their values in people's words, for "Changes since submission":
``Terjadwal: 7 Des 2026 08.46 WIB``, not ``scheduled_at: None → 2026-12-07 01:46:00+00:00``."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from editor.dates import moment_text
from editor.i18n import current_language
from editor.records import FieldChange
from ui.workflow.labels import WorkflowLabels


class FieldWords(QObject):
    def label(self, name: str) -> str:
        names = {
            "headline": self.tr("Headline"),
            "kicker": self.tr("Kicker"),
            "lead": self.tr("Lead"),
            "slug": self.tr("Slug"),
            "section": self.tr("Section"),
            "bylines": self.tr("Byline"),
            "tags": self.tr("Tags"),
            "language": self.tr("Language"),
            "lead_image": self.tr("Lead image"),
            "lead_image_caption": self.tr("Caption"),
            "lead_image_credit": self.tr("Photo credit"),
            "status": self.tr("Status"),
            "published_at": self.tr("Published"),
            "scheduled_at": self.tr("Scheduled"),
            "embargo_until": self.tr("Embargo until"),
        }
        return names.get(name, name.replace("_", " "))

    def value(self, name: str, value: object, zone: str) -> str:
        if value is None or value == "" or value == ():
            return self.tr("(none)")
        if name == "status":
            return WorkflowLabels().status(str(value))
        if isinstance(value, datetime):
            return moment_text(value, zone=zone, language=current_language())
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return str(value)

    def change(self, change: FieldChange, zone: str) -> str:
        """``Terjadwal: 7 Des 2026 08.46 WIB`` (was nothing), ``Judul: lama → baru``."""
        new = self.value(change.name, change.new, zone)
        if change.old is None or change.old == "" or change.old == ():
            return f"{self.label(change.name)}: {new}"
        old = self.value(change.name, change.old, zone)
        return f"{self.label(change.name)}: {old} → {new}"
