"""The change watch on an SQLite file says "changed" for what other programs commit, and
not for this process's own saves (which the window already shows)."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from editor.articles import create_article, get_article, save_article
from editor.change_watch import ChangeWatch
from editor.database import Database, open_database
from editor.records import ArticleDraft

# Another program saving the article: its own process, its own connection.
ELSEWHERE = """
import sys, uuid
from dataclasses import replace
from editor.articles import get_article, save_article
from editor.database import open_database
db = open_database(sys.argv[1])
record = get_article(db, uuid.UUID(sys.argv[2]))
save_article(db, replace(record, body=record.body + " (elsewhere)"))
db.close()
"""


@pytest.fixture
def newsroom(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'nr.db'}")
    article = create_article(db, ArticleDraft(headline="Banjir", body="Air naik."))
    yield db, article.id
    db.close()


def save_here(db: Database, article_id, text: str) -> None:
    record = get_article(db, article_id)
    save_article(db, replace(record, body=record.body + text))


def save_elsewhere(db: Database, article_id) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ELSEWHERE, db.url, str(article_id)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def watch(newsroom):
    watch = ChangeWatch(newsroom[0])
    assert watch.changed() is False  # the first look notes where things stand
    yield watch
    watch.close()


def test_own_saves_are_not_changes_and_other_programs_saves_are(newsroom, watch) -> None:
    db, article_id = newsroom
    save_here(db, article_id, " Satu.")
    save_here(db, article_id, " Dua.")
    assert watch.changed() is False
    save_elsewhere(db, article_id)
    assert watch.changed() is True
    assert watch.changed() is False


def test_a_save_elsewhere_before_our_own_still_counts(newsroom, watch) -> None:
    db, article_id = newsroom
    save_elsewhere(db, article_id)
    save_here(db, article_id, " Sesudahnya.")
    assert watch.changed() is True


def test_own_saves_on_another_thread_are_not_changes(newsroom, watch) -> None:
    db, article_id = newsroom
    worker = threading.Thread(target=save_here, args=(db, article_id, " Latar."))
    worker.start()
    worker.join()
    assert watch.changed() is False


def test_a_closed_watch_leaves_the_database_alone(newsroom) -> None:
    from sqlalchemy import event

    db, article_id = newsroom
    watch = ChangeWatch(db)
    watch.changed()
    watch.close()
    watch.close()  # twice is harmless
    assert not event.contains(db.engine, "commit", watch._committing)
    assert not event.contains(db.sessions, "after_commit", watch._committed)
    save_here(db, article_id, " Lagi.")
    assert get_article(db, article_id).body.endswith("Lagi.")
