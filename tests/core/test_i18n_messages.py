"""Core errors in the chosen language: Indonesian when chosen, English by default."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from editor import i18n
from editor.articles import create_article, save_article
from editor.cli import main
from editor.database import Database, open_database
from editor.errors import ConflictError, CorruptDatabaseError, PermissionDenied, ValidationError
from editor.importer import import_paths
from editor.records import ArticleDraft
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import make_newsroom, ready_story


@pytest.fixture
def indonesian() -> Iterator[None]:
    assert i18n.set_language("id")
    yield
    i18n.set_language("en")


def stale_save_message(db: Database) -> str:
    record = create_article(db, ArticleDraft(headline="Banjir Jakarta", body="satu"))
    save_article(db, replace(record, body="dua"))
    with pytest.raises(ConflictError) as caught:
        save_article(db, replace(record, body="tiga"))
    return str(caught.value)


def test_english_is_the_default(sqlite_db):
    assert i18n.current_language() == "en"
    assert "was changed elsewhere" in stale_save_message(sqlite_db)


def test_a_stale_save_is_refused_in_indonesian(sqlite_db, indonesian):
    message = stale_save_message(sqlite_db)
    assert message.startswith("“Banjir Jakarta” sudah diubah di tempat lain")
    assert "Tidak ada yang ditimpa" in message


def test_workflow_refusals_in_indonesian(sqlite_db, indonesian):
    room = make_newsroom(sqlite_db)
    story = ready_story(sqlite_db, room)
    with pytest.raises(PermissionDenied) as denied:
        change_status(sqlite_db, story.id, "published", actor_id=room.reporter.id)
    assert "(reporter) tidak boleh menerbitkan artikel" in str(denied.value)
    assert "peran editor atau admin" in str(denied.value)
    with pytest.raises(ValidationError) as refused:
        change_status(sqlite_db, story.id, "published", actor_id=room.editor.id)
    assert str(refused.value).startswith("Artikel yang berstatus draf tidak dapat dipindah")
    assert "terbit" in str(refused.value) and "diajukan" in str(refused.value)


def test_a_broken_import_file_is_explained_in_indonesian(sqlite_db, tmp_path, indonesian):
    (tmp_path / "rusak.md").write_text("Hanya teks, tanpa front matter.\n", encoding="utf-8")
    report = import_paths(sqlite_db, [tmp_path])
    [problem] = report.problems
    assert str(problem).startswith(f"{tmp_path / 'rusak.md'}")
    assert "tidak memiliki front matter" in str(problem)
    assert report.summary() == "0 baru, 0 diperbarui, 0 tidak berubah, 1 bermasalah"


def test_a_corrupt_database_is_refused_in_indonesian(tmp_path: Path, indonesian):
    path = tmp_path / "redaksi.db"
    path.write_bytes(b"Catatan rapat redaksi, Jum'at pagi.\n")
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(f"sqlite:///{path}")
    assert "bukan basis data Redaksi yang dapat dipakai" in str(caught.value)
    assert "Pulihkan dari cadangan" in str(caught.value)


def test_the_command_line_follows_redaksi_lang(sqlite_url, capsys, monkeypatch):
    monkeypatch.setenv("REDAKSI_LANG", "id")
    assert main(["--db", sqlite_url, "show", "zz-not-an-id"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("redaksi: 'zz-not-an-id' bukan id artikel.")
    assert i18n.current_language() == "en", "the caller's language is restored"
    monkeypatch.setenv("REDAKSI_LANG", "en")
    assert main(["--db", sqlite_url, "show", "zz-not-an-id"]) == 1
    assert "is not an article id" in capsys.readouterr().err


def test_the_command_line_follows_the_saved_interface_language(tmp_path, monkeypatch):
    monkeypatch.delenv("REDAKSI_LANG", raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.command_line_language() == "en"
    settings = Path(tmp_path / "config" / "Redaksi" / "Redaksi.conf")
    settings.parent.mkdir(parents=True)
    settings.write_text("[interface]\nlanguage=id\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    readable = sys.platform not in ("win32", "darwin")  # Qt keeps it in the registry, a plist
    assert i18n.command_line_language() == ("id" if readable else "en")
    monkeypatch.setenv("REDAKSI_LANG", "en")
    assert i18n.command_line_language() == "en"


def test_the_system_locale_decides_without_a_preference(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv("REDAKSI_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert i18n.command_line_language() == "id"


def test_an_unknown_language_falls_back_to_english(indonesian):
    assert not i18n.set_language("fr")
    assert i18n.current_language() == "en"
    assert i18n._("Untitled") == "Untitled"
