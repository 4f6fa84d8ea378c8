"""The app against a real newsroom server: the sync tests' server and newsroom (one per
module, on a real PostgreSQL), no system keyring, and app windows on replicas."""

from __future__ import annotations

from tests.sync.conftest import (  # noqa: F401  (fixtures, found by name)
    _module_server,
    _no_keyring,
    newsroom,
    newsroom_url,
    server,
)
