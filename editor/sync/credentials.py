"""Where a client keeps its token: the system keyring, else a private file.

The keyring (``keyring``: Secret Service, macOS Keychain, Windows Credential Locker) is
used where a backend exists. Elsewhere (a server without a desktop session, a minimal
install) the token goes to ``tokens.json`` in the user's config folder, readable by the
user alone (0600), and ``store_token`` says so, so the command can tell the person once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_path

from editor.config import APP_NAME

SERVICE = "Redaksi newsroom"
TOKEN_FILE = "tokens.json"


def _key(server_url: str, handle: str) -> str:
    return f"{handle}@{server_url}"


def token_file() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / TOKEN_FILE


def _read_file() -> dict[str, str]:
    try:
        data = json.loads(token_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(tokens: dict[str, str]) -> None:
    path = token_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    # Created private: the token never sits in a file others can read, not even briefly.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(tokens, handle, indent=1, sort_keys=True)
    os.chmod(partial, 0o600)
    partial.replace(path)


def _keyring_set(key: str, token: str) -> bool:
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, key, token)
            return keyring.get_password(SERVICE, key) == token
        except KeyringError:
            return False
    except Exception:  # a broken backend (no D-Bus session...) is no keyring
        return False


def store_token(server_url: str, handle: str, token: str) -> Path | None:
    """Keep the token; returns the file used when no keyring could take it, else None."""
    key = _key(server_url, handle)
    if _keyring_set(key, token):
        return None
    tokens = _read_file()
    tokens[key] = token
    _write_file(tokens)
    return token_file()


def load_token(server_url: str, handle: str) -> str | None:
    key = _key(server_url, handle)
    try:
        import keyring

        found = keyring.get_password(SERVICE, key)
        if found:
            return found
    except Exception:  # no usable keyring: the file, if any, has it
        pass
    return _read_file().get(key)


def forget_token(server_url: str, handle: str) -> None:
    key = _key(server_url, handle)
    try:
        import keyring

        keyring.delete_password(SERVICE, key)
    except Exception:  # nothing stored there, or no keyring
        pass
    tokens = _read_file()
    if tokens.pop(key, None) is not None:
        _write_file(tokens)
