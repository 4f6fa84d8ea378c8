"""Without Hunspell (an Intel Mac has no chunspell wheel) the app says so once and works on:
house-style hints still show, nothing is marked misspelt, articles open and save."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from editor.articles import get_article
from editor.spelling.dictionary import load_dictionary
from tests.ui.spelling_helpers import type_at_end, underlined, wait_checked
from tests.ui.workflow_newsroom import make_newsroom, open_window

UNAVAILABLE = "Spell checking is not available on this computer"


@pytest.fixture
def no_hunspell(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "hunspell", None)  # "import hunspell" fails
    load_dictionary.cache_clear()
    yield
    monkeypatch.undo()
    load_dictionary.cache_clear()  # the next test loads the real dictionaries again


def test_without_hunspell_the_app_says_so_once_and_hints_house_style(
    qtbot, sqlite_db, tmp_path, windows, no_hunspell
):
    room = make_newsroom(sqlite_db)
    first = room.article("draft", body="Kemaren pemerintha membagikan bantuan.")
    second = room.article("draft", body="The goverment said so.", language="en")
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, first.id, windows)
    qtbot.waitUntil(lambda: UNAVAILABLE in main.status.currentMessage(), timeout=5_000)
    assert set(underlined(main.editor)) == {"Kemaren"}  # a hint; no spelling without Hunspell

    told: list[str] = []
    main.editor.spellingNotice.connect(told.append)
    assert main.list_pane.select_article(second.id)
    qtbot.waitUntil(lambda: main.editor.current_record().id == second.id)
    wait_checked(qtbot, main.editor)
    assert underlined(main.editor) == {}
    type_at_end(qtbot, main.editor, " Kemaren.")
    assert main.flush()
    assert get_article(sqlite_db, second.id).body.endswith("Kemaren.")
    assert told == []  # said once, not again for the English dictionary
