"""Autosave against other writers: a save overtaken between its version check and its write
is a conflict (the dialog's signal), and another program holding SQLite's write lock past
the busy timeout is a message; in both the text stays in the window and nothing is lost."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextCursor
from sqlalchemy import event

from editor.articles import create_article, get_article, save_article
from editor.database import open_database
from editor.records import ArticleDraft
from ui.actions import ActionRegistry
from ui.autosave import AutosaveController
from ui.editor_pane import EditorPane


def _editing(qtbot: Any, db: Any, tmp_path: Path) -> tuple[EditorPane, AutosaveController]:
    article = create_article(db, ArticleDraft(headline="Banjir Rob", body="Air naik."))
    pane = EditorPane(ActionRegistry())
    qtbot.addWidget(pane)
    pane.load(article, [], [])
    pane.show()
    autosave = AutosaveController(db, pane, interval_ms=200, data_dir=tmp_path / "data")
    return pane, autosave


def _type(qtbot: Any, pane: EditorPane, text: str) -> None:
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane.body, text)


def test_an_autosave_overtaken_between_its_check_and_its_write_is_a_conflict(
    qtbot: Any, db: Any, tmp_path: Path
) -> None:
    pane, autosave = _editing(qtbot, db, tmp_path)
    article_id = pane.record_id()
    assert article_id is not None
    overtaken: list[int] = []

    # Someone else's save lands after the autosave read the article (its version check
    # passed) and before it writes: the write then matches no row of that version.
    @event.listens_for(db.sessions, "before_flush")
    def someone_else_saves(*_args: Any) -> None:
        if overtaken:
            return
        overtaken.append(1)
        theirs = get_article(db, article_id)
        overtaken.append(save_article(db, replace(theirs, body="Versi redaktur.")).version)

    with qtbot.waitSignal(autosave.conflict, timeout=5000) as signal:
        _type(qtbot, pane, " Versi saya.")  # the autosave timer saves, not the test
    event.remove(db.sessions, "before_flush", someone_else_saves)
    mine, theirs = signal.args
    assert mine.body == "Air naik. Versi saya."
    assert theirs.body == "Versi redaktur." and theirs.version == overtaken[1]
    assert get_article(db, article_id).body == "Versi redaktur."
    assert autosave.is_blocked() and autosave.journal.has(article_id)


def test_an_autosave_that_finds_the_file_locked_says_so_and_keeps_the_text(
    qtbot: Any, sqlite_url: str, tmp_path: Path
) -> None:
    db = open_database(sqlite_url, busy_timeout=0.1)
    try:
        pane, autosave = _editing(qtbot, db, tmp_path)
        other = sqlite3.connect(db.sqlite_file, isolation_level=None)  # type: ignore[arg-type]
        other.execute("BEGIN IMMEDIATE")  # another program writing, for longer than we wait
        try:
            with qtbot.waitSignal(autosave.failed, timeout=5000) as signal:
                _type(qtbot, pane, " Tetap ada.")
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert "busy with another program" in signal.args[0]
        assert pane.is_dirty() and pane.body.toPlainText() == "Air naik. Tetap ada."
        assert autosave.journal.has(pane.record_id())
        # The next keystroke saves it, now that the other program is done.
        with qtbot.waitSignal(autosave.saved, timeout=5000):
            _type(qtbot, pane, "!")
        assert get_article(db, pane.record_id()).body == "Air naik. Tetap ada.!"  # type: ignore[arg-type]
    finally:
        autosave.shutdown()
        db.close()
