"""The system-wide configuration newsroom IT installs beside Redaksi.

One TOML file per machine presets what every user on it starts with, and can lock any of
those settings so users cannot change them::

    database_url = "postgresql://redaksi.kantor.lan/redaksi"
    zone = "Asia/Makassar"
    site_name = "Kabar Timur"
    base_url = "https://kabartimur.id"
    publish_dir = "/srv/www/kabartimur"
    site_logo = "/etc/redaksi/logo.png"
    site_icon = "/etc/redaksi/icon.png"
    sections = ["Berita", "Berita/Dunia", "Olahraga"]
    language = "id"
    locked = ["database_url", "zone"]

``language`` ("id" or "en") is the interface language a first start uses instead of asking;
locked, users cannot choose another.

Where it lives: ``/etc/redaksi/config.toml`` (Linux), ``%PROGRAMDATA%\\Redaksi\\config.toml``
(Windows), ``/Library/Application Support/Redaksi/config.toml`` (macOS). The
``REDAKSI_SYSTEM_CONFIG`` environment variable names another file (tests, trials).

Layering (editor.userconfig applies it): defaults, then this file, then the user's own
file for every key IT left unlocked.

A file that is there but cannot be used (unreadable, not TOML, not a regular file, a
``locked`` list that is not a list, a locked setting with a bad value) fails closed:
``SystemConfig.damage`` says why, with the path and line, every key counts as locked, and
``require_usable`` refuses to go on. Starting with the defaults instead would unlock
everything IT locked and point reporters at a private, empty database. Smaller mistakes
(an unknown key, a bad value IT did not lock) are reported and that part is ignored.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor.errors import RedaksiError, ValidationError
from editor.i18n import _

if TYPE_CHECKING:
    from editor.database import Database

SYSTEM_CONFIG_ENV = "REDAKSI_SYSTEM_CONFIG"
#: A system file is a few lines; anything bigger is not one (and is not read into memory).
MAX_SYSTEM_CONFIG_BYTES = 1 << 20
#: Settings the system file may preset (and lock). ``publish_dir`` has no user setting.
PRESET_KEYS = (
    "database_url",
    "zone",
    "site_name",
    "base_url",
    "publish_dir",
    "site_logo",
    "site_icon",
    "language",
)
#: Interface languages the system file may preset.
LANGUAGES = ("id", "en")
#: Preset keys that are paths on the publishing machine, kept as written (no user setting).
PATH_KEYS = ("publish_dir", "site_logo", "site_icon")
#: Keys with a meaning of their own in the system file.
STRUCTURE_KEYS = ("sections", "locked")


class LockedSettingError(ValidationError):
    """A user tried to change a setting that the system configuration locks."""


class SystemConfigError(RedaksiError):
    """The system configuration exists but cannot be used; nothing may go on without it."""


@dataclass(frozen=True)
class SystemConfig:
    """What the system file says, already checked; empty when there is no file."""

    path: Path
    #: Preset values by key (only keys in PRESET_KEYS, all strings).
    values: Mapping[str, str] = field(default_factory=dict)
    #: Section paths to create on first open, parent first: ("Berita", "Berita/Dunia").
    sections: tuple[str, ...] = ()
    locked: frozenset[str] = frozenset()
    #: One message per ignored part of a usable file.
    problems: tuple[str, ...] = ()
    #: Why the file cannot be used at all (path, line, what to do); None when it can.
    damage: str | None = None

    def is_locked(self, key: str) -> bool:
        """Whether users may not change ``key``: every key is, while the file is damaged."""
        return self.damage is not None or key in self.locked

    def require_usable(self) -> None:
        """Raise SystemConfigError when the file is damaged (see the module docstring)."""
        if self.damage is not None:
            raise SystemConfigError(self.damage)

    @property
    def publish_dir(self) -> Path | None:
        value = self.values.get("publish_dir")
        return Path(value).expanduser() if value else None

    def check_unlocked(self, key: str) -> None:
        """Raise LockedSettingError when ``key`` is locked here (SystemConfigError when the
        file is damaged)."""
        self.require_usable()
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
    """The checked system configuration; never raises (see ``damage`` and ``problems``)."""
    path = path if path is not None else system_config_path()
    try:
        text = _read_bounded(path)
    except FileNotFoundError as error:
        if not os.path.lexists(path):
            return SystemConfig(path=path)  # no system configuration on this machine
        # A link to a share that is not mounted, a file config management removed: IT
        # meant a file to be there.
        return SystemConfig(path=path, damage=_damage(str(path), str(error)))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return SystemConfig(path=path, damage=_damage(str(path), str(error)))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None)  # Python 3.14+; the message names it anyway
        where = _("{path}, line {line}").format(path=path, line=line) if line else str(path)
        reason = _(
            'it is not valid TOML: {error} (values need quotes: zone = "Asia/Jakarta")'
        ).format(error=error)
        return SystemConfig(path=path, damage=_damage(where, reason))
    return _checked(path, text, data)


def _read_bounded(path: Path) -> str:
    """The file's text, refusing what is not a small regular file.

    Opened without blocking and checked before reading, so a FIFO or a device named by
    REDAKSI_SYSTEM_CONFIG cannot hang the app and a huge file cannot fill its memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except OSError:
        os.close(descriptor)
        raise
    if not regular:
        os.close(descriptor)
        raise ValueError(_("it is not a regular file"))
    with os.fdopen(descriptor, "rb") as stream:
        data = stream.read(MAX_SYSTEM_CONFIG_BYTES + 1)
    if len(data) > MAX_SYSTEM_CONFIG_BYTES:
        raise ValueError(
            _("it is larger than {size} KiB").format(size=MAX_SYSTEM_CONFIG_BYTES // 1024)
        )
    return data.decode("utf-8")


#: The same guarded read for other small files IT puts beside the configuration.
read_bounded_text = _read_bounded


def _damage(where: str, reason: str) -> str:
    return _(
        "The system configuration {where} cannot be used: {reason}. Redaksi does not start "
        "without it, so that nothing it locks comes unlocked: ask your IT department to "
        "fix that file."
    ).format(where=where, reason=reason)


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is assigned at the top of the file, for messages."""
    assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if assignment.match(line):
            return number
    return None


def _where(path: Path, text: str, key: str) -> str:
    line = _line_of(text, key)
    return _("{path}, line {line}").format(path=path, line=line) if line else str(path)


def _checked(path: Path, text: str, data: dict[str, object]) -> SystemConfig:
    # Imported here: userconfig imports this module for its layering.
    from editor.userconfig import check_setting_value

    problems: list[str] = []
    #: The problem with each preset value that was ignored, by key.
    bad_values: dict[str, str] = {}
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
            bad_values[key] = _('{key} must be a quoted string, like {key} = "…"').format(key=key)
        elif key in PATH_KEYS:
            values[key] = value
        elif key == "language":
            if value in LANGUAGES:
                values[key] = value
            else:
                bad_values[key] = _('language must be "id" or "en", not "{value}"').format(
                    value=value
                )
        else:
            try:
                values[key] = check_setting_value(key, value)
            except ValidationError as error:
                bad_values[key] = str(error).rstrip(".")
    if not _is_string_list(data.get("locked", [])):
        reason = _('locked must be a list of quoted names, like locked = ["zone"]')
        return SystemConfig(path=path, damage=_damage(_where(path, text, "locked"), reason))
    locked = _string_list(path, data, "locked", problems)
    for key in locked:
        if key not in PRESET_KEYS:
            problems.append(
                _(
                    "{path}: locked names '{key}', which is not a setting; lockable settings "
                    "are {preset_keys}."
                ).format(path=path, key=key, preset_keys=", ".join(PRESET_KEYS))
            )
    for key, reason in bad_values.items():
        if key in locked:  # IT wants its value there, and users may not set another
            return SystemConfig(path=path, damage=_damage(_where(path, text, key), reason))
        problems.append(
            _("{path}: {reason}; ignored, the default is used instead.").format(
                path=path, reason=reason
            )
        )
    sections = _string_list(path, data, "sections", problems)
    return SystemConfig(
        path=path,
        values=values,
        sections=tuple(_section_paths(sections)),
        locked=frozenset(key for key in locked if key in PRESET_KEYS),
        problems=tuple(problems),
    )


def _is_string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _string_list(path: Path, data: dict[str, object], key: str, problems: list[str]) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not _is_string_list(value):
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
