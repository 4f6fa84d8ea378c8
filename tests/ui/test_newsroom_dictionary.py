"""The newsroom's dictionary in the app: an editor adds a word from the spelling menu and
it stops being underlined; a reporter is not offered the entry."""

from __future__ import annotations

from editor.spelling.words import add_words, newsroom_words
from tests.ui.spelling_helpers import right_click, trigger, underlined, wait_checked
from tests.ui.workflow_newsroom import make_newsroom, open_window


def test_an_editor_adds_a_word_for_the_whole_newsroom(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    article = room.article("draft", body="Tim Basarnas menyisir Kalijodo sejak pagi.")
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
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
    main = open_window(qtbot, sqlite_db, tmp_path, room.reporter, article.id, windows)
    seen: list[str] = []
    right_click(
        qtbot, main.editor, "Kalijodo", lambda m: seen.extend(a.objectName() for a in m.actions())
    )
    assert "spellingAddPersonal" in seen and "spellingAddNewsroom" not in seen
