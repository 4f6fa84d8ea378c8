"""A story's way through the newsroom, as the reporter and the editor walk it in the app:
new article → type → submit → sent back with a note → the reporter reads it → submit
again → approve → schedule → publish. Keys, clicks, menus and dialogs only; a
screenshot of each step is saved in the test's folder (``journey/``) for a person to
look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox, QPlainTextEdit

from editor.articles import get_article
from editor.database import Database
from tests.ui.driving import describe_when_asked, menu_action, type_file_path, when_modal
from tests.ui.workflow_newsroom import make_newsroom, open_window
from ui.workflow.profile import ProfileDialog
from ui.workflow.send_back_banner import SendBackBanner

NOTE = "Tambahkan tanggapan dari BPBD."


class Journey:
    def __init__(self, qtbot, main, room, folder: Path) -> None:
        self.qtbot, self.main, self.room, self.folder = qtbot, main, room, folder
        folder.mkdir()
        self.step = 0

    def shot(self, name: str) -> None:
        self.step += 1
        self.qtbot.wait(50)
        assert self.main.grab().save(str(self.folder / f"{self.step:02d}-{name}.png"))

    def sign_in_as(self, person) -> None:
        def choose(dialog: ProfileDialog) -> None:
            dialog.choose(person.id)
            dialog.accept()

        when_modal(ProfileDialog, choose)
        menu_action(self.main, "profile.switch").trigger()
        assert self.main.workflow.session.person.id == person.id

    def move(self, target: str) -> None:
        button = self.main.workflow.bar.buttons[target]
        assert button.isEnabled(), f"{target}: {button.toolTip()}"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def status(self) -> str:
        return get_article(self.main.db, self.main.editor.record_id()).status


def _write_note(dialog: QInputDialog) -> None:
    field = dialog.findChild(QPlainTextEdit)
    QTest.keyClicks(field, NOTE)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def _accept_time(dialog: QDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#5b8c5a"))
    path = tmp_path / "banjir-bekasi.jpg"
    assert image.save(str(path))
    return path


def test_a_story_from_draft_to_published(
    qtbot, sqlite_db: Database, windows, tmp_path: Path, photo: Path, monkeypatch
):
    # "Publish anyway?" after checklist warnings: the editor says yes.
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    room = make_newsroom(sqlite_db)
    seed = room.article("draft")
    main = open_window(qtbot, sqlite_db, tmp_path, room.reporter, seed.id, windows)
    walk = Journey(qtbot, main, room, tmp_path / "journey")

    # The reporter starts a story with Ctrl+N and types it.
    main.list_pane.view.setFocus()
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = main.editor.form
    qtbot.keyClicks(form.headline, "Banjir Rendam Perumahan di Bekasi")
    form.section.setFocus()
    qtbot.keyClick(form.section, Qt.Key.Key_Down)
    main.editor.body.setFocus()
    qtbot.keyClicks(
        main.editor.body, "Air setinggi satu meter merendam perumahan di Bekasi sejak pagi."
    )
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    type_file_path(photo)
    describe_when_asked("Warga menerobos banjir di perumahan Bekasi")
    qtbot.mouseClick(form.choose_image, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.caption, "Warga menerobos banjir di Bekasi")
    qtbot.keyClicks(form.credit, "Redaksi/Sarah")
    assert main.flush()
    walk.shot("reporter-typed")

    if not main.workflow.panel.isVisible():  # behind the Preview tab on a laptop screen
        menu_action(main, "view.workflow").trigger()
    qtbot.waitUntil(main.workflow.panel.isVisible, timeout=3000)
    walk.move("submitted")
    assert walk.status() == "submitted"
    walk.shot("reporter-submitted")

    # The editor sends it back with a note.
    walk.sign_in_as(room.editor)
    when_modal(QInputDialog, _write_note)
    walk.move("sent_back")
    assert walk.status() == "sent_back"
    walk.shot("editor-sent-back")

    # The reporter reads the note above the text, and submits again.
    walk.sign_in_as(room.reporter)
    banner = main.findChild(SendBackBanner)
    qtbot.waitUntil(lambda: banner.isVisible() and NOTE in banner.label.text(), timeout=3000)
    walk.shot("reporter-reads-note")
    walk.move("submitted")
    assert walk.status() == "submitted"

    # The editor approves, schedules and publishes.
    walk.sign_in_as(room.editor)
    walk.move("approved")
    assert walk.status() == "approved"
    walk.shot("editor-approved")
    when_modal(QDialog, _accept_time)
    walk.move("scheduled")
    assert walk.status() == "scheduled"
    walk.shot("editor-scheduled")
    walk.move("published")
    assert walk.status() == "published"
    walk.shot("editor-published")
    assert main.workflow.bar.status_label.text().endswith("Published")
    assert len(list((tmp_path / "journey").glob("*.png"))) == walk.step
