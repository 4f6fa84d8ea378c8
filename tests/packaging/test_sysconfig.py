"""System-wide configuration: presets, locks, layering under the user's file, bad files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor import sysconfig
from editor.config import Settings
from editor.database import Database
from editor.sections import create_section, list_sections
from editor.sysconfig import (
    LockedSettingError,
    apply_system_presets,
    load_system_config,
    system_config_path,
)
from editor.userconfig import config_path, load_settings_with_problems, save_user_setting


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "config.toml"
    path.parent.mkdir()
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(path))
    return path


def write_user_file(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_system_file_the_defaults_hold(system_file: Path) -> None:
    settings, problems = load_settings_with_problems()
    assert settings == Settings()
    assert problems == []
    assert load_system_config().values == {}


def test_system_file_presets_the_newsroom(system_file: Path) -> None:
    system_file.write_text(
        'database_url = "postgresql://db.kantor.lan/redaksi"\n'
        'zone = "Asia/Makassar"\n'
        'site_name = "Kabar Timur"\n'
        'base_url = "https://kabartimur.id"\n'
        'publish_dir = "/srv/www/kabar"\n',
        encoding="utf-8",
    )
    settings, problems = load_settings_with_problems()
    assert problems == []
    assert settings.database_url == "postgresql+psycopg://db.kantor.lan/redaksi"
    assert settings.zone == "Asia/Makassar"
    assert settings.site_name == "Kabar Timur"
    assert settings.base_url == "https://kabartimur.id"
    assert load_system_config().publish_dir == Path("/srv/www/kabar")


def test_user_setting_overrides_what_it_left_unlocked(system_file: Path) -> None:
    system_file.write_text('zone = "Asia/Makassar"\nsite_name = "Kabar Timur"\n')
    write_user_file('zone = "Asia/Jayapura"\n')
    settings, problems = load_settings_with_problems()
    assert settings.zone == "Asia/Jayapura"
    assert settings.site_name == "Kabar Timur"
    assert problems == []


def test_locked_setting_ignores_the_user_value_and_says_so(system_file: Path) -> None:
    system_file.write_text('zone = "Asia/Makassar"\nlocked = ["zone"]\n')
    user_file = write_user_file('zone = "Asia/Jayapura"\nsite_name = "Sendiri"\n')
    settings, problems = load_settings_with_problems()
    assert settings.zone == "Asia/Makassar"
    assert settings.site_name == "Sendiri"
    assert len(problems) == 1
    assert "zone is locked" in problems[0]
    assert str(system_file) in problems[0]
    assert str(user_file) in problems[0]


def test_saving_a_locked_setting_is_refused_and_changes_nothing(system_file: Path) -> None:
    system_file.write_text('locked = ["zone"]\n')
    user_file = write_user_file('site_name = "Sendiri"\n')
    with pytest.raises(LockedSettingError) as refused:
        save_user_setting("zone", "Asia/Jayapura")
    assert str(system_file) in str(refused.value)
    assert "IT" in str(refused.value)
    assert user_file.read_text() == 'site_name = "Sendiri"\n'
    save_user_setting("site_name", "Kabar Saya")  # unlocked keys stay writable
    assert load_settings_with_problems()[0].site_name == "Kabar Saya"


def test_locked_database_wins_over_the_command_line(system_file: Path, tmp_path: Path) -> None:
    system_file.write_text('database_url = "postgresql://db/redaksi"\nlocked = ["database_url"]\n')
    settings, problems = load_settings_with_problems(str(tmp_path / "own.db"))
    assert settings.database_url == "postgresql+psycopg://db/redaksi"
    assert any("--db" in problem and "locked" in problem for problem in problems)


def test_unlocked_database_gives_way_to_the_command_line(system_file: Path, tmp_path: Path) -> None:
    system_file.write_text('database_url = "postgresql://db/redaksi"\n')
    settings, _ = load_settings_with_problems(str(tmp_path / "own.db"))
    assert settings.database_url == f"sqlite:///{tmp_path / 'own.db'}"


def test_malformed_file_names_file_and_line_and_defaults_are_used(system_file: Path) -> None:
    system_file.write_text('site_name = "Kabar"\nzone = "Asia/Makassar"\nlocked = [zone]\n')
    write_user_file('site_name = "Sendiri"\n')
    settings, problems = load_settings_with_problems()
    assert settings.zone == Settings().zone  # nothing of the damaged file is half-applied
    assert settings.site_name == "Sendiri"  # the user's own file still counts
    assert len(problems) == 1
    assert str(system_file) in problems[0]
    assert "line 3" in problems[0]


def test_bad_values_are_reported_one_by_one(system_file: Path) -> None:
    system_file.write_text(
        'zone = "Mars/Olympus"\n'
        "site_name = 7\n"
        'colour = "red"\n'
        'locked = ["colour", "site_name"]\n'
        'sections = "Berita"\n'
        'base_url = "https://kabar.id"\n'
    )
    config = load_system_config()
    assert config.values == {"base_url": "https://kabar.id"}
    assert config.locked == frozenset({"site_name"})
    assert config.sections == ()
    text = "\n".join(config.problems)
    assert "Unknown time zone 'Mars/Olympus'" in text
    assert "site_name must be a quoted string" in text
    assert "unknown setting 'colour'" in text
    assert "locked names 'colour'" in text
    assert "sections must be a list" in text
    assert len(config.problems) == 5


def test_unreadable_file_is_reported(system_file: Path) -> None:
    system_file.write_bytes(b'zone = "\xff"\n')
    config = load_system_config()
    assert config.values == {}
    assert str(system_file) in config.problems[0]


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", Path("/etc/redaksi/config.toml")),
        ("darwin", Path("/Library/Application Support/Redaksi/config.toml")),
        ("win32", Path(r"D:\Data") / "Redaksi" / "config.toml"),
    ],
)
def test_platform_locations(monkeypatch: pytest.MonkeyPatch, platform: str, expected: Path) -> None:
    monkeypatch.delenv("REDAKSI_SYSTEM_CONFIG")
    monkeypatch.setenv("PROGRAMDATA", r"D:\Data")
    monkeypatch.setattr(sysconfig.sys, "platform", platform)
    assert system_config_path() == expected
    monkeypatch.setattr(sysconfig.sys, "platform", sys.platform)


def test_section_presets_are_created_once_with_parents(system_file: Path, db: Database) -> None:
    system_file.write_text('sections = ["Berita/Dunia", "Olahraga", "Berita/Nasional"]\n')
    config = load_system_config()
    assert config.sections == ("Berita", "Berita/Dunia", "Olahraga", "Berita/Nasional")
    created = apply_system_presets(db, config)
    assert created == ["Berita", "Berita/Dunia", "Olahraga", "Berita/Nasional"]
    paths = {section.path for section in list_sections(db)}
    assert paths == {"berita", "berita/dunia", "olahraga", "berita/nasional"}
    assert apply_system_presets(db, config) == []
    assert len(list_sections(db)) == 4


def test_section_presets_keep_sections_the_newsroom_already_has(
    system_file: Path, db: Database
) -> None:
    berita = create_section(db, "Berita")
    create_section(db, "Dunia", parent_id=berita.id)
    system_file.write_text('sections = ["Berita/Dunia", "Berita/Daerah"]\n')
    assert apply_system_presets(db, load_system_config()) == ["Berita/Daerah"]
    daerah = next(s for s in list_sections(db) if s.name == "Daerah")
    assert daerah.parent_id == berita.id


def test_command_line_follows_the_system_file(
    system_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.cli import main

    database = tmp_path / "kantor.db"
    system_file.write_text(
        f'database_url = "{database}"\nzone = "Asia/Jayapura"\n'
        'sections = ["Berita/Papua"]\nlocked = ["zone"]\n'
    )
    assert main(["sections"]) == 0
    assert "Papua" in capsys.readouterr().out
    assert database.exists()  # the preset database, not the default one
    assert main(["config", "set", "zone", "Asia/Jakarta"]) == 1
    error = capsys.readouterr().err
    assert "locked" in error and str(system_file) in error
    assert not config_path().exists()


def test_publish_goes_to_the_preset_folder(
    system_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.cli import main

    database = str(tmp_path / "kantor.db")
    assert main(["--db", database, "publish"]) == 1
    assert "publish --out DIR" in capsys.readouterr().err
    site = tmp_path / "www"
    system_file.write_text(f'publish_dir = "{site}"\n')
    assert main(["--db", database, "publish"]) == 0
    assert (site / "index.html").is_file()
    elsewhere = tmp_path / "elsewhere"
    assert main(["--db", database, "publish", "--out", str(elsewhere)]) == 0
    assert (elsewhere / "index.html").is_file()
