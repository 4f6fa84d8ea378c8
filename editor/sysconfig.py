"""The system-wide configuration newsroom IT installs beside Redaksi.

One TOML file per machine presets what every user on it starts with, and can lock any of
those settings so users cannot change them::

    database_url = "postgresql://redaksi.kantor.lan/redaksi"
    zone = "Asia/Makassar"
    site_name = "Kabar Timur"
    base_url = "https://kabartimur.id"
    publish_dir = "/srv/www/kabartimur"
    sections = ["Berita", "Berita/Dunia", "Olahraga"]
    locked = ["database_url", "zone"]

Where it lives: ``/etc/redaksi/config.toml`` (Linux), ``%PROGRAMDATA%\\Redaksi\\config.toml``
(Windows), ``/Library/Application Support/Redaksi/config.toml`` (macOS). The
``REDAKSI_SYSTEM_CONFIG`` environment variable names another file (tests, trials).

Layering (editor.userconfig applies it): defaults, then this file, then the user's own
file for every key IT left unlocked. Reading never fails: a damaged file is reported with
its path and line and ignored as a whole, so the app still starts with the defaults.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.errors import ValidationError
from editor.i18n import _

if TYPE_CHECKING:
    from editor.database import Database

SYSTEM_CONFIG_ENV = "REDAKSI_SYSTEM_CONFIG"
#: Settings the system file may preset (and lock). ``publish_dir`` has no user setting.
PRESET_KEYS = ("database_url", "zone", "site_name", "base_url", "publish_dir")
#: Keys with a meaning of their own in the system file.
STRUCTURE_KEYS = ("sections", "locked")


class LockedSettingError(ValidationError):
    """A user tried to change a setting that the system configuration locks."""


@dataclass(frozen=True)
class SystemConfig:
    """What the system file says, already checked; empty when there is no file."""

    path: Path
    #: Preset values by key (only keys in PRESET_KEYS, all strings).
    values: Mapping[str, str] = field(default_factory=dict)
    #: Section paths to create on first open, parent first: ("Berita", "Berita/Dunia").
    sections: tuple[str, ...] = ()
    locked: frozenset[str] = frozenset()
    #: One message per ignored part (or the whole file, when it does not parse).
    problems: tuple[str, ...] = ()

    def is_locked(self, key: str) -> bool:
        return key in self.locked

    @property
    def publish_dir(self) -> Path | None:
        value = self.values.get("publish_dir")
        return Path(value).expanduser() if value else None

    def check_unlocked(self, key: str) -> None:
        """Raise LockedSettingError when ``key`` is locked here."""
        if self.is_locked(key):
            raise LockedSettingError(
                _(
                    "The setting '{key}' is locked by your newsroom's system configuration "
                    "({path}). Ask your IT department to change it there."
                ).format(key=key, path=self.path)
            )


def system_config_path() -> Path:
    """The system file for this platform, or the one ``REDAKSI_SYSTEM_CONFIG`` names."""
    override = os.environ.get(SYSTEM_CONFIG_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / "Redaksi" / "config.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Redaksi/config.toml")
    return Path("/etc/redaksi/config.toml")


def load_system_config(path: Path | None = None) -> SystemConfig:
    """The checked system configuration; never raises (problems are in ``.problems``)."""
    path = path if path is not None else system_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SystemConfig(path=path)
    except (OSError, UnicodeDecodeError) as error:
        problem = _(
            "The system configuration {path} cannot be read: {error}; the defaults are used."
        ).format(path=path, error=error)
        return SystemConfig(path=path, problems=(problem,))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)  # Python 3.14+; the message names it anyway
        where = _("{path}, line {line}").format(path=path, line=line) if line else str(path)
        problem = _(
            "The system configuration {where} is not valid TOML: {error}. All of it is "
            "ignored and the defaults are used until IT fixes that line (values need "
            'quotes: zone = "Asia/Jakarta").'
        ).format(where=where, error=error)
        return SystemConfig(path=path, problems=(problem,))
    return _checked(path, data)


def _checked(path: Path, data: dict[str, object]) -> SystemConfig:
    # Imported here: userconfig imports this module for its layering.
    from editor.userconfig import check_setting_value

    problems: list[str] = []
    values: dict[str, str] = {}
    for key, value in data.items():
        if key in STRUCTURE_KEYS:
            continue
        if key not in PRESET_KEYS:
            known = ", ".join(PRESET_KEYS + STRUCTURE_KEYS)
            problems.append(
                _("{path}: unknown setting '{key}' ignored; known keys are {known}.").format(
                    path=path, key=key, known=known
                )
            )
        elif not isinstance(value, str):
            problems.append(
                _('{path}: {key} must be a quoted string, like {key} = "…"; ignored.').format(
                    path=path, key=key
                )
            )
        elif key == "publish_dir":
            values[key] = value
        else:
            try:
                values[key] = check_setting_value(key, value)
            except ValidationError as error:
                problems.append(
                    _("{path}: {error} The default is used instead.").format(path=path, error=error)
                )
    sections = _string_list(path, data, "sections", problems)
    locked = _string_list(path, data, "locked", problems)
    for key in locked:
        if key not in PRESET_KEYS:
            problems.append(
                _(
                    "{path}: locked names '{key}', which is not a setting; lockable settings "
                    "are {preset_keys}."
                ).format(path=path, key=key, preset_keys=", ".join(PRESET_KEYS))
            )
    return SystemConfig(
        path=path,
        values=values,
        sections=tuple(_section_paths(sections)),
        locked=frozenset(key for key in locked if key in PRESET_KEYS),
        problems=tuple(problems),
    )


def _string_list(path: Path, data: dict[str, object], key: str, problems: list[str]) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.append(
            _(
                '{path}: {key} must be a list of quoted names, like {key} = ["Berita"]; ignored.'
            ).format(path=path, key=key)
        )
        return []
    return [item.strip() for item in value if item.strip()]


def _section_paths(sections: list[str]) -> list[str]:
    """Every listed path with its ancestors before it, each once: "A/B" brings "A" too."""
    ordered: list[str] = []
    for entry in sections:
        parts = [part.strip() for part in entry.split("/") if part.strip()]
        for depth in range(1, len(parts) + 1):
            prefix = "/".join(parts[:depth])
            if prefix not in ordered:
                ordered.append(prefix)
    return ordered


def apply_system_presets(db: Database, config: SystemConfig | None = None) -> list[str]:
    """Create the preset sections the database lacks; the paths created, parents first.

    ``config`` defaults to the system file of this machine (load_system_config()).

    Cheap when there is nothing to do, so the CLI and the GUI call it on every open.
    Existing sections are matched by slug path ("Berita/Dunia" is "berita/dunia"), so a
    section renamed by an editor but keeping its slug is not created twice.
    """
    if config is None:
        config = load_system_config()
    if not config.sections:
        return []
    from editor.sections import create_section, list_sections
    from editor.slugs import slugify

    by_path = {section.path: section.id for section in list_sections(db)}
    created: list[str] = []
    for entry in config.sections:
        names = entry.split("/")
        slug_path = "/".join(slugify(name) for name in names)
        if slug_path in by_path:
            continue
        parent_path = slug_path.rpartition("/")[0]
        parent_id = by_path.get(parent_path) if parent_path else None
        record = create_section(db, names[-1], parent_id=parent_id)
        by_path[record.path] = record.id
        if record.path != slug_path:  # a slug clash renamed it: remember both spellings
            by_path[slug_path] = record.id
        created.append(entry)
    return created
