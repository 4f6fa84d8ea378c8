"""The storage tests' PostgreSQL fallback: a private server when none answers.

CI machines and fresh checkouts often have the PostgreSQL binaries but no running server;
these tests take that path on purpose, even where a server is running, so it cannot rot.
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
import uuid
from pathlib import Path

import psycopg
import pytest

from editor.articles import create_article
from editor.database import open_database
from editor.records import ArticleDraft
from editor.search import search_articles
from tests import pg_server


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"postgresql://postgres@127.0.0.1:{port}/test"


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.postgres
def test_a_private_server_is_started_used_and_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    if pg_server._binaries() is None:
        if os.environ.get("REDAKSI_REQUIRE_PG"):
            pytest.fail("PostgreSQL binaries are required here but not installed")
        pytest.skip("no PostgreSQL binaries installed")
    nowhere = _closed_port_url()
    monkeypatch.setenv("REDAKSI_TEST_PG", nowhere)

    with pg_server.postgres_server() as admin_url:
        assert admin_url is not None, getattr(pg_server.postgres_server, "why_none", "")
        assert admin_url.rsplit("/", 1)[0] != nowhere.rsplit("/", 1)[0]
        with psycopg.connect(admin_url, autocommit=True) as conn:
            data_dir = Path(str(conn.execute("SHOW data_directory").fetchone()[0]))
            conn.execute('CREATE DATABASE "redaksi_private"')
        server_pid = int((data_dir / "postmaster.pid").read_text().split()[0])
        assert _running(server_pid)

        # A plain postgresql:// URL, as a user would type it.
        db = open_database(pg_server.with_database(admin_url, "redaksi_private"))
        try:
            assert db.dialect == "postgresql"
            article = create_article(db, ArticleDraft(headline="Server pribadi", body="Uji."))
            assert [hit.id for hit in search_articles(db, "pribadi")] == [article.id]
        finally:
            db.close()

    assert not data_dir.exists()
    assert not data_dir.parent.exists()
    assert not _running(server_pid)
    assert not pg_server._answers(admin_url)


def test_a_failed_start_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    initdb = bin_dir / "initdb"
    initdb.write_text("#!/bin/sh\necho 'initdb: disk full' >&2\nexit 1\n")
    initdb.chmod(initdb.stat().st_mode | stat.S_IXUSR)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    # The stand-in initdb runs as whoever runs the tests; no switch to the postgres user.
    monkeypatch.setattr(pg_server, "_as_postgres_user", lambda: [])

    with (
        pytest.raises(pg_server.PrivateServerError, match="disk full"),
        pg_server.private_server(bin_dir),
    ):
        pass  # pragma: no cover - never reached
    assert list(scratch.iterdir()) == []


def test_no_server_and_no_binaries_gives_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDAKSI_TEST_PG", _closed_port_url())
    monkeypatch.setattr(pg_server, "_binaries", lambda: None)
    with pg_server.postgres_server() as url:
        assert url is None
    assert "apt-get install postgresql" in pg_server.postgres_server.why_none


def test_with_database_names_another_database_on_the_same_server() -> None:
    name = f"redaksi_{uuid.uuid4().hex[:6]}"
    url = pg_server.with_database("postgresql://postgres@127.0.0.1:5555/postgres", name)
    assert url == f"postgresql://postgres@127.0.0.1:5555/{name}"
