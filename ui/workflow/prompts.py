"""The questions the workflow asks: a note, a publish time, an override reason, a file.

Kept as plain functions so each is one modal dialog with a clear cancel, and so tests
can answer them without clicking through a modal loop.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QObject, QTimeZone
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.time_range import EARLIEST, FIRST_YEAR, LAST_YEAR, LATEST
from ui.file_dialogs import save_file_name
from ui.typed_dates import make_typable

#: Prompts are at least this wide: a date field alone would make a sliver of a dialog.
MIN_PROMPT_WIDTH = 360


class _Texts(QObject):
    """Translatable wording of the prompts (lupdate reads ``self.tr`` here)."""

    def publish_time_title(self) -> str:
        return self.tr("Publish time")

    def publish_time_label(self, zone: str) -> str:
        return self.tr("Publish the article at (%1):").replace("%1", zone)

    def day_title(self) -> str:
        return self.tr("Day budget")

    def day_label(self) -> str:
        return self.tr("Which day's stories?")

    def save_title(self) -> str:
        return self.tr("Export day budget")

    def pdf_filter(self) -> str:
        return self.tr("PDF documents (*.pdf)")


def ask_note(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A multi-line note; None when cancelled."""
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def ask_publish_time(
    parent: QWidget | None, zone: str, initial: datetime | None = None
) -> datetime | None:
    """A publish time in the newsroom's zone (timezone-aware); None when cancelled."""
    texts = _Texts()
    local = ZoneInfo(zone)
    start = (initial or datetime.now(local) + timedelta(hours=1)).astimezone(local)
    start = start.replace(minute=0, second=0, microsecond=0)
    dialog = QDialog(parent)
    dialog.setWindowTitle(texts.publish_time_title())
    edit = QDateTimeEdit(dialog)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setTimeZone(QTimeZone(zone.encode()))
    edit.setDateTimeRange(_in_zone(EARLIEST, zone), _in_zone(LATEST, zone))
    edit.setDateTime(_in_zone(start, zone))
    make_typable(edit)
    _finish(dialog, QLabel(texts.publish_time_label(zone), dialog), edit)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), tz=local)
    return chosen


def ask_day(parent: QWidget, initial: date) -> date | None:
    texts = _Texts()
    dialog = QDialog(parent)
    dialog.setWindowTitle(texts.day_title())
    edit = QDateEdit(QDate(initial.year, initial.month, initial.day), dialog)
    edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    make_typable(edit)
    _finish(dialog, QLabel(texts.day_label(), dialog), edit)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def _in_zone(moment: datetime, zone: str) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone(zone.encode()))


def ask_pdf_path(parent: QWidget, suggested: str) -> str | None:
    texts = _Texts()
    path = save_file_name(parent, texts.save_title(), suggested, texts.pdf_filter())
    if not path:
        return None
    return path if path.lower().endswith(".pdf") else path + ".pdf"


def _finish(dialog: QDialog, label: QLabel, field: QWidget) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(field)
    layout.addWidget(buttons)
    # Wide enough that the window manager shows the whole title ("Day budget — Redaksi"),
    # not "Day b… edaksi": title bars are drawn in a bolder, larger face than the dialog.
    title = f"{dialog.windowTitle()} — Redaksi"
    dialog.setMinimumWidth(
        max(MIN_PROMPT_WIDTH, dialog.fontMetrics().horizontalAdvance(title) * 3 // 2 + 140)
    )
