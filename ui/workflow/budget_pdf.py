"""The day's story budget as a printable PDF: time, headline, section, byline, status, length."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from editor.i18n import current_language
from ui.i18n import format_clock
from ui.workflow.labels import WorkflowLabels

if TYPE_CHECKING:
    from editor.database import Database
    from editor.workflow.calendar import CalendarEntry

RESOLUTION = 300


class BudgetDocument(QObject):
    """Builds the budget's HTML (QObject for ``self.tr``) and prints it to a PDF file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = WorkflowLabels(self)

    def html(self, entries: list[CalendarEntry], day: date, *, zone: str, site: str) -> str:
        local = ZoneInfo(zone)
        heads = (
            self.tr("Time"),
            self.tr("Headline"),
            self.tr("Section"),
            self.tr("Byline"),
            self.tr("Status"),
            self.tr("Words"),
        )
        language = current_language()
        rows = []
        for entry in entries:
            when = entry.when.astimezone(local)
            cells = (
                format_clock(when.hour, when.minute, language),
                entry.headline or self.tr("Untitled"),
                entry.section,
                entry.byline,
                self.labels.status(entry.status),
                str(entry.word_count),
            )
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        if not rows:
            empty = html.escape(self.tr("Nothing is scheduled or published on this day."))
            rows.append(f'<tr><td colspan="6">{empty}</td></tr>')
        total = sum(entry.word_count for entry in entries)
        title = self.tr("Story budget for %1").replace("%1", f"{day:%d-%m-%Y}")
        summary = (
            self.tr("%1 stories, %2 words in all")
            .replace("%1", str(len(entries)))
            .replace("%2", str(total))
        )
        header = "".join(f"<th align='left'>{html.escape(h)}</th>" for h in heads)
        return (
            "<html><body style='font-family: DejaVu Sans; font-size: 10pt'>"
            f"<h2>{html.escape(site)} — {html.escape(title)}</h2>"
            f"<p>{html.escape(summary)} ({html.escape(zone)})</p>"
            "<table width='100%' cellspacing='0' cellpadding='4' border='1'>"
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            "</body></html>"
        )

    def write(
        self, path: Path, entries: list[CalendarEntry], day: date, *, zone: str, site: str
    ) -> Path:
        writer = QPdfWriter(str(path))
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(self.tr("Story budget for %1").replace("%1", f"{day:%d-%m-%Y}"))
        document = QTextDocument()
        document.setHtml(self.html(entries, day, zone=zone, site=site))
        # No page size of our own: print_() lays the text out on the writer's page in
        # points, so 10 pt stays 10 pt at any resolution.
        document.print_(writer)
        return path


def export_day_budget(db: Database, path: Path, day: date, *, zone: str, site: str) -> Path:
    """Write the story budget of newsroom day ``day`` to ``path`` (a PDF); returns the path."""
    from editor.workflow.calendar import day_budget

    entries = day_budget(db, day, zone=zone)
    return BudgetDocument().write(path, entries, day, zone=zone, site=site)
