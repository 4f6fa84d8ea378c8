"""The checklist's spelling item in the app: the Publish button of the workflow bar counts
what is still underlined (less what the person ignored or added to their dictionary), warns
or refuses as the newsroom chose."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.articles import get_article
from editor.workflow.audit import audit_log
from editor.workflow.spelling_item import set_spelling_rule
from tests.ui.spelling_helpers import right_click, trigger, wait_checked
from tests.ui.workflow_newsroom import BODY, make_newsroom, open_window
from ui.main_window import MainWindow
from ui.workflow import prompts

SLIPS = "Menurut Kalijodo, bantuan dibagikan kemaren."


@pytest.fixture
def room(sqlite_db):
    return make_newsroom(sqlite_db)


def _answering(monkeypatch, answers: list[bool], seen: list[str]) -> None:
    """The checklist warning, read and answered Yes or No in turn."""

    def question(_parent, title, text, *_args, **_kw):
        seen.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes if answers.pop(0) else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)


def _menu_choice(qtbot, main: MainWindow, word: str, name: str) -> None:
    right_click(qtbot, main.editor, word, lambda menu: trigger(menu, name))
    wait_checked(qtbot, main.editor)


def test_publish_warns_with_what_is_left_and_goes_on_when_asked(
    qtbot, room, tmp_path, windows, monkeypatch
):
    article = room.article(
        "approved", headline="Warga Antri Bantuan Beras", body=f"{BODY}\n\n{SLIPS}"
    )
    main = open_window(qtbot, room.db, tmp_path, room.editor, article.id, windows)
    publish = main.workflow.bar.buttons["published"]
    seen: list[str] = []
    _answering(monkeypatch, [False, True], seen)

    qtbot.mouseClick(publish, Qt.MouseButton.LeftButton)
    assert seen[0].startswith("Checklist warnings: The pre-publish checklist warns:")
    assert seen[0].endswith("Publish anyway?")
    assert "3 unresolved spelling and house-style problems" in seen[0]
    assert "headline: 1 style; body: 1 spelling, 1 style" in seen[0]
    assert get_article(room.db, article.id).status == "approved"

    _menu_choice(qtbot, main, "kemaren", "spellingIgnore")
    _menu_choice(qtbot, main, "Kalijodo", "spellingAddPersonal")
    qtbot.mouseClick(publish, Qt.MouseButton.LeftButton)
    assert "1 unresolved spelling or house-style problem (headline: 1 style)" in seen[1]
    assert get_article(room.db, article.id).status == "published"


def test_a_blocking_newsroom_refuses_until_the_words_are_settled(
    qtbot, room, tmp_path, windows, monkeypatch
):
    set_spelling_rule(room.db, "block", actor_id=room.editor.id)
    article = room.article("approved", body=f"{BODY}\n\n{SLIPS}")
    main = open_window(qtbot, room.db, tmp_path, room.editor, article.id, windows)
    asked: list[str] = []

    def cancel(_parent, _title, label, _text=""):
        asked.append(label)
        return None  # the editor does not override

    monkeypatch.setattr(prompts, "ask_note", cancel)
    publish = main.workflow.bar.buttons["published"]
    qtbot.mouseClick(publish, Qt.MouseButton.LeftButton)
    assert "the checklist misses" in asked[0] and "body: 1 spelling, 1 style" in asked[0]
    assert get_article(room.db, article.id).status == "approved"
    assert audit_log(room.db, article.id)[0].outcome == "refused"

    _menu_choice(qtbot, main, "kemaren", "spellingIgnore")
    _menu_choice(qtbot, main, "Kalijodo", "spellingIgnore")
    qtbot.mouseClick(publish, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # no refusal this time
    assert get_article(room.db, article.id).status == "published"
