"""System-wide configuration: presets, locks, layering under the user's file, bad files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from editor import sysconfig
from editor.config import Settings
from editor.database import Database
from editor.sections import create_section, list_sections
from editor.sysconfig import (
    LockedSettingError,
    SystemConfigError,
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


def test_malformed_file_refuses_to_start_naming_file_line_and_it(system_file: Path) -> None:
    system_file.write_text('site_name = "Kabar"\nzone = "Asia/Makassar"\nlocked = [zone]\n')
    write_user_file('site_name = "Sendiri"\n')
    with pytest.raises(SystemConfigError) as refused:
        load_settings_with_problems()
    message = str(refused.value)
    assert str(system_file) in message
    assert "line 3" in message
    assert "ask your IT department" in message
    assert "\n" not in message


def test_damaged_file_keeps_every_setting_locked(system_file: Path) -> None:
    """A user who cannot be told what IT locked may change nothing until IT fixes it."""
    system_file.write_text('database_url = "postgresql://db/redaksi"\nlocked = ["database_url"\n')
    user_file = write_user_file('site_name = "Sendiri"\n')
    config = load_system_config()
    assert config.damage is not None
    assert all(config.is_locked(key) for key in ("database_url", "zone", "site_name"))
    for key, value in (("database_url", "/tmp/own.db"), ("site_name", "Kabar Saya")):
        with pytest.raises(SystemConfigError, match="ask your IT department"):
            save_user_setting(key, value)
    assert user_file.read_text() == 'site_name = "Sendiri"\n'


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('zone = "Asia/Makassar"\nlocked = "zone"\n', 2, "locked must be a list"),
        ('zone = "Asia/Makassar"\nlocked = ["zone", 7]\n', 2, "locked must be a list"),
        ('site_name = "Kabar"\nzone = "Mars/Olympus"\nlocked = ["zone"]\n', 2, "Mars/Olympus"),
        ('database_url = ""\nlocked = ["database_url"]\n', 1, "database_url cannot be empty"),
        ("site_name = 7\nlocked = ['site_name']\n", 1, "site_name must be a quoted string"),
    ],
)
def test_a_lock_that_cannot_be_honoured_damages_the_file(
    system_file: Path, text: str, line: int, reason: str
) -> None:
    """A bad lock list, or a locked setting with a bad value, would unlock it or lock in
    something IT never chose (a private, empty database): neither is guessed."""
    system_file.write_text(text)
    config = load_system_config()
    assert config.damage is not None
    assert f"{system_file}, line {line}" in config.damage
    assert reason in config.damage
    with pytest.raises(SystemConfigError):
        load_settings_with_problems()


def test_bad_values_are_reported_one_by_one(system_file: Path) -> None:
    system_file.write_text(
        'zone = "Mars/Olympus"\n'
        "site_name = 7\n"
        'colour = "red"\n'
        'locked = ["colour", "base_url"]\n'
        'sections = "Berita"\n'
        'base_url = "https://kabar.id"\n'
    )
    config = load_system_config()
    assert config.damage is None
    assert config.values == {"base_url": "https://kabar.id"}
    assert config.locked == frozenset({"base_url"})
    assert config.sections == ()
    text = "\n".join(config.problems)
    assert "Unknown time zone 'Mars/Olympus'" in text
    assert "site_name must be a quoted string" in text
    assert "unknown setting 'colour'" in text
    assert "locked names 'colour'" in text
    assert "sections must be a list" in text
    assert len(config.problems) == 5


def test_unreadable_file_refuses_to_start(system_file: Path) -> None:
    system_file.write_bytes(b'zone = "\xff"\n')
    config = load_system_config()
    assert config.values == {}
    assert config.damage is not None and str(system_file) in config.damage
    with pytest.raises(SystemConfigError, match="ask your IT department"):
        load_settings_with_problems()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission_refuses_to_start(system_file: Path) -> None:
    system_file.write_text('locked = ["zone"]\n')
    system_file.chmod(0o000)
    with pytest.raises(SystemConfigError, match="Permission denied"):
        load_settings_with_problems()


def test_path_through_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Any error reading the file but its absence (here: ENOTDIR) counts as damage."""
    (tmp_path / "etc").write_text("")
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(tmp_path / "etc" / "config.toml"))
    assert load_system_config().damage is not None


def test_link_to_a_missing_file_is_not_mistaken_for_no_file(system_file: Path) -> None:
    """/etc/redaksi/config.toml linked to a share that is not mounted: IT meant a file."""
    system_file.symlink_to(system_file.parent / "share" / "redaksi.toml")
    assert load_system_config().damage is not None
    with pytest.raises(SystemConfigError, match="ask your IT department"):
        load_settings_with_problems()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_fifo_or_folder_in_place_of_the_file_is_refused_without_waiting(system_file: Path) -> None:
    os.mkfifo(system_file)  # nobody writes to it: reading it would wait for ever
    config = load_system_config()
    assert config.damage is not None and "not a regular file" in config.damage
    system_file.unlink()
    system_file.mkdir()
    assert "not a regular file" in str(load_system_config().damage)


def test_huge_file_is_refused_without_reading_it_whole(system_file: Path) -> None:
    with system_file.open("w") as stream:
        stream.write("# padding\n" * (sysconfig.MAX_SYSTEM_CONFIG_BYTES // 10 + 1))
    assert "larger than 1024 KiB" in str(load_system_config().damage)


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


def test_command_line_refuses_in_one_line_while_the_system_file_is_damaged(
    system_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.cli import main

    database = tmp_path / "kantor.db"
    system_file.write_text(f'database_url = "{database}"\nlocked = ["database_url"]\nzone = Asia\n')
    for command in (["list"], ["config"], ["config", "set", "zone", "Asia/Jakarta"], ["publish"]):
        assert main(command) == 1, command
        error = capsys.readouterr().err
        assert error.count("\n") == 1, error
        assert error.startswith("redaksi: The system configuration ")
        assert f"{system_file}, line 3" in error or f"{system_file} " in error
        assert "ask your IT department" in error
    assert not database.exists()
    assert not config_path().exists()
    assert main(["--version"]) == 0  # what needs no settings still answers
