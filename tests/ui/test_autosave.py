"""Autosave: after a pause, on flush, never making revisions, never overwriting others."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from editor.articles import create_article, get_article, save_article
from editor.database import Database
from editor.records import ArticleDraft, ArticleRecord
from editor.revisions import list_revisions
from ui.actions import ActionRegistry
from ui.autosave import AutosaveController, ConflictChoice
from ui.editor_pane import EditorPane


@pytest.fixture
def article(sqlite_db: Database) -> ArticleRecord:
    return create_article(sqlite_db, ArticleDraft(headline="Banjir Rob", body="Air naik."))


@pytest.fixture
def pane(qtbot, article: ArticleRecord) -> EditorPane:
    widget = EditorPane(ActionRegistry())
    qtbot.addWidget(widget)
    widget.load(article, [], [])
    widget.show()
    return widget


@pytest.fixture
def autosave(sqlite_db: Database, pane: EditorPane, tmp_path: Path) -> AutosaveController:
    return AutosaveController(sqlite_db, pane, interval_ms=200, data_dir=tmp_path / "data")


def type_at_end(qtbot, pane: EditorPane, text: str) -> None:
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane.body, text)


def test_autosave_stores_the_text_after_the_interval_without_a_revision(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    with qtbot.waitSignal(autosave.saved, timeout=3000):
        type_at_end(qtbot, pane, " Warga mengungsi.")
    stored = get_article(sqlite_db, article.id)
    assert stored.body == "Air naik. Warga mengungsi."
    assert stored.version == article.version + 1
    assert not pane.is_dirty()
    assert list_revisions(sqlite_db, article.id) == []


def test_flush_saves_at_once_and_clears_the_journal(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    type_at_end(qtbot, pane, " Cepat.")
    autosave.write_journal(wait=True)
    assert autosave.journal.has(article.id)
    assert autosave.flush()
    assert get_article(sqlite_db, article.id).body == "Air naik. Cepat."
    assert not autosave.journal.has(article.id)
    assert autosave.flush()  # nothing left to save is a success too


def test_ctrl_s_saves_and_keeps_a_revision(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    type_at_end(qtbot, pane, " Disimpan.")
    revision = autosave.save_revision()
    assert revision is not None and revision.kind == "save"
    assert revision.body == "Air naik. Disimpan."
    assert [r.number for r in list_revisions(sqlite_db, article.id)] == [revision.number]


def test_a_conflict_is_reported_and_nothing_is_overwritten(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    theirs = save_article(sqlite_db, replace(article, body="Versi redaktur."))
    type_at_end(qtbot, pane, " Versi saya.")
    with qtbot.waitSignal(autosave.conflict, timeout=3000) as signal:
        assert not autosave.flush()
    mine_sent, theirs_sent = signal.args
    assert mine_sent.body == "Air naik. Versi saya."
    assert theirs_sent.body == "Versi redaktur." and theirs_sent.version == theirs.version
    assert get_article(sqlite_db, article.id).body == "Versi redaktur."
    assert autosave.is_blocked() and not autosave.flush()
    assert autosave.journal.has(article.id)  # my text is safe on disk meanwhile


def test_keep_mine_saves_over_theirs_after_seeing_them(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    save_article(sqlite_db, replace(article, body="Versi redaktur."))
    type_at_end(qtbot, pane, " Versi saya.")
    with qtbot.waitSignal(autosave.conflict) as signal:
        autosave.flush()
    result = autosave.resolve_conflict(ConflictChoice.KEEP_MINE, *signal.args)
    assert result is not None
    assert get_article(sqlite_db, article.id).body == "Air naik. Versi saya."
    assert not autosave.is_blocked() and not pane.is_dirty()


def test_take_theirs_and_copy_mine(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    save_article(sqlite_db, replace(article, body="Versi redaktur."))
    type_at_end(qtbot, pane, " Versi saya.")
    with qtbot.waitSignal(autosave.conflict) as signal:
        autosave.flush()
    copy = autosave.resolve_conflict(ConflictChoice.COPY_MINE, *signal.args)
    assert copy is not None and copy.id != article.id
    assert get_article(sqlite_db, copy.id).body == "Air naik. Versi saya."
    assert pane.body.toPlainText() == "Versi redaktur."
    assert get_article(sqlite_db, article.id).body == "Versi redaktur."


def test_a_failed_save_keeps_the_text_and_says_why(
    qtbot, sqlite_db: Database, pane: EditorPane, autosave: AutosaveController, monkeypatch
) -> None:
    from editor.errors import DatabaseLockedError

    def locked(*_args, **_kwargs):
        raise DatabaseLockedError("The database is locked by another program. Try again.")

    monkeypatch.setattr("ui.autosave.save_unsigned", locked)
    type_at_end(qtbot, pane, " Tetap ada.")
    with qtbot.waitSignal(autosave.failed) as signal:
        assert not autosave.flush()
    assert "locked" in signal.args[0]
    assert pane.is_dirty() and pane.body.toPlainText().endswith("Tetap ada.")
    assert autosave.journal.has(pane.record_id())


def test_typing_writes_the_journal_in_the_background(
    qtbot, pane: EditorPane, autosave: AutosaveController, article
) -> None:
    autosave.set_interval(60_000)  # no autosave in this test: only the journal
    type_at_end(qtbot, pane, " Dijurnal.")
    qtbot.waitUntil(lambda: autosave.journal.has(article.id), timeout=3000)
    import json

    entry = json.loads(autosave.journal.path(article.id).read_text(encoding="utf-8"))
    assert entry["body"] == "Air naik. Dijurnal."
    assert entry["base_version"] == article.version
