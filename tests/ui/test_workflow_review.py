"""Review comments anchored to a selection, resolving them, and changes since submission."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.articles import get_article, save_article
from editor.workflow.comments import comments
from editor.workflow.transitions import change_status
from tests.ui.workflow_newsroom import BODY, make_newsroom
from ui.workflow import prompts
from ui.workflow.review_pane import ReviewPane


def _pane(qtbot, session, record) -> tuple[ReviewPane, QPlainTextEdit]:
    body = QPlainTextEdit()
    body.setPlainText(record.body)
    qtbot.addWidget(body)
    pane = ReviewPane(body)
    qtbot.addWidget(pane)
    pane.set_session(session)
    pane.set_article(record)
    pane.show()
    return pane, body


def _select(body: QPlainTextEdit, passage: str) -> None:
    start = body.toPlainText().index(passage)
    cursor = body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def test_comment_on_a_selection_then_resolve_and_reopen(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    article = room.article("submitted")
    pane, body = _pane(qtbot, room.session(room.editor), article)
    monkeypatch.setattr(prompts, "ask_note", lambda *_a, **_k: "Sebutkan sumbernya.")
    passage = "pasokan dari Jawa Tengah berkurang"
    _select(body, passage)

    qtbot.mouseClick(pane.comment_button, Qt.MouseButton.LeftButton)

    [stored] = comments(sqlite_db, article.id)
    assert stored.quote == passage and stored.text == "Sebutkan sumbernya."
    assert stored.start == BODY.index(passage)
    assert pane.model.rowCount() == 1
    shown = pane.model.index(0, 0).data()
    assert "Budi Santoso" in shown and f"“{passage}”" in shown and "Sebutkan sumbernya." in shown

    # Jump to the passage from elsewhere in the text.
    body.moveCursor(QTextCursor.MoveOperation.Start)
    assert pane.jump_to_passage()
    assert body.textCursor().selectedText() == passage

    assert pane.resolve_button.text() == "Resolve"
    qtbot.mouseClick(pane.resolve_button, Qt.MouseButton.LeftButton)
    assert comments(sqlite_db, article.id)[0].resolved_by == "Budi Santoso"
    assert "resolved by Budi Santoso" in pane.model.index(0, 0).data()
    assert pane.resolve_button.text() == "Reopen"
    qtbot.mouseClick(pane.resolve_button, Qt.MouseButton.LeftButton)
    assert comments(sqlite_db, article.id)[0].resolved_at is None


def test_comment_without_a_selection_is_explained_not_saved(qtbot, sqlite_db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    room = make_newsroom(sqlite_db)
    article = room.article("submitted")
    pane, _body = _pane(qtbot, room.session(room.editor), article)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    qtbot.mouseClick(pane.comment_button, Qt.MouseButton.LeftButton)

    assert warned and "Select the passage" in warned[0]
    assert comments(sqlite_db, article.id) == []


def test_changes_since_submission_lists_the_edited_lines(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    draft = room.article("draft")
    submitted = change_status(sqlite_db, draft.id, "submitted", actor_id=room.reporter.id)
    edited = replace(submitted, body=BODY.replace("pekan lalu", "tiga hari terakhir"))
    save_article(sqlite_db, edited)
    pane, _body = _pane(qtbot, room.session(room.editor), get_article(sqlite_db, draft.id))

    pane.tabs.setCurrentIndex(1)

    text = pane.changes.toPlainText()
    assert "Sarah Meiliana Gunawan" in text
    assert "− Pedagang mengatakan pasokan dari Jawa Tengah berkurang sejak pekan lalu." in text
    assert (
        "+ Pedagang mengatakan pasokan dari Jawa Tengah berkurang sejak tiga hari terakhir." in text
    )


def test_a_draft_never_submitted_says_so(qtbot, sqlite_db):
    room = make_newsroom(sqlite_db)
    pane, _body = _pane(qtbot, room.session(room.editor), room.article("draft"))
    pane.tabs.setCurrentIndex(1)
    assert pane.changes.toPlainText() == "This article has not been submitted yet."


def test_passages_after_an_emoji_are_anchored_and_found_again(qtbot, sqlite_db, monkeypatch):
    room = make_newsroom(sqlite_db)
    body_text = "Warga bersorak 🎉 saat banjir surut.\n\nAir surut pukul 05.00 WIB."
    article = room.article("submitted", body=body_text)
    pane, body = _pane(qtbot, room.session(room.editor), article)
    monkeypatch.setattr(prompts, "ask_note", lambda *_a, **_k: "Jam berapa tepatnya?")
    passage = "pukul 05.00 WIB"
    start = body_text.index(passage)
    cursor = body.textCursor()
    cursor.setPosition(start + 1)  # Qt counts the emoji as two units
    cursor.setPosition(start + 1 + len(passage), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    assert body.textCursor().selectedText() == passage

    qtbot.mouseClick(pane.comment_button, Qt.MouseButton.LeftButton)

    [stored] = comments(sqlite_db, article.id)
    assert stored.start == start
    body.moveCursor(QTextCursor.MoveOperation.Start)
    assert pane.jump_to_passage()
    assert body.textCursor().selectedText() == passage
