"""A picture chosen in the app is copied into the newsroom's media library, so the
published page has it: also when published elsewhere, after the reporter's file is gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from editor.articles import get_article
from editor.config import Settings
from editor.database import open_database
from editor.media.library import get_media
from editor.people import list_people
from editor.publish.site import publish_site
from tests.ui.driving import describe_when_asked, menu_action, type_file_path, when_modal
from ui.main_window import MainWindow
from ui.workflow.profile import ProfileDialog


@pytest.fixture
def window(laptop_window: MainWindow) -> MainWindow:
    return laptop_window


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    folder = tmp_path / "kamera"
    folder.mkdir()
    image = QImage(1600, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6f8b"))
    path = folder / "banjir-jakarta.jpg"
    assert image.save(str(path), quality=80)
    return path


def _as_an_editor(window: MainWindow):
    editor = next(p for p in list_people(window.db) if p.role == "editor" and p.active)

    def act(dialog: ProfileDialog) -> None:
        dialog.choose(editor.id)
        dialog.accept()

    return act


def _open_published(window: MainWindow):
    model = window.list_pane.model
    for row in range(model.rowCount()):
        summary = model.summary(row)
        record = get_article(window.db, summary.id)
        if record.status == "published":
            assert window.list_pane.select_article(record.id)
            window.open_article(record.id)
            return record
    raise AssertionError("the demo has no published article")


def choose_lead_image(qtbot, window: MainWindow, photo: Path) -> None:
    """More, then the lead image's Choose…: the file typed into the file dialog. Nobody
    chose a profile on this machine yet: the library asks who brings the picture, then
    for its description."""
    form = window.editor.form
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    type_file_path(photo)
    when_modal(ProfileDialog, _as_an_editor(window))
    describe_when_asked("Air setinggi lutut di jalan Jakarta Utara")
    qtbot.mouseClick(form.choose_image, Qt.MouseButton.LeftButton)


def test_a_lead_image_chosen_in_the_app_is_published_from_another_machine(
    qtbot, window, photo, tmp_path, qt_messages
):
    article = _open_published(window)
    form = window.editor.form
    choose_lead_image(qtbot, window, photo)
    qtbot.waitUntil(lambda: form.lead_image.text().startswith("media:"), timeout=5000)
    assert qt_messages == []
    form.caption.setFocus()
    form.caption.selectAll()
    qtbot.keyClicks(form.caption, "Banjir di Jakarta Utara")
    assert window.flush()

    stored = get_article(window.db, article.id)
    assert stored.lead_image == form.lead_image.text()
    kept = get_media(window.db, stored.lead_image)
    assert kept is not None and kept.original_name == "banjir-jakarta.jpg"
    assert kept.alt_text == "Air setinggi lutut di jalan Jakarta Utara"
    assert kept.has_bytes

    # Another machine: the same database, no reporter's folder, no media folder.
    photo.unlink()
    photo.parent.rmdir()
    elsewhere = open_database(window.db.url)
    try:
        report = publish_site(elsewhere, Settings(database_url=window.db.url), tmp_path / "site")
    finally:
        elsewhere.close()
    about_it = [p.message for p in report.problems if stored.headline in p.where]
    assert about_it == []
    pages = [
        path
        for path in (tmp_path / "site").rglob("index.html")
        if stored.headline in path.read_text(encoding="utf-8")
        and "Banjir di Jakarta Utara" in path.read_text(encoding="utf-8")
    ]
    assert pages, "the article's page was not published"
    page = pages[0].read_text(encoding="utf-8")
    assert "<picture" in page and kept.sha256[:12] in page
    assert "outside the media folder" not in page


def test_body_image_from_the_edit_menu_joins_the_library(qtbot, window, photo):
    type_file_path(photo)
    when_modal(ProfileDialog, _as_an_editor(window))
    describe_when_asked("Banjir")
    menu_action(window, "edit.image").trigger()
    body = window.editor.body.toPlainText()
    assert "](media:" in body
    sha = body.split("](media:", 1)[1][:64]
    assert get_media(window.db, sha) is not None
    assert str(photo) not in body


def test_a_file_that_is_no_picture_is_refused_in_one_line(qtbot, window, tmp_path, qt_messages):
    fake = tmp_path / "bukan-foto.jpg"
    fake.write_text("ini teks, bukan gambar", encoding="utf-8")
    form = window.editor.form
    before = form.lead_image.text()
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    type_file_path(fake)
    when_modal(ProfileDialog, _as_an_editor(window))
    qtbot.mouseClick(form.choose_image, Qt.MouseButton.LeftButton)
    assert QApplication.activeModalWidget() is None
    assert form.lead_image.text() == before
    assert len(qt_messages) == 1
    kind, text = qt_messages[0]
    assert kind == "warning" and "bukan-foto.jpg" in text and "\n" not in text


def test_the_lead_image_shows_the_pictures_name_and_thumbnail_not_its_reference(
    qtbot, window, photo
):
    from tests.ui.screens import save_screenshot

    article_id = window.editor.record_id()
    form = window.editor.form
    choose_lead_image(qtbot, window, photo)
    card = form.lead_picture
    qtbot.waitUntil(card.isVisible, timeout=5000)
    save_screenshot(window, "lead-picture-chosen")

    assert not form.lead_image.isVisible()
    assert card.shown_text() == "banjir-jakarta.jpg\nAir setinggi lutut di jalan Jakarta Utara"
    assert "media:" not in card.label.text()
    thumb = card.thumbnail.pixmap().toImage()
    middle = thumb.pixelColor(thumb.width() // 2, thumb.height() // 2)
    wanted = QColor("#1f6f8b")  # the photo's colour, give or take the JPEG's rounding
    assert max(abs(middle.red() - wanted.red()), abs(middle.blue() - wanted.blue())) <= 4
    assert window.flush()
    stored = get_article(window.db, article_id).lead_image
    assert stored.startswith("media:") and stored == form.lead_image.text()  # kept as is

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    form.caption.setFocus()
    qtbot.keyClick(form.caption, Qt.Key.Key_Backtab)  # back from the caption: Choose…
    assert QApplication.focusWidget() is form.choose_image
    qtbot.keyClick(form.choose_image, Qt.Key.Key_Backtab)  # and Remove before it
    assert QApplication.focusWidget() is card.remove
    qtbot.keyClick(card.remove, Qt.Key.Key_Space)
    assert form.lead_image.isVisible() and not card.isVisible()
    assert window.flush()
    assert get_article(window.db, article_id).lead_image == ""


def test_a_reference_the_library_does_not_know_says_so(qtbot, window):
    form = window.editor.form
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    form.lead_image.setFocus()
    form.lead_image.selectAll()
    qtbot.keyClicks(form.lead_image, "media:" + "ab" * 32)
    assert form.lead_picture.isVisible()
    assert form.lead_picture.shown_text().startswith("Not in the media library")


def test_the_lead_picture_is_read_only_once_more_is_unfolded(qtbot, window):
    """Opening an article (start-up too) with "More" folded reads no picture."""
    form = window.editor.form
    assert not form.more.isVisible()
    assert form.lead_image.text().startswith("media:")  # the demo's first article has one
    assert form.lead_picture.shown_text() == "\n"  # nothing looked up yet
    qtbot.mouseClick(form.more_button, Qt.MouseButton.LeftButton)
    name, description = form.lead_picture.shown_text().split("\n")
    assert name and description and "media:" not in name
