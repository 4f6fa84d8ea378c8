"""Configuration passed into the core: a small frozen value, never looked up globally."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Redaksi"
DEFAULT_ZONE = "Asia/Jakarta"
#: The zones Indonesian newsrooms work in, with the abbreviation readers know.
NEWSROOM_ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_database_url(data_dir: Path | None = None) -> str:
    folder = data_dir if data_dir is not None else default_data_dir()
    return f"sqlite:///{folder / 'redaksi.db'}"


@dataclass(frozen=True)
class Settings:
    """What the core needs to know about the newsroom it serves."""

    database_url: str = field(default_factory=default_database_url)
    zone: str = DEFAULT_ZONE
    site_name: str = "Redaksi"
    base_url: str = "https://example.id"
    #: Picture files for the site's logo and favicon (system configuration only); empty:
    #: the publish draws both from the site name (editor.publish.brand).
    site_logo: str = ""
    site_icon: str = ""
