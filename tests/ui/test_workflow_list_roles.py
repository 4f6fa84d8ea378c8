"""The list's trash, restore and duplicate obey the roles, as a save does: a reporter
signed in to the app cannot throw an editor's published article away (off the site) or
bring back one an editor threw away, and a copy is a draft of whoever makes it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from editor.articles import get_article
from editor.models import Article
from editor.workflow import passwords
from editor.workflow.audit import audit_log
from editor.workflow.editing import set_trashed
from editor.workflow.passwords import set_password
from tests.ui.driving import menu_action
from tests.ui.workflow_newsroom import make_newsroom, open_window

PUBLISHED = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**10)


@pytest.fixture
def room(sqlite_db):
    room = make_newsroom(sqlite_db)
    # A newsroom that signs in: the window below is Sarah's because she signed in.
    set_password(sqlite_db, room.reporter.id, "kopi tubruk pagi", actor_id=room.reporter.id)
    return room


def press_delete_in_list(qtbot, main) -> None:
    main.list_pane.view.setFocus()
    qtbot.keyClick(main.list_pane.view, Qt.Key.Key_Delete)


def test_a_reporter_cannot_trash_an_editors_published_article(
    qtbot, room, tmp_path, windows, qt_messages
):
    story = room.article("published", byline=room.editor, published_at=PUBLISHED)
    main = open_window(qtbot, room.db, tmp_path, room.reporter, story.id, windows)

    press_delete_in_list(qtbot, main)

    assert get_article(room.db, story.id).status == "published"
    assert any("may not edit other people's articles" in text for _kind, text in qt_messages)
    entry = audit_log(room.db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("trash", "refused", room.reporter.name)


def test_a_reporter_trashes_their_own_draft_and_it_is_audited(
    qtbot, room, tmp_path, windows, qt_messages
):
    draft = room.article("draft")
    main = open_window(qtbot, room.db, tmp_path, room.reporter, draft.id, windows)

    press_delete_in_list(qtbot, main)

    assert get_article(room.db, draft.id).status == "trashed"
    assert qt_messages == []
    entry = audit_log(room.db)[0]
    assert (entry.action, entry.outcome, entry.actor) == ("trash", "done", room.reporter.name)


def test_a_reporter_cannot_restore_what_an_editor_threw_away(
    qtbot, room, tmp_path, windows, qt_messages
):
    story = room.article("published", byline=room.editor, published_at=PUBLISHED)
    set_trashed(room.db, story.id, True, actor_id=room.editor.id)
    main = open_window(qtbot, room.db, tmp_path, room.reporter, story.id, windows)
    menu_action(main, "view.trash").trigger()
    assert main.list_pane.select_article(story.id)

    press_delete_in_list(qtbot, main)

    assert get_article(room.db, story.id).status == "trashed"
    assert any("may not edit other people's articles" in text for _kind, text in qt_messages)
    entry = audit_log(room.db)[0]
    assert (entry.action, entry.outcome) == ("restore", "refused")


def test_a_copy_is_a_draft_of_whoever_made_it(qtbot, room, tmp_path, windows, qt_messages):
    story = room.article("published", byline=room.editor, published_at=PUBLISHED)
    main = open_window(qtbot, room.db, tmp_path, room.reporter, story.id, windows)

    menu_action(main, "article.duplicate").trigger()

    copy = get_article(room.db, main.list_pane.current_id())
    assert copy.id != story.id and copy.status == "draft"
    assert copy.byline_ids == (room.editor.id, room.reporter.id)
    with room.db.transaction() as session:
        assert session.get(Article, copy.id).updated_by_id == room.reporter.id
    assert not main.editor.body.isReadOnly()  # hers to edit
    assert qt_messages == []
