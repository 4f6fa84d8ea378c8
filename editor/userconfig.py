"""The user's own settings: ``config.toml`` in the platformdirs config folder for Redaksi.

The file is small and flat::

    database_url = "postgresql://newsroom.example/redaksi"
    zone = "Asia/Makassar"
    site_name = "Kabar Timur"
    base_url = "https://kabartimur.id"

Reading never fails: a damaged file is reported (file and line) and the defaults are used,
so the app still starts. Writing is atomic and keeps the rest of the file (comments too).
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import user_config_path

from editor.config import APP_NAME, Settings
from editor.errors import ValidationError
from editor.i18n import _
from editor.sysconfig import load_system_config

CONFIG_FILE_NAME = "config.toml"
#: The keys a user may set; all are strings.
SETTING_KEYS = ("database_url", "zone", "site_name", "base_url")
BRAND_KEYS = ("site_logo", "site_icon")
_TOML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_TOML_ESCAPES["\r"] = "\\r"
_TABLE_HEADER = re.compile(r"^\s*\[")


def config_path() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / CONFIG_FILE_NAME


def normalize_database_url(url: str) -> str:
    """Accept what people type: a plain file path, or ``postgresql://`` without a driver."""
    url = url.strip()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def check_zone(zone: str) -> str:
    """The zone unchanged if it is a real IANA zone, else a ValidationError that says what to do."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _(
                "Unknown time zone '{zone}'. Use an IANA zone name such as Asia/Jakarta "
                "(WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)."
            ).format(zone=zone)
        ) from error
    return zone


def _check_value(key: str, value: str) -> str:
    if key not in SETTING_KEYS:
        raise ValidationError(
            _("Unknown setting '{key}'. Known settings: {setting_keys}.").format(
                key=key, setting_keys=", ".join(SETTING_KEYS)
            )
        )
    if key == "zone":
        return check_zone(value.strip())
    if key == "base_url" and not value.startswith(("http://", "https://")):
        raise ValidationError(
            _(
                "base_url '{value}' must start with http:// or https:// (e.g. https://kabar.id)."
            ).format(value=value)
        )
    if key in ("database_url", "site_name") and not value.strip():
        raise ValidationError(_("{key} cannot be empty.").format(key=key))
    return value


#: The same check under a public name, for the system-wide layer (editor.sysconfig).
check_setting_value = _check_value


def _read_file(path: Path) -> dict[str, object]:
    """Parsed file contents; raises ValidationError naming the file and line when damaged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(
            _("Cannot read the settings file {path}: {error}.").format(path=path, error=error)
        ) from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # The decoder's message already ends with "(at line N, column M)".
        raise ValidationError(
            _(
                "The settings file {path} is not valid TOML: {error}. Fix that line "
                '(values need quotes: zone = "Asia/Jakarta") or delete the file.'
            ).format(path=path, error=error)
        ) from error


def load_settings_with_problems(database_url: str | None = None) -> tuple[Settings, list[str]]:
    """Settings from the system-wide file, then the user config file, and a message for
    every part that was ignored.

    ``database_url`` (from ``--db``) wins over both files, unless the system file locks it.
    A user value for a key the system file locks is ignored with a message. A damaged
    system file raises SystemConfigError (editor.sysconfig): nothing starts without it.
    """
    system = load_system_config()
    system.require_usable()
    path = config_path()
    problems: list[str] = list(system.problems)
    try:
        data = _read_file(path)
    except ValidationError as error:
        data = {}
        problems.append(_("{error} Using the default settings for now.").format(error=error))
    values = {key: value for key, value in system.values.items() if key in SETTING_KEYS}
    # The site's logo and icon are the newsroom's: only the system file names them.
    values.update((key, system.values[key]) for key in BRAND_KEYS if key in system.values)
    for key, value in data.items():
        if key in SETTING_KEYS and system.is_locked(key):
            problems.append(
                _(
                    "{path}: {key} is locked by the system configuration {system_file}; your value "
                    "is ignored."
                ).format(path=path, key=key, system_file=system.path)
            )
        elif key not in SETTING_KEYS:
            problems.append(
                _(
                    "{path}: unknown setting '{key}' ignored; known settings are {setting_keys}."
                ).format(path=path, key=key, setting_keys=", ".join(SETTING_KEYS))
            )
        elif not isinstance(value, str):
            problems.append(
                _('{path}: {key} must be a quoted string, like {key} = "…"; ignored.').format(
                    path=path, key=key
                )
            )
        else:
            try:
                values[key] = _check_value(key, value)
            except ValidationError as error:
                problems.append(
                    _("{path}: {error} The default is used instead.").format(path=path, error=error)
                )
    if database_url is not None and system.is_locked("database_url"):
        problems.append(
            _(
                "--db {database_url} ignored: the database is locked by the system "
                "configuration {path}."
            ).format(database_url=database_url, path=system.path)
        )
    elif database_url is not None:
        values["database_url"] = database_url
    if "database_url" in values:
        values["database_url"] = normalize_database_url(values["database_url"])
    return dataclasses.replace(Settings(), **values), problems


def load_settings(database_url: str | None = None) -> Settings:
    return load_settings_with_problems(database_url)[0]


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string."""
    out = []
    for char in value:
        if char in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _with_setting(text: str, key: str, value: str) -> str:
    """``text`` with ``key`` set: its line replaced in place, else added before any table."""
    line = f"{key} = {toml_string(value)}"
    lines = text.splitlines()
    assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for index, existing in enumerate(lines):
        if _TABLE_HEADER.match(existing):
            lines.insert(index, line)
            break
        if assignment.match(existing):
            lines[index] = line
            break
    else:
        lines.append(line)
    return "\n".join(lines) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then swap it in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX only)
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _parsed_or_none(text: str) -> dict[str, object] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def save_user_setting(key: str, value: str) -> None:
    """Set one key in the user config file, keeping everything else in it.

    A damaged file is never overwritten (it may hold the user's only copy of something):
    the ValidationError says which line to fix.
    """
    value = _check_value(key, value)
    load_system_config().check_unlocked(key)
    path = config_path()
    data = _read_file(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    updated = _with_setting(text, key, value)
    expected = {**data, key: value}
    if _parsed_or_none(updated) != expected:
        # An unusual layout (a multi-line value, say) defeated the line edit: write the
        # settings out plainly rather than risk a file that means something else.
        flat = {k: v for k, v in expected.items() if isinstance(v, str)}
        if flat != expected:
            raise ValidationError(
                _(
                    "Cannot update {path} safely: it holds more than flat settings. Set "
                    "{key} by editing the file."
                ).format(path=path, key=key)
            )
        updated = "".join(f"{k} = {toml_string(v)}\n" for k, v in flat.items())
    write_atomically(path, updated)
