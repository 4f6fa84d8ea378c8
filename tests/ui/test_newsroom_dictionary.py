"""The newsroom's dictionary in the app: an editor adds a word from the spelling menu and
it stops being underlined; a reporter is not offered the entry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from editor.config import Settings
from editor.spelling.words import add_words, newsroom_words
from tests.ui.spelling_helpers import right_click, trigger, underlined, wait_checked
from tests.ui.workflow_newsroom import make_newsroom
from ui.main_window import AppContext, MainWindow
from ui.workflow.profile import PROFILE_KEY


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for main in made:
        main.autosave.shutdown()
        main.workflow.shutdown()
        main.context.translations.uninstall()


def _window(qtbot, db, tmp_path: Path, person, select, windows) -> MainWindow:
    QSettings().setValue(PROFILE_KEY, str(person.id))
    context = AppContext(settings=Settings(database_url=db.url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    windows.append(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(db, select=select)
    if main.workflow.session.person is None:
        main.workflow.set_person(person)
    wait_checked(qtbot, main.editor)
    return main


def test_an_editor_adds_a_word_for_the_whole_newsroom(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    article = room.article("draft", body="Tim Basarnas menyisir Kalijodo sejak pagi.")
    main = _window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    assert {"Basarnas", "Kalijodo"} <= set(underlined(main.editor))
    right_click(qtbot, main.editor, "Kalijodo", lambda m: trigger(m, "spellingAddNewsroom"))
    wait_checked(qtbot, main.editor)
    assert "Kalijodo" not in underlined(main.editor)
    assert "Kalijodo" in newsroom_words(sqlite_db)
    # Added by someone else meanwhile (another workstation): seen at the next article.
    add_words(sqlite_db, ["Basarnas"], actor_id=room.editor.id)
    other = room.article("draft", body="Basarnas dan Kalijodo.")
    main.open_article(other.id)
    wait_checked(qtbot, main.editor)
    assert underlined(main.editor) == {}


def test_a_reporter_is_not_offered_the_newsroom_dictionary(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    article = room.article("draft", body="Tim menyisir Kalijodo.")
    main = _window(qtbot, sqlite_db, tmp_path, room.reporter, article.id, windows)
    seen: list[str] = []
    right_click(
        qtbot, main.editor, "Kalijodo", lambda m: seen.extend(a.objectName() for a in m.actions())
    )
    assert "spellingAddPersonal" in seen and "spellingAddNewsroom" not in seen
