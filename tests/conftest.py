"""Shared fixtures: every test gets fresh data folders and databases in a temp folder."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

# Qt must never try to open a display in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg
import pytest

from editor.config import Settings
from editor.database import Database, open_database
from tests.pg_server import DatabaseDropper, postgres_server, with_database


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test may read or write the real user's data or config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # Nor the machine's system-wide config (/etc/redaksi/config.toml): none, unless a test sets one.
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(home / "system-config.toml"))
    # Nor the machine's language: the core's messages follow the locale when nothing else
    # chooses, and the tests expect English unless they choose Indonesian themselves.
    for key in ("REDAKSI_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str | None]:
    with postgres_server() as url:
        yield url


@pytest.fixture(scope="session")
def _pg_dropper(pg_admin_url: str | None) -> Iterator[DatabaseDropper | None]:
    """Drops finished test databases off the tests' path; done before the server stops."""
    if pg_admin_url is None:
        yield None
        return
    dropper = DatabaseDropper(pg_admin_url)
    yield dropper
    dropper.close()


def _fresh_pg_database(admin_url: str | None, request: pytest.FixtureRequest) -> Iterator[str]:
    if admin_url is None:
        reason = getattr(postgres_server, "why_none", "no PostgreSQL server")
        if os.environ.get("REDAKSI_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required here but unavailable: {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    dropper = request.getfixturevalue("_pg_dropper")
    name = f"redaksi_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(admin_url, name).replace("postgresql://", "postgresql+psycopg://", 1)
    finally:
        dropper.drop(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'newsroom.db'}"


@pytest.fixture
def pg_url(pg_admin_url: str | None, request: pytest.FixtureRequest) -> Iterator[str]:
    yield from _fresh_pg_database(pg_admin_url, request)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend: storage tests run against both."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsroom.db'}"
    else:
        yield from _fresh_pg_database(request.getfixturevalue("pg_admin_url"), request)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def sqlite_db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    yield database
    database.close()


@pytest.fixture
def settings(sqlite_url: str) -> Settings:
    return Settings(database_url=sqlite_url)
