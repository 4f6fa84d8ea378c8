"""The window follows what other programs commit: cron's ``redaksi publish --due``,
another program's save. On SQLite (PRAGMA data_version) and on PostgreSQL (LISTEN/NOTIFY).
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog

from editor.articles import get_article, save_article
from editor.database import Database, open_database
from editor.models import Article
from tests.ui.driving import TEST_NUMBER
from tests.ui.workflow_newsroom import make_newsroom, open_window
from ui.article_list.model import COLUMNS

CLI = "import sys; from ui.launcher import main; sys.exit(main())"


def run_cron(url: str, site: Path) -> None:
    """What a newsroom's crontab runs every minute, in its own process."""
    done = subprocess.run(
        [sys.executable, "-c", CLI, "publish", "--due", "--db", url, "--out", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def record_dialogs(seen: list[str], seconds: float = 30) -> None:
    """Every modal dialog that opens is noted and closed (none should open here)."""
    base = QThread.currentThread().loopLevel()
    deadline = time.monotonic() + seconds
    test = TEST_NUMBER[0]

    def look() -> None:
        if TEST_NUMBER[0] != test:
            return  # the test is over: the next test's dialogs are its own
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and QThread.currentThread().loopLevel() > base:
            seen.append(type(dialog).__name__)
            dialog.reject()
        if time.monotonic() < deadline:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def due_now(url: str, article_id: uuid.UUID) -> None:
    """The clock reaches the article's time (the stored time moves, from elsewhere)."""
    other = open_database(url)
    try:
        with other.transaction() as session:
            session.get(Article, article_id).scheduled_at = datetime.now(UTC) - timedelta(seconds=1)
    finally:
        other.close()


def status_shown(main: Any, article_id: object) -> str:
    model = main.list_pane.model
    row = model.row_of(article_id)
    return model.index(row, COLUMNS.index("status")).data()


def test_cron_publishes_the_open_article_and_the_window_follows_without_a_conflict(
    qtbot, db: Database, windows, tmp_path: Path
):
    room = make_newsroom(db)
    # Due in an hour: the window's own scheduler, which looks at start, leaves it.
    article = room.article("scheduled", scheduled_at=datetime.now(UTC) + timedelta(hours=1))
    main = open_window(qtbot, db, tmp_path, room.editor, article.id, windows)
    assert main.workflow.bar.status_label.text().endswith("Scheduled")
    assert status_shown(main, article.id) == "Scheduled"

    # The editor is typing when cron runs.
    body = main.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Tambahan dari redaktur.")
    assert main.editor.is_dirty()
    due_now(db.url, article.id)  # the hour went by
    run_cron(db.url, tmp_path / "site")
    assert get_article(db, article.id).status == "published"

    # Within a few seconds, not at the window's own scheduler minute.
    qtbot.waitUntil(
        lambda: main.workflow.bar.status_label.text().endswith("Published"), timeout=5000
    )
    assert status_shown(main, article.id) == "Published"
    assert body.toPlainText().endswith(" Tambahan dari redaktur.")  # typed text stays

    seen: list[str] = []
    record_dialogs(seen, seconds=15)
    qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)
    assert seen == []  # no conflict dialog: only the state moved elsewhere
    stored = get_article(db, article.id)
    assert stored.status == "published"
    assert stored.body.endswith(" Tambahan dari redaktur.")


def test_a_save_elsewhere_shows_in_the_list_and_the_clean_editor(
    qtbot, db: Database, windows, tmp_path: Path
):
    room = make_newsroom(db)
    article = room.article("draft")
    main = open_window(qtbot, db, tmp_path, room.editor, article.id, windows)
    assert not main.editor.is_dirty()

    other = open_database(db.url)  # another program, with its own connection
    try:
        stored = get_article(other, article.id)
        save_article(other, stored.__class__(**{**stored.__dict__, "headline": "Beras Turun"}))
    finally:
        other.close()

    qtbot.waitUntil(lambda: main.editor.form.headline.text() == "Beras Turun", timeout=5000)
    model = main.list_pane.model
    row = model.row_of(article.id)
    qtbot.waitUntil(
        lambda: model.index(row, COLUMNS.index("headline")).data() == "Beras Turun", timeout=5000
    )
    # Typing on goes into the new version: the next save is no conflict.
    seen: list[str] = []
    record_dialogs(seen, seconds=15)
    main.editor.form.headline.setFocus()
    qtbot.keyClick(main.editor.form.headline, Qt.Key.Key_End)
    qtbot.keyClicks(main.editor.form.headline, " Lagi")
    assert main.flush()
    assert seen == []
    assert get_article(db, article.id).headline == "Beras Turun Lagi"


def test_a_new_article_from_elsewhere_appears_in_the_list(
    qtbot, db: Database, windows, tmp_path: Path
):
    room = make_newsroom(db)
    article = room.article("draft")
    main = open_window(qtbot, db, tmp_path, room.editor, article.id, windows)
    before = main.list_pane.model.total()
    other = open_database(db.url)  # the command line, with its own connection
    try:
        replace(room, db=other).article("draft", headline="Gempa di Cianjur")
    finally:
        other.close()
    qtbot.waitUntil(lambda: main.list_pane.model.total() == before + 1, timeout=5000)
    assert main.list_pane.current_id() == article.id  # the selection stays


def test_the_windows_own_saves_are_no_outside_change_on_sqlite(
    qtbot, sqlite_db: Database, windows, tmp_path: Path
):
    room = make_newsroom(sqlite_db)
    article = room.article("draft")
    main = open_window(qtbot, sqlite_db, tmp_path, room.editor, article.id, windows)
    noticed: list[bool] = []
    main.outside_changes.changed.connect(lambda: noticed.append(True))
    body = main.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    for words in (" Satu.", " Dua."):
        qtbot.keyClicks(body, words)
        qtbot.keyClick(body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(1500)  # the watch looks once a second
    assert get_article(sqlite_db, article.id).body.endswith(" Satu. Dua.")
    assert noticed == []

    other = open_database(sqlite_db.url)  # another program
    try:
        stored = get_article(other, article.id)
        with qtbot.waitSignal(main.outside_changes.changed, timeout=5000):
            save_article(other, replace(stored, headline="Beras Turun"))
    finally:
        other.close()
