"""What a reporter and an editor need to see, driven as they work: the editor sends an
article back with a note from the Workflow panel; the reporter opening it reads the note
above the text. "Changes since submission" names fields and times in people's words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QPlainTextEdit

from editor.articles import get_article
from editor.dates import moment_text
from editor.records import FieldChange
from tests.ui.driving import when_modal
from tests.ui.screens import save_screenshot
from tests.ui.workflow_newsroom import make_newsroom, open_window
from ui.workflow.field_words import FieldWords

NOTE = "Tambahkan kutipan dari Bulog, dan cek lagi angka 13.500."


def test_the_reporter_reads_the_editors_send_back_note_above_the_text(
    qtbot, sqlite_db, tmp_path, windows
):
    room = make_newsroom(sqlite_db)
    article = room.article("submitted")
    editor = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    editor.workflow.show_panel()
    assert not editor.workflow.sent_back.isVisible()

    def write_note(dialog: QInputDialog) -> None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        box = dialog.findChild(QPlainTextEdit)
        qtbot.keyClicks(box, NOTE)
        dialog.accept()

    when_modal(QInputDialog, write_note)
    qtbot.mouseClick(editor.workflow.bar.buttons["sent_back"], Qt.MouseButton.LeftButton)
    assert get_article(sqlite_db, article.id).status == "sent_back"
    editor.close()

    reporter = open_window(qtbot, sqlite_db, tmp_path, room.reporter, article.id, windows)
    banner = reporter.workflow.sent_back
    qtbot.waitUntil(banner.isVisible)
    assert NOTE in banner.label.text()
    assert "Budi Santoso" in banner.label.text()
    save_screenshot(reporter, "sent-back-note-reporter-en")


def test_changes_since_submission_speak_of_fields_and_times_as_people_do(qapp):
    words = FieldWords()
    when = datetime(2026, 12, 7, 1, 46, tzinfo=ZoneInfo("UTC"))
    scheduled = FieldChange(name="scheduled_at", old=None, new=when)
    assert words.change(scheduled, "Asia/Jakarta") == "Scheduled: 7 Dec 2026 08:46 WIB"
    headline = FieldChange(name="headline", old="Lama", new="Baru")
    assert words.change(headline, "Asia/Jakarta") == "Headline: Lama → Baru"
    assert moment_text(when, zone="Asia/Jakarta", language="id") == "7 Des 2026 08.46 WIB"
    status = FieldChange(name="status", old="in_review", new="killed")
    assert words.change(status, "Asia/Makassar") == "Status: In review → Unpublished"
