"""Two sessions on one database: the lock banner, take-over, and no text lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from editor.articles import get_article
from editor.config import Settings
from editor.errors import RedaksiError
from editor.revisions import list_revisions
from editor.workflow.locks import acquire_lock, current_lock, heartbeat, take_over
from tests.ui.workflow_newsroom import BODY, make_newsroom
from ui.main_window import AppContext, MainWindow
from ui.workflow.profile import PROFILE_KEY

OTHER_SESSION = "sarah-laptop"


@pytest.fixture
def room(db):
    """Each test runs on SQLite and on PostgreSQL (two sessions sharing one server)."""
    return make_newsroom(db)


def _window(qtbot, db, tmp_path: Path, person, select) -> MainWindow:
    QSettings().setValue(PROFILE_KEY, str(person.id))
    context = AppContext(settings=Settings(database_url=db.url), data_dir=tmp_path / "data")
    context.translations.install("en")
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.attach_database(db, select=select)
    if main.workflow.session.person is None:  # a shared server: signing in, not remembered
        main.workflow.set_person(person)
    return main


@pytest.fixture
def cleanup() -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for main in windows:
        main.autosave.shutdown()
        main.workflow.shutdown()
        main.context.translations.uninstall()


def test_banner_shows_the_holder_and_take_over_keeps_their_text(qtbot, room, tmp_path, cleanup):
    article = room.article("draft")
    acquire_lock(
        room.db,
        article.id,
        holder_id=room.reporter.id,
        session_id=OTHER_SESSION,
        workstation="laptop",
    )
    typed = replace(article, body=BODY + "\n\nParagraf baru yang belum disimpan.")
    heartbeat(room.db, article.id, session_id=OTHER_SESSION, unsaved=typed)

    main = _window(qtbot, room.db, tmp_path, room.editor, article.id)
    cleanup.append(main)
    banner = main.workflow.banner

    assert banner.isVisible()
    assert "Being edited by Sarah Meiliana Gunawan (laptop)" in banner.label.text()
    assert main.editor.body.isReadOnly()
    assert banner.take_over_button.isEnabled()

    qtbot.mouseClick(banner.take_over_button, Qt.MouseButton.LeftButton)

    assert not banner.isVisible()
    assert not main.editor.body.isReadOnly()
    kept = [r for r in list_revisions(room.db, article.id) if r.kind == "takeover"]
    assert len(kept) == 1 and kept[0].body.endswith("Paragraf baru yang belum disimpan.")
    lock = current_lock(room.db, article.id)
    assert lock is not None and lock.holder_name == "Budi Santoso"
    assert lock.session_id == main.workflow.session.session_id
    with pytest.raises(RedaksiError):
        heartbeat(room.db, article.id, session_id=OTHER_SESSION)
    assert "revision" in main.status.currentMessage()


def test_a_reporter_cannot_take_over(qtbot, room, tmp_path, cleanup):
    article = room.article("draft")
    other = room.session(room.editor)
    acquire_lock(room.db, article.id, holder_id=room.editor.id, session_id=other.session_id)

    main = _window(qtbot, room.db, tmp_path, room.reporter, article.id)
    cleanup.append(main)

    banner = main.workflow.banner
    assert banner.isVisible() and "Budi Santoso" in banner.label.text()
    assert not banner.take_over_button.isEnabled()
    assert "Only an editor" in banner.take_over_button.toolTip()


def test_the_heartbeat_leaves_unsaved_typing_for_a_take_over(qtbot, room, tmp_path, cleanup):
    article = room.article("draft")
    main = _window(qtbot, room.db, tmp_path, room.reporter, article.id)
    cleanup.append(main)
    assert main.workflow.locks.holding
    main.autosave.set_interval(60_000)  # keep the typing unsaved for this test
    main.editor.body.moveCursor(main.editor.body.textCursor().MoveOperation.End)
    main.editor.body.insertPlainText("\n\nKalimat yang baru diketik.")

    main.workflow.locks.beat()  # what the HEARTBEAT_INTERVAL timer does

    lock = current_lock(room.db, article.id)
    assert lock is not None and lock.has_unsaved_text
    result = take_over(room.db, article.id, actor_id=room.editor.id)
    assert result.kept is not None and result.kept.body.endswith("Kalimat yang baru diketik.")
    assert get_article(room.db, article.id).body == BODY  # never saved, but not lost

    main.workflow.locks.beat()
    assert main.workflow.banner.isVisible()
    assert main.editor.body.isReadOnly()


def test_the_window_places_the_workflow_actions_and_follows_the_open_article(
    qtbot, room, tmp_path, cleanup
):
    article = room.article("submitted")
    main = _window(qtbot, room.db, tmp_path, room.editor, article.id)
    cleanup.append(main)

    def texts(menu_name: str) -> list[str]:
        return [a.text() for a in main._menus[menu_name].actions() if not a.isSeparator()]

    assert "S&witch profile…" in texts("article")
    assert {"&Workflow", "&Audit log…", "&Calendar…"} <= set(texts("view"))
    assert "Export day &budget (PDF)…" in texts("tools")
    bar = main.workflow.bar
    assert bar.record is not None and bar.record.id == article.id
    assert "Budi Santoso" in bar.person_label.text()

    qtbot.mouseClick(bar.buttons["approved"], Qt.MouseButton.LeftButton)

    # The editor shows the stored article's new version, so the next save is no conflict.
    assert main.editor.current_record().version == get_article(room.db, article.id).version
    assert main.list_pane.model.summary(0).status == "approved"
