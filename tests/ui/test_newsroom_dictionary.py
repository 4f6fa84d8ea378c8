"""The newsroom's dictionary in the app: an editor adds a word from the spelling menu and
it stops being underlined; a reporter is not offered the entry. Tools → Newsroom
dictionary lists, adds and removes words and sets the rupiah style and the checklist rule
(editors), and shows them to everyone else."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.spelling.words import add_words, currency_style, newsroom_words
from editor.workflow.spelling_item import spelling_rule
from tests.ui.driving import menu_action, when_modal
from tests.ui.spelling_helpers import right_click, trigger, underlined, wait_checked
from tests.ui.workflow_newsroom import make_newsroom, open_window
from ui.spelling.newsroom_dialog import NewsroomDictionaryDialog


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


def _in_dictionary_window(qtbot, main, act) -> None:
    """Tools → Newsroom dictionary…, taken from the menu bar; ``act`` works in the window
    and closes it."""
    done: list[bool] = []

    def work(dialog: NewsroomDictionaryDialog) -> None:
        try:
            act(dialog)
        finally:
            done.append(True)
            dialog.reject()

    when_modal(NewsroomDictionaryDialog, work)
    menu_action(main, "spelling.newsroom").trigger()
    qtbot.waitUntil(lambda: bool(done))


def _shown_words(dialog: NewsroomDictionaryDialog) -> list[str]:
    return [dialog.shown.index(row, 0).data() for row in range(dialog.shown.rowCount())]


def _choose(qtbot, combo, value: str) -> None:
    """Pick an entry the way the keyboard does: focus, then arrow keys until it is there."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(value) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != value:
        qtbot.keyClick(combo, key)


def test_an_editor_keeps_the_newsroom_dictionary_in_its_window(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    add_words(sqlite_db, ["Kalijodo", "Pluit"], actor_id=room.editor.id)
    article = room.article("draft", body="Tim Basarnas menyisir Kalijodo, Rp 4,5 triliun.")
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    assert set(underlined(main.editor)) == {"Basarnas", "Rp "}

    def edit(dialog: NewsroomDictionaryDialog) -> None:
        assert _shown_words(dialog) == ["Kalijodo", "Pluit"]
        qtbot.keyClicks(dialog.new_word, "Basarnas")
        qtbot.keyClick(dialog.new_word, Qt.Key.Key_Return)
        assert "Basarnas" in _shown_words(dialog) and dialog.new_word.text() == ""
        assert dialog.message.text() == "Added: Basarnas."
        qtbot.keyClicks(dialog.find, "plu")
        assert _shown_words(dialog) == ["Pluit"]
        dialog.list.setCurrentIndex(dialog.shown.index(0, 0))
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert _shown_words(dialog) == [] and "Removed: Pluit." in dialog.message.text()
        qtbot.keyClicks(dialog.new_word, "x" * 120)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "cannot go in a dictionary" in dialog.message.text()
        _choose(qtbot, dialog.currency, "spaced")
        _choose(qtbot, dialog.rule, "block")

    _in_dictionary_window(qtbot, main, edit)
    assert sorted(newsroom_words(sqlite_db)) == ["Basarnas", "Kalijodo"]
    assert currency_style(sqlite_db) == "spaced" and spelling_rule(sqlite_db) == "block"
    wait_checked(qtbot, main.editor)
    assert underlined(main.editor) == {}  # the editor took the new words and rupiah style


def test_a_reporter_may_look_but_not_change(qtbot, sqlite_db, tmp_path, windows):
    room = make_newsroom(sqlite_db)
    add_words(sqlite_db, ["Kalijodo"], actor_id=room.editor.id)
    article = room.article("draft", body="Tim menyisir Kalijodo.")
    main = open_window(qtbot, sqlite_db, tmp_path, room.reporter, article.id, windows)

    def look(dialog: NewsroomDictionaryDialog) -> None:
        assert _shown_words(dialog) == ["Kalijodo"] and dialog.note.isVisible()
        dialog.list.setCurrentIndex(dialog.shown.index(0, 0))
        for control in (
            dialog.new_word,
            dialog.add_button,
            dialog.remove_button,
            dialog.currency,
            dialog.rule,
        ):
            assert not control.isEnabled()

    _in_dictionary_window(qtbot, main, look)
    assert newsroom_words(sqlite_db) == ["Kalijodo"]
