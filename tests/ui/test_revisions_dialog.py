"""Revisions: the list, a side-by-side difference, and an undoable restore."""

from __future__ import annotations

from dataclasses import replace

import pytest

from editor.articles import create_article, get_article, save_article
from editor.database import Database
from editor.records import ArticleDraft, ArticleRecord
from editor.revisions import create_revision, list_revisions
from ui.revisions_dialog import RevisionsDialog


@pytest.fixture
def article(sqlite_db: Database) -> ArticleRecord:
    record = create_article(sqlite_db, ArticleDraft(headline="Pemilu", body="Satu.\nDua."))
    create_revision(sqlite_db, record.id)
    record = save_article(sqlite_db, replace(record, body="Satu.\nDua diubah.\nTiga."))
    create_revision(sqlite_db, record.id)
    return save_article(sqlite_db, replace(record, headline="Pemilu 2029", body="Hanya ini."))


@pytest.fixture
def dialog(qtbot, sqlite_db: Database, article: ArticleRecord) -> RevisionsDialog:
    widget = RevisionsDialog(sqlite_db, article.id, None)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_list_shows_number_time_author_and_kind(dialog: RevisionsDialog) -> None:
    model = dialog.model
    assert model.rowCount() == 2
    assert [model.index(row, 0).data() for row in range(2)] == ["2", "1"]
    assert model.index(0, 3).data() == dialog.kind_label("save")
    assert len(model.index(0, 1).data()) == len("26-11-2026 14:05:09")


def test_one_revision_is_compared_with_the_one_before(dialog: RevisionsDialog) -> None:
    dialog.select_rows(0)
    text = dialog.diff.toPlainText()
    label = dialog.tr("Revision %1")
    assert label.replace("%1", "1") in text and label.replace("%1", "2") in text
    assert "Dua." in text and "Dua diubah." in text and "Tiga." in text
    html = dialog.diff.toHtml()
    assert "#e3f6e5" in html.lower() or "#fdf0d5" in html.lower()


def test_two_chosen_revisions_are_compared(dialog: RevisionsDialog) -> None:
    dialog.select_rows(0, 1)
    assert dialog.restore_button.isEnabled() is False
    assert dialog.tr("Revision %1").replace("%1", "1") in dialog.diff.toPlainText()


def test_restore_puts_the_revision_back_and_is_undoable(
    qtbot, dialog: RevisionsDialog, sqlite_db: Database, article: ArticleRecord
) -> None:
    dialog.select_rows(1)  # revision 1: "Satu.\nDua."
    with qtbot.waitSignal(dialog.restored) as signal:
        dialog.restore_selected()
    restored = get_article(sqlite_db, article.id)
    assert restored.body == "Satu.\nDua." and restored.headline == "Pemilu"
    assert signal.args[0].version == restored.version
    kinds = [r.kind for r in list_revisions(sqlite_db, article.id)]
    assert kinds[0] == "restore" and dialog.model.rowCount() == 3
    # Undo the restore: restore the "restore" revision, which holds the state before.
    dialog.select_rows(0)
    dialog.restore_selected()
    assert get_article(sqlite_db, article.id).body == "Hanya ini."
