"""The guard over an SQLite newsroom file: lost locks and a removed log, noticed and undone.

Each test drops this process's locks the way a file dialog did (the file opened and
closed outside SQLite), lets another process open and close the database, and checks
that what this process saves reaches that other process and leaves the file whole.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from editor import sqlite_guard
from editor.articles import create_article, get_article, save_article
from editor.database import Database, open_database
from editor.errors import DatabaseError, LostWriteError
from editor.records import ArticleDraft, ArticleRecord
from editor.sqlite_guard import Loss
from tests.sqlite_visits import (
    body_seen_elsewhere,
    drop_this_process_locks,
    held_inodes,
    integrity,
    other_process,
)

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows locks belong to a handle, not to the process"
)

ADD_ROWS = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
with connection:
    connection.executemany(
        "INSERT INTO tags (id, name, slug) VALUES (?, ?, ?)",
        [(f"{n:032x}", f"tag-{n}", f"tag-{n}") for n in range(1, 400)],
    )
connection.close()
"""


@pytest.fixture
def newsroom(tmp_path: Path) -> tuple[Path, Database, ArticleRecord]:
    path = tmp_path / "newsroom" / "nr.db"
    db = open_database(f"sqlite:///{path}")
    article = create_article(db, ArticleDraft(headline="Banjir Rob", body="Air naik."))
    yield path, db, article
    db.close()


def test_a_save_into_a_log_another_program_removed_is_refused_and_redone(newsroom) -> None:
    path, db, article = newsroom
    drop_this_process_locks(path)
    # Believing it is the last user, the other program checkpoints and deletes the log.
    assert body_seen_elsewhere(path, article.id) == "Air naik."
    assert not Path(f"{path}-wal").exists()

    mine = replace(article, body="Air naik. Warga mengungsi.")
    with pytest.raises(LostWriteError, match="make the change again"):
        save_article(db, mine)
    saved = save_article(db, mine)  # what the app does on LostWriteError

    assert saved.body == "Air naik. Warga mengungsi."
    assert body_seen_elsewhere(path, article.id) == "Air naik. Warga mengungsi."
    db.close()
    assert integrity(path) == "ok"


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_lost_locks_are_taken_again_before_another_program_can_remove_the_log(
    newsroom,
) -> None:
    path, db, article = newsroom
    database_inode = path.stat().st_ino
    assert database_inode in held_inodes()
    drop_this_process_locks(path)
    assert database_inode not in held_inodes()

    assert db.check_sqlite_files() is Loss.LOCKS  # what the app's timer does

    assert database_inode in held_inodes()
    log = Path(f"{path}-wal").stat().st_ino
    assert body_seen_elsewhere(path, article.id) == "Air naik."
    assert Path(f"{path}-wal").stat().st_ino == log  # still ours: not removed
    saved = save_article(db, replace(article, body="Tersimpan."))  # no error, nothing lost
    assert body_seen_elsewhere(path, article.id) == saved.body == "Tersimpan."


def test_closing_after_a_lost_log_never_copies_stale_pages_over_newer_data(newsroom) -> None:
    """The corruption the issue found: "row N missing from index" after the app closed."""
    path, db, article = newsroom
    drop_this_process_locks(path)
    body_seen_elsewhere(path, article.id)  # the log is checkpointed and deleted
    # A write the guard has not looked at yet (the app killed at the wrong moment, or a
    # write that bypassed Database.transaction) lands in the orphaned log...
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE article_bodies SET markdown = 'yatim'"))
        connection.execute(text("DELETE FROM tags"))
    # ...while the other program goes on changing the same pages.
    other_process(ADD_ROWS, str(path))

    db.close()  # a normal close would checkpoint the orphaned log over those pages

    assert integrity(path) == "ok"
    assert body_seen_elsewhere(path, article.id) == "Air naik."
    again = open_database(f"sqlite:///{path}")
    try:
        assert get_article(again, article.id).body == "Air naik."
    finally:
        again.close()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_opening_the_same_file_again_in_this_process_keeps_its_locks(newsroom) -> None:
    """The core's own file checks go through SQLite: a second open (another window, a
    database switched back) must not drop the first one's locks."""
    path, db, _article = newsroom
    second = open_database(f"sqlite:///{path}")
    second.close()
    assert path.stat().st_ino in held_inodes()
    assert db.check_sqlite_files() is None  # nothing was lost, nothing to recover


def test_a_save_after_another_program_changed_the_file_is_redone_not_called_damage(
    newsroom,
) -> None:
    """Reading through an orphaned log while the file has moved on mixes old and new pages
    (SQLite may call that "malformed"): the save is reported lost, and redone whole."""
    path, db, article = newsroom
    drop_this_process_locks(path)
    body_seen_elsewhere(path, article.id)
    other_process(ADD_ROWS, str(path))  # and it changes the file meanwhile

    mine = replace(article, body="Sesudah.")
    with pytest.raises(LostWriteError):
        save_article(db, mine)
    save_article(db, mine)

    assert body_seen_elsewhere(path, article.id) == "Sesudah."
    db.close()
    assert integrity(path) == "ok"


def test_new_connections_wait_until_the_old_ones_are_gone(newsroom) -> None:
    """SQLite shares one lock and index state per file per process: a connection opened
    while an orphaned one is still busy on another thread would inherit its lost state."""
    path, db, article = newsroom
    started, release = threading.Event(), threading.Event()

    def long_read() -> None:
        with db.transaction() as session:
            session.execute(text("SELECT count(*) FROM articles")).one()
            started.set()
            release.wait(30)

    reader = threading.Thread(target=long_read)
    reader.start()
    try:
        assert started.wait(30)
        drop_this_process_locks(path)
        body_seen_elsewhere(path, article.id)
        threading.Timer(0.5, release.set).start()
        waited = time.monotonic()
        # The reader holds the only connection: the save needs a new one, which notices
        # the loss and waits for the reader's orphaned connection to close.
        save_article(db, replace(article, body="Ditunggu."))
        assert time.monotonic() - waited >= 0.4
    finally:
        release.set()
        reader.join(30)
    assert body_seen_elsewhere(path, article.id) == "Ditunggu."
    db.close()
    assert integrity(path) == "ok"


def test_without_a_way_to_skip_the_checkpoint_the_old_connections_stay_open(
    newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback for a Python that cannot switch the checkpoint off: never close the
    orphaned connections, refuse further work with a clear message, corrupt nothing."""
    monkeypatch.setattr(sqlite_guard, "skip_checkpoint_on_close", lambda _connection: False)
    path, db, article = newsroom
    drop_this_process_locks(path)
    body_seen_elsewhere(path, article.id)
    with pytest.raises(DatabaseError, match="start it again"):
        save_article(db, replace(article, body="Tidak sampai."))
    other_process(ADD_ROWS, str(path))
    db.close()
    assert integrity(path) == "ok"
    assert body_seen_elsewhere(path, article.id) == "Air naik."
