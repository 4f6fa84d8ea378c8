"""The Publish dialog offers the publish folder IT preset, and keeps it when it is locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.config import Settings
from editor.database import Database
from ui.publish_dialog import PublishDialog


def make_dialog(qtbot, db: Database) -> PublishDialog:
    dialog = PublishDialog(db, Settings(database_url=db.url), None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "system.toml"
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(path))
    return path


def test_preset_folder_is_the_default(qtbot, sqlite_db: Database, system_file: Path) -> None:
    system_file.write_text('publish_dir = "/srv/www/kabar"\n')
    dialog = make_dialog(qtbot, sqlite_db)
    assert dialog.out_dir_edit.text() == "/srv/www/kabar"
    assert not dialog.out_dir_edit.isReadOnly()
    assert dialog.choose_button.isVisible()
    assert dialog.publish_button.isEnabled()


def test_locked_folder_cannot_be_changed(qtbot, sqlite_db: Database, system_file: Path) -> None:
    system_file.write_text('publish_dir = "/srv/www/kabar"\nlocked = ["publish_dir"]\n')
    dialog = make_dialog(qtbot, sqlite_db)
    qtbot.keyClicks(dialog.out_dir_edit, "/tmp/mine")
    assert dialog.out_dir_edit.text() == "/srv/www/kabar"
    assert not dialog.choose_button.isVisible()
