"""The app against a real newsroom server: the sync tests' server and newsroom (one per
module, on a real PostgreSQL), no system keyring, and app windows on replicas."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.sync.conftest import (  # noqa: F401  (fixtures, found by name)
    _module_server,
    _no_keyring,
    newsroom,
    newsroom_url,
    server,
)
from tests.ui.sync.windows import close_windows
from ui.main_window import MainWindow


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    """The app windows a test opened (``open_window``), closed after it."""
    opened: list[MainWindow] = []
    yield opened
    close_windows(opened)
