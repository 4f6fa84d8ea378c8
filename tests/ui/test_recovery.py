"""Crash recovery: the journal survives a kill and puts the text back at the next start."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from editor.articles import create_article, get_article, save_article
from editor.database import Database
from editor.listing import list_articles
from editor.records import ArticleDraft, ArticleQuery, ArticleRecord
from ui.recovery import RECOVERED_SUFFIX, RecoveryJournal, pending_entries, recover_unclean_shutdown


@pytest.fixture
def article(sqlite_db: Database) -> ArticleRecord:
    return create_article(sqlite_db, ArticleDraft(headline="Gempa", body="Baris pertama."))


def journal_of_dead_process(data_dir: Path, db: Database, record: ArticleRecord) -> Path:
    path = RecoveryJournal(data_dir, db.url).write(record)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pid"] = 2**22 + 12345  # no such process: the editor that wrote it is gone
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_journal_is_written_atomically_and_leaves_no_temp_files(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    journal = RecoveryJournal(tmp_path, sqlite_db.url)
    for n in range(3):
        journal.write(replace(article, body=f"Versi {n}"))
    files = sorted(p.name for p in (tmp_path / "recovery").iterdir())
    assert files == [f"{article.id}.json"]
    assert json.loads(journal.path(article.id).read_text(encoding="utf-8"))["body"] == "Versi 2"


def test_unsaved_text_is_restored_into_its_article(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    path = journal_of_dead_process(
        tmp_path, sqlite_db, replace(article, body="Teks belum disimpan.")
    )
    assert recover_unclean_shutdown(tmp_path, sqlite_db) == [article.id]
    assert get_article(sqlite_db, article.id).body == "Teks belum disimpan."
    assert not path.exists()
    assert recover_unclean_shutdown(tmp_path, sqlite_db) == []


def test_recovery_opens_the_journal_database_by_itself(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    journal_of_dead_process(tmp_path, sqlite_db, replace(article, body="Tanpa db."))
    assert recover_unclean_shutdown(tmp_path) == [article.id]
    assert get_article(sqlite_db, article.id).body == "Tanpa db."


def test_text_older_than_a_later_save_elsewhere_becomes_a_copy(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    journal_of_dead_process(tmp_path, sqlite_db, replace(article, body="Teks saya."))
    save_article(sqlite_db, replace(article, body="Teks redaktur."))
    restored = recover_unclean_shutdown(tmp_path, sqlite_db)
    assert len(restored) == 1 and restored[0] != article.id
    copy = get_article(sqlite_db, restored[0])
    assert copy.body == "Teks saya." and copy.headline == "Gempa" + RECOVERED_SUFFIX
    assert get_article(sqlite_db, article.id).body == "Teks redaktur."


def test_journals_of_a_running_editor_and_of_other_databases_are_left_alone(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    journal = RecoveryJournal(tmp_path, sqlite_db.url)
    path = journal.write(replace(article, body="Masih diketik."))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pid"] = os.getppid()  # alive: another editor is still typing
    path.write_text(json.dumps(data), encoding="utf-8")
    assert pending_entries(tmp_path) == []
    other = RecoveryJournal(tmp_path, "sqlite:////elsewhere.db")
    other_path = journal_of_dead_process(tmp_path, sqlite_db, replace(article, body="x"))
    data = json.loads(other_path.read_text(encoding="utf-8"))
    data["database_url"] = other.database_url
    other_path.write_text(json.dumps(data), encoding="utf-8")
    assert recover_unclean_shutdown(tmp_path, sqlite_db) == []
    assert get_article(sqlite_db, article.id).body == "Baris pertama."
    assert other_path.exists()


def test_a_damaged_journal_is_kept_for_a_person_to_read(tmp_path: Path, sqlite_db) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "rusak.json").write_text("{not json", encoding="utf-8")
    assert recover_unclean_shutdown(tmp_path, sqlite_db) == []
    assert (folder / "rusak.json").exists()
    assert list_articles(sqlite_db, ArticleQuery()).total == 0


def test_a_late_older_write_never_replaces_newer_text_or_revives_a_discard(
    tmp_path: Path, sqlite_db: Database, article: ArticleRecord
) -> None:
    journal = RecoveryJournal(tmp_path, sqlite_db.url)
    older, newer = journal.ticket(), journal.ticket()
    journal.write(replace(article, body="Baru."), ticket=newer)
    assert journal.write(replace(article, body="Lama."), ticket=older) is None
    assert json.loads(journal.path(article.id).read_text(encoding="utf-8"))["body"] == "Baru."
    late = journal.ticket()
    journal.discard(article.id)
    assert journal.write(replace(article, body="Terlambat."), ticket=late) is None
    assert not journal.has(article.id)
