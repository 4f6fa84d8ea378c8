"""A save that meets a newer version shows both side by side and lets the reporter choose."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from editor.articles import create_article, get_article, save_article
from editor.database import Database
from editor.records import ArticleDraft, ArticleRecord
from tests.ui.driving import when_modal
from ui.actions import ActionRegistry
from ui.autosave import AutosaveController, ConflictChoice
from ui.conflict_dialog import ConflictDialog, resolve_with_dialog
from ui.editor_pane import EditorPane


@pytest.fixture
def versions(sqlite_db: Database) -> tuple[ArticleRecord, ArticleRecord]:
    base = create_article(
        sqlite_db, ArticleDraft(headline="Harga Beras", body="Satu.\nDua.\nTiga.")
    )
    theirs = save_article(
        sqlite_db, replace(base, headline="Harga Beras Naik", body="Satu.\nDUA.\nTiga.")
    )
    mine = replace(base, body="Satu.\nDua.\nTiga.\nEmpat.")
    return mine, theirs


def test_the_dialog_shows_both_versions_side_by_side(qtbot, versions) -> None:
    mine, theirs = versions
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    text = dialog.diff.toPlainText()
    assert "Harga Beras Naik" in text and "Harga Beras" in text
    assert "DUA." in text and "Empat." in text
    # Aligned columns: changed lines sit on one table row, theirs left and mine right.
    table = dialog.diff.document().rootFrame().childFrames()[0]
    assert table.rows() >= 5 and table.columns() == 4


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("keep_mine_button", ConflictChoice.KEEP_MINE),
        ("take_theirs_button", ConflictChoice.TAKE_THEIRS),
        ("copy_mine_button", ConflictChoice.COPY_MINE),
    ],
)
def test_each_button_records_its_choice(qtbot, versions, button: str, choice) -> None:
    dialog = ConflictDialog(*versions)
    qtbot.addWidget(dialog)
    getattr(dialog, button).click()
    assert dialog.choice() is choice and dialog.result() == dialog.DialogCode.Accepted


def test_closing_without_choosing_keeps_both(qtbot, versions) -> None:
    dialog = ConflictDialog(*versions)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert dialog.choice() is ConflictChoice.COPY_MINE


def test_a_conflict_error_opens_the_dialog_and_nothing_is_overwritten(
    qtbot, sqlite_db: Database, tmp_path: Path
) -> None:
    article = create_article(sqlite_db, ArticleDraft(headline="Gempa", body="Awal."))
    pane = EditorPane(ActionRegistry())
    qtbot.addWidget(pane)
    pane.load(article, [], [])
    autosave = AutosaveController(sqlite_db, pane, interval_ms=100_000, data_dir=tmp_path)
    seen: list[str] = []
    autosave.conflict.connect(lambda mine, theirs: resolve_with_dialog(autosave, mine, theirs))

    def answer(dialog: ConflictDialog) -> None:
        seen.append(dialog.diff.toPlainText())
        dialog.take_theirs_button.click()

    save_article(sqlite_db, replace(article, body="Dari meja redaksi."))
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane.body, " Dari saya.")
    when_modal(ConflictDialog, answer)
    assert not autosave.flush()
    assert seen and "Dari meja redaksi." in seen[0] and "Awal. Dari saya." in seen[0]
    assert get_article(sqlite_db, article.id).body == "Dari meja redaksi."
    assert pane.body.toPlainText() == "Dari meja redaksi." and not pane.is_dirty()


def test_the_dialog_names_a_changed_field_in_the_interface_language(
    qtbot, sqlite_db: Database, tmp_path: Path
) -> None:
    """A headline changed on both sides is shown under "Judul" in Indonesian, not under
    the stored field's name "headline"."""
    from editor.config import Settings
    from ui.main_window import AppContext

    context = AppContext(settings=Settings(database_url=sqlite_db.url), data_dir=tmp_path)
    context.translations.install("id")
    try:
        article = create_article(sqlite_db, ArticleDraft(headline="Gempa", body="Awal."))
        pane = EditorPane(ActionRegistry())
        qtbot.addWidget(pane)
        pane.load(article, [], [])
        autosave = AutosaveController(sqlite_db, pane, interval_ms=100_000, data_dir=tmp_path)
        autosave.conflict.connect(lambda mine, theirs: resolve_with_dialog(autosave, mine, theirs))
        seen: list[str] = []

        def answer(dialog: ConflictDialog) -> None:
            seen.append(dialog.diff.toPlainText())
            dialog.keep_mine_button.click()

        save_article(sqlite_db, replace(article, headline="Gempa Cianjur"))
        pane.form.headline.setFocus()
        pane.form.headline.end(False)
        qtbot.keyClicks(pane.form.headline, " Susulan")
        when_modal(ConflictDialog, answer)
        autosave.flush()
        assert seen, "the conflict dialog did not open"
        lines = seen[0].splitlines()
        assert "Judul" in lines and "headline" not in lines
    finally:
        context.translations.uninstall()
