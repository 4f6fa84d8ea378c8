"""Pasting into the body as a reporter does: Ctrl+V with a word processor's or a web page's
HTML on the clipboard gives clean Markdown; Ctrl+Shift+V the plain text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.driving import menu_action

PASTE = Path(__file__).resolve().parents[1] / "fixtures" / "paste"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _clipboard_emptied() -> Iterator[None]:
    yield
    QApplication.clipboard().clear()  # data left there crashes Qt as Python exits


def copy(html: str, text: str) -> None:
    """What a word processor puts on the clipboard: both HTML and its plain text."""
    data = QMimeData()
    data.setHtml(html)
    data.setText(text)
    QApplication.clipboard().setMimeData(data)


def empty_body(qtbot, main) -> None:
    body = main.editor.body
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert body.toPlainText() == ""


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("libreoffice_writer.html", "Ribuan rumah di **Jakarta Utara** terendam *banjir rob*"),
        ("libreoffice_writer_export.html", "# Banjir Rob Rendam Jakarta Utara\n\nRibuan rumah di"),
        ("google_docs.html", "Pemerintah menyiapkan **Rp 4,5 triliun** mulai *pekan depan*"),
    ],
)
def test_ctrl_v_turns_a_word_processors_html_into_markdown(qtbot, laptop_window, fixture, expected):
    main = laptop_window
    empty_body(qtbot, main)
    qtbot.waitUntil(lambda: main.status.stats_label.text().startswith("0 "))
    copy((PASTE / fixture).read_text(), "plain words only")
    qtbot.keyClick(main.editor.body, Qt.Key.Key_V, CTRL)
    text = main.editor.body.toPlainText()
    assert expected in text
    assert "font" not in text and "style" not in text and "plain words only" not in text
    # Word count and reading time follow the paste, as they follow typing.
    words = main.status.stats_label
    qtbot.waitUntil(lambda: words.text().split()[0].isdigit() and words.text()[0] != "0")


def test_ctrl_shift_v_pastes_the_plain_text(qtbot, laptop_window):
    main = laptop_window
    empty_body(qtbot, main)
    copy((PASTE / "google_docs.html").read_text(), "Subsidi Listrik Naik\nPemerintah menyiapkan")
    qtbot.keyClick(main.editor.body, Qt.Key.Key_V, CTRL | SHIFT)
    assert main.editor.body.toPlainText() == "Subsidi Listrik Naik\nPemerintah menyiapkan"


def test_edit_menu_offers_paste_as_plain_text(qtbot, laptop_window):
    main = laptop_window
    empty_body(qtbot, main)
    copy("<p><i>miring</i></p>", "miring")
    main.editor.body.moveCursor(QTextCursor.MoveOperation.End)
    menu_action(main, "edit.paste_plain").trigger()
    assert main.editor.body.toPlainText() == "miring"
