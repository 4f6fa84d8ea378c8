"""User settings: reading config.toml leniently, writing it atomically and faithfully."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from editor.config import Settings
from editor.errors import ValidationError
from editor.userconfig import (
    config_path,
    load_settings,
    load_settings_with_problems,
    normalize_database_url,
    save_user_setting,
    toml_string,
)


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_file_lives_in_the_user_config_folder():
    assert config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "Redaksi" / "config.toml"


def test_without_a_file_the_defaults_apply_and_the_database_is_in_the_data_folder():
    settings, problems = load_settings_with_problems()
    assert problems == []
    assert settings.zone == Settings().zone == "Asia/Jakarta"
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert settings.database_url == f"sqlite:///{data_home / 'Redaksi' / 'redaksi.db'}"


def test_every_key_in_the_file_is_used():
    write_config(
        'database_url = "sqlite:////srv/news/redaksi.db"\n'
        'zone = "Asia/Jayapura"\n'
        'site_name = "Kabar Timur"\n'
        'base_url = "https://kabartimur.id"\n'
    )
    assert load_settings() == Settings(
        database_url="sqlite:////srv/news/redaksi.db",
        zone="Asia/Jayapura",
        site_name="Kabar Timur",
        base_url="https://kabartimur.id",
    )


def test_the_database_url_argument_wins_over_the_file(tmp_path: Path):
    write_config('database_url = "sqlite:////srv/news/redaksi.db"\nzone = "Asia/Makassar"\n')
    settings = load_settings(str(tmp_path / "other.db"))
    assert settings.database_url == f"sqlite:///{tmp_path / 'other.db'}"
    assert settings.zone == "Asia/Makassar"


def test_a_malformed_file_names_file_and_line_and_falls_back_to_defaults():
    path = write_config('site_name = "Kabar"\nzone = Asia/Jakarta\n')
    settings, problems = load_settings_with_problems()
    assert settings == Settings()
    assert len(problems) == 1
    assert str(path) in problems[0]
    assert "line 2" in problems[0]
    assert "default" in problems[0]


@pytest.mark.parametrize(
    ("text", "expected_words"),
    [
        ('zone = "Mars/Olympus"\n', "Unknown time zone 'Mars/Olympus'"),
        ("zone = 7\n", "must be a quoted string"),
        ('colour = "blue"\n', "unknown setting 'colour'"),
        ('base_url = "example.id"\n', "must start with http"),
    ],
)
def test_a_bad_value_is_reported_and_only_that_value_falls_back(text: str, expected_words: str):
    path = write_config('site_name = "Kabar Timur"\n' + text)
    settings, problems = load_settings_with_problems()
    assert settings.site_name == "Kabar Timur"
    assert settings.zone == "Asia/Jakarta"
    assert settings.base_url == Settings().base_url
    assert len(problems) == 1
    assert expected_words in problems[0]
    assert str(path) in problems[0]


@pytest.mark.parametrize("zone", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "UTC"])
def test_real_zones_are_accepted(zone: str):
    save_user_setting("zone", zone)
    assert load_settings().zone == zone


def test_saving_creates_the_file_and_reads_back():
    save_user_setting("site_name", "Kabar Timur")
    save_user_setting("zone", "Asia/Makassar")
    save_user_setting("site_name", "Kabar Barat")
    assert tomllib.loads(config_path().read_text(encoding="utf-8")) == {
        "site_name": "Kabar Barat",
        "zone": "Asia/Makassar",
    }


def test_saving_keeps_comments_and_other_keys_in_place():
    write_config('# our newsroom\nsite_name = "Kabar"  # short\n\nzone = "Asia/Jakarta"\n')
    save_user_setting("zone", "Asia/Jayapura")
    text = config_path().read_text(encoding="utf-8")
    assert text == '# our newsroom\nsite_name = "Kabar"  # short\n\nzone = "Asia/Jayapura"\n'


def test_a_new_key_goes_before_any_table_so_it_stays_top_level():
    write_config('site_name = "Kabar"\n\n[window]\nwidth = "800"\n')
    save_user_setting("zone", "Asia/Makassar")
    data = tomllib.loads(config_path().read_text(encoding="utf-8"))
    assert data["zone"] == "Asia/Makassar"
    assert data["window"] == {"width": "800"}


@pytest.mark.parametrize(
    "value", ['Kabar "Timur"', "back\\slash", "two\nlines", "tab\there", "bell\x07", "Ūnïcode ✓"]
)
def test_any_string_survives_a_round_trip(value: str):
    assert tomllib.loads(f"key = {toml_string(value)}") == {"key": value}
    save_user_setting("site_name", value)
    assert load_settings().site_name == value


def test_saving_an_invalid_zone_is_refused_and_changes_nothing():
    path = write_config('zone = "Asia/Jakarta"\n')
    with pytest.raises(ValidationError, match="Asia/Makassar"):
        save_user_setting("zone", "Jakarta")
    assert path.read_text(encoding="utf-8") == 'zone = "Asia/Jakarta"\n'


def test_saving_an_unknown_key_is_refused():
    with pytest.raises(ValidationError, match="Known settings: database_url, zone"):
        save_user_setting("colour", "blue")
    assert not config_path().exists()


def test_a_damaged_file_is_never_overwritten():
    damaged = 'site_name = "Kabar\nzone = "Asia/Jakarta"\n'
    path = write_config(damaged)
    with pytest.raises(ValidationError, match="line 1"):
        save_user_setting("zone", "Asia/Makassar")
    assert path.read_text(encoding="utf-8") == damaged


def test_saving_leaves_no_temporary_files_behind():
    save_user_setting("site_name", "Kabar")
    save_user_setting("zone", "Asia/Makassar")
    assert sorted(p.name for p in config_path().parent.iterdir()) == ["config.toml"]


def test_a_multiline_value_is_rewritten_plainly_rather_than_corrupted():
    write_config('site_name = """Kabar\nTimur"""\nzone = "Asia/Jakarta"\n')
    save_user_setting("site_name", "Kabar")
    assert tomllib.loads(config_path().read_text(encoding="utf-8")) == {
        "site_name": "Kabar",
        "zone": "Asia/Jakarta",
    }


def test_database_urls_are_accepted_as_people_type_them(tmp_path: Path):
    assert normalize_database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert (
        normalize_database_url("postgresql://postgres@127.0.0.1/test")
        == "postgresql+psycopg://postgres@127.0.0.1/test"
    )
    assert normalize_database_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert normalize_database_url("sqlite:////x/y.db") == "sqlite:////x/y.db"
    assert normalize_database_url("postgresql+psycopg://h/db") == "postgresql+psycopg://h/db"
