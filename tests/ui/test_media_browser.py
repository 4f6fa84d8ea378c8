"""Tools → Media library: thumbnails, search, description, use in the open article and in
another, a new file for every article at once, pictures dropped in; bad files refused in
one line. Driven from the menu, with clicks, typing and drops as a person makes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.articles import get_article
from editor.media.library import get_media, search_media
from editor.media.usage import articles_using
from editor.people import list_people
from tests.media.pictures import bomb, jpeg
from tests.ui.driving import choose_file, menu_action, when_modal
from ui.file_dialogs import FileDialog
from ui.main_window import MainWindow
from ui.media.browser import MediaBrowser
from ui.workflow.profile import ProfileDialog


@pytest.fixture
def window(laptop_window: MainWindow) -> MainWindow:
    # The library notes who brings and describes a picture: an editor works here.
    editor = next(p for p in list_people(laptop_window.db) if p.role == "editor")
    laptop_window.workflow.set_person(editor)
    return laptop_window


def _photo(folder: Path, name: str, colour: str, size: tuple[int, int] = (1200, 800)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path), quality=85)
    return path


def _open(qtbot, window: MainWindow) -> MediaBrowser:
    menu_action(window, "media.library").trigger()
    browser = window.media_browser
    assert isinstance(browser, MediaBrowser)
    qtbot.waitUntil(browser.isVisible)
    return browser


def _select(qtbot, browser: MediaBrowser, sha256: str) -> None:
    for row in range(browser.grid.count()):
        item = browser.grid.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == sha256:
            browser.grid.scrollToItem(item)
            QApplication.processEvents()
            rect = browser.grid.visualItemRect(item)
            qtbot.mouseClick(browser.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert browser.current() is not None and browser.current().sha256 == sha256
            return
    raise AssertionError(f"{sha256[:12]} is not shown")


def _drop(target, paths: list[Path]) -> None:
    """Drop files from a file manager on ``target`` (enter, then drop, as Qt delivers)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    mime.setText("\n".join(QUrl.fromLocalFile(str(p)).toString() for p in paths))
    where = QPoint(target.width() // 2, target.height() // 3)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(where, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(where), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QApplication.sendEvent(target, drop)


def test_tools_menu_and_its_shortcut_show_every_picture_as_a_thumbnail(qtbot, window, tmp_path):
    browser = _open(qtbot, window)
    pictures = search_media(window.db)
    assert pictures and browser.grid.count() == len(pictures)
    assert not browser.grid.item(0).icon().isNull()
    browser.close()
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(browser.isVisible)
    browser.resize(1100, 700)
    qtbot.wait(50)
    # Looked at while building it: pytest --basetemp keeps it.
    assert browser.grab().save(str(tmp_path / "media-browser.png"))


def test_search_by_caption_credit_and_file_name(qtbot, window):
    browser = _open(qtbot, window)
    everything = browser.grid.count()
    one = search_media(window.db)[0]
    word = (one.credit or one.original_name).split("/")[0].split(".")[0]
    qtbot.keyClicks(browser.search, word)
    expected = len(search_media(window.db, word))
    qtbot.waitUntil(lambda: browser.grid.count() == expected)
    assert expected < everything or everything == 1
    browser.search.clear()
    qtbot.keyClicks(browser.search, "tidak-ada-foto-begini")
    qtbot.waitUntil(lambda: browser.grid.count() == 0)
    assert browser.empty.isVisible() and "tidak-ada-foto-begini" in browser.empty.text()


def test_describe_a_picture_then_use_it_as_lead_and_in_the_body_of_two_articles(
    qtbot, window, tmp_path
):
    browser = _open(qtbot, window)
    with qtbot.waitSignal(browser.changed):
        added = browser.add_pictures([str(_photo(tmp_path, "sidang-dpr.jpg", "#3b6e8f"))])
    [picture] = added
    assert browser.current().sha256 == picture.sha256
    for field, text in (
        (browser.caption, "Sidang paripurna DPR"),
        (browser.credit, "NATO/Net"),
        (browser.alt_text, "Ruang sidang DPR penuh anggota"),
        (browser.license, "CC0"),
    ):
        field.clear()
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(browser.save_button, Qt.MouseButton.LeftButton)
    stored = get_media(window.db, picture.sha256)
    assert (stored.caption, stored.credit, stored.alt_text, stored.license) == (
        "Sidang paripurna DPR",
        "NATO/Net",
        "Ruang sidang DPR penuh anggota",
        "CC0",
    )

    first = window._open_id
    form = window.editor.form
    form.caption.clear()
    form.credit.clear()
    qtbot.mouseClick(browser.lead_button, Qt.MouseButton.LeftButton)
    assert form.lead_image.text() == f"media:{picture.sha256}"
    assert (form.caption.text(), form.credit.text()) == ("Sidang paripurna DPR", "NATO/Net")
    assert window.flush()
    assert get_article(window.db, first).lead_image == f"media:{picture.sha256}"

    # Another article reuses it in its body, with the lead's figure markup.
    model = window.list_pane.model
    other = next(
        model.summary(r).id for r in range(model.rowCount()) if model.summary(r).id != first
    )
    assert window.list_pane.select_article(other) and window.open_article(other)
    qtbot.mouseClick(browser.body_button, Qt.MouseButton.LeftButton)
    body = window.editor.body.toPlainText()
    assert (
        f"![Ruang sidang DPR penuh anggota](media:{picture.sha256})\n"
        "Sidang paripurna DPR\nFoto: NATO/Net\n"
    ) in body
    assert window.flush()
    assert {u.article_id for u in articles_using(window.db, picture.sha256)} == {first, other}
    _select(qtbot, browser, picture.sha256)
    assert "Used in 2 articles" in browser.facts.text()


def test_replace_a_file_everywhere(qtbot, window, tmp_path, monkeypatch):
    browser = _open(qtbot, window)
    [old] = browser.add_pictures([str(_photo(tmp_path, "lama.jpg", "#aa3333"))])
    opened = window._open_id
    qtbot.mouseClick(browser.lead_button, Qt.MouseButton.LeftButton)
    assert window.flush()
    asked: list[str] = []

    def yes(_parent, _title, text, *_args, **_kw):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    new_file = _photo(tmp_path, "baru.jpg", "#33aa33")
    when_modal(FileDialog, choose_file(new_file))
    qtbot.mouseClick(browser.replace_button, Qt.MouseButton.LeftButton)
    assert asked and "baru.jpg" in asked[0] and "1 article" in asked[0]
    new = browser.current()
    assert new is not None and new.sha256 != old.sha256 and new.original_name == "baru.jpg"
    assert get_article(window.db, opened).lead_image == f"media:{new.sha256}"
    # The open article shows what is stored, so the next save is no conflict.
    assert window.editor.form.lead_image.text() == f"media:{new.sha256}"
    qtbot.keyClicks(window.editor.form.caption, " lagi")
    assert window.flush()


def test_pictures_dropped_on_the_window_join_the_library_and_bad_ones_are_named(
    qtbot, window, tmp_path, qt_messages
):
    browser = _open(qtbot, window)
    before = browser.grid.count()
    good = _photo(tmp_path, "banjir.jpg", "#1f6f8b")
    fake = tmp_path / "halaman.jpg"
    fake.write_text("<!doctype html><title>bukan foto</title>", encoding="utf-8")
    _drop(browser.grid.viewport(), [good, fake])
    assert browser.grid.count() == before + 1
    assert browser.current().original_name == "banjir.jpg"
    [(kind, text)] = qt_messages
    assert kind == "warning" and "halaman.jpg" in text and "\n" not in text


def test_a_picture_dropped_on_the_body_is_inserted_where_it_falls(qtbot, window, tmp_path):
    good = _photo(tmp_path, "gempa.jpg", "#6b4f2a")
    _drop(window.editor.body.viewport(), [good])
    body = window.editor.body.toPlainText()
    assert "](media:" in body and str(good) not in body and "file://" not in body
    sha = body.split("](media:", 1)[1][:64]
    assert get_media(window.db, sha).original_name == "gempa.jpg"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("halaman.jpg", b"<!doctype html><html><body>bukan foto</body></html>", "not a picture"),
        ("rusak.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "not a picture"),
        ("terpotong.jpg", jpeg(1200, 900)[:4000], "damaged or cut short"),
        ("raksasa.png", bomb(), "decompression bomb"),
    ],
    ids=["html-named-jpg", "corrupt", "truncated", "20000x20000"],
)
def test_bad_files_are_refused_in_one_line_from_add_pictures(
    qtbot, window, tmp_path, qt_messages, name, content, says
):
    browser = _open(qtbot, window)
    before = browser.grid.count()
    path = tmp_path / name
    path.write_bytes(content)
    when_modal(FileDialog, choose_file(path))
    qtbot.mouseClick(browser.add_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = qt_messages
    assert kind == "warning" and name in text and says in text and "\n" not in text
    assert browser.grid.count() == before


def test_describing_asks_who_works_here_first(qtbot, laptop_window, qt_messages):
    window = laptop_window  # nobody chose a profile on this machine yet
    browser = _open(qtbot, window)
    picture = browser.current()
    browser.credit.clear()
    qtbot.keyClicks(browser.credit, "Antara")
    when_modal(ProfileDialog, lambda dialog: dialog.reject())
    qtbot.mouseClick(browser.save_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = qt_messages
    assert kind == "warning" and "Switch profile" in text and "\n" not in text
    assert get_media(window.db, picture.sha256).credit == picture.credit

    editor = next(p for p in list_people(window.db) if p.role == "editor")

    def as_editor(dialog: ProfileDialog) -> None:
        dialog.choose(editor.id)
        dialog.accept()

    when_modal(ProfileDialog, as_editor)
    qtbot.mouseClick(browser.save_button, Qt.MouseButton.LeftButton)
    assert get_media(window.db, picture.sha256).credit == "Antara"
