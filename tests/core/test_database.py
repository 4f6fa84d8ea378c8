"""Opening databases: damaged, foreign, newer, locked and older files, and server URLs.

The promise under test (docs/architecture.md §2): a database Redaksi cannot use is refused with a
clear message and left exactly as it was; an older one is backed up before it is upgraded.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import socket
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from editor.articles import create_article, get_article
from editor.database import (
    _alembic_config,
    create_database_engine,
    head_revision,
    normalise_url,
    open_database,
)
from editor.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NewerSchemaError,
)
from editor.records import ArticleDraft


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes: "unchanged" means this is equal."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def make_newsroom_file(path: Path, articles: int = 1) -> None:
    """A real Redaksi database with some text in it, closed again."""
    db = open_database(f"sqlite:///{path}")
    for number in range(articles):
        create_article(db, ArticleDraft(headline=f"Berita {number}", body="Isi berita. " * 200))
    db.close()


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


# --- damaged files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(random.Random(7).randbytes(8192), id="random-bytes"),
        pytest.param(b"\n", id="newline-only-text"),
        pytest.param(b"Catatan rapat redaksi, Jum'at pagi.\n", id="text-notes"),
        pytest.param(b"SQLite format 3\x00\x10\x00", id="header-cut-short"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "newsroom.db"
    path.write_bytes(content)
    before = folder_state(tmp_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(url_of(path))
    message = str(caught.value)
    assert str(path) in message
    assert "not changed" in message and "backup" in message
    assert folder_state(tmp_path) == before


def test_a_truncated_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    make_newsroom_file(path, articles=30)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = folder_state(tmp_path)
    with pytest.raises(CorruptDatabaseError, match="cut short"):
        open_database(url_of(path))
    assert folder_state(tmp_path) == before


def test_a_garbled_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    make_newsroom_file(path, articles=30)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Keep the first page (header and schema) intact; scramble every page after it.
    noise = random.Random(11).randbytes(len(data) - page_size)
    data[page_size:] = noise
    path.write_bytes(bytes(data))
    before = folder_state(tmp_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(url_of(path))
    assert "not changed" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_a_folder_in_place_of_the_file_gets_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "newsroom.db").mkdir()
    with pytest.raises(DatabaseError, match="folder"):
        open_database(url_of(tmp_path / "newsroom.db"))


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    # SQLite treats a zero-byte file as an empty database; "touch newsroom.db" is fine.
    path = tmp_path / "newsroom.db"
    path.touch()
    db = open_database(url_of(path))
    try:
        assert create_article(db, ArticleDraft(headline="Pertama")).headline == "Pertama"
    finally:
        db.close()


def test_missing_file_without_create_is_refused_and_not_made(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "newsroom.db"
    with pytest.raises(DatabaseError, match="no database"):
        open_database(url_of(path), create=False)
    assert not path.exists()


# --- foreign and newer databases -------------------------------------------------------


def test_a_foreign_sqlite_database_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as foreign:  # default rollback journal, not WAL
        foreign.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        foreign.execute("INSERT INTO contacts VALUES ('Budi', '0812')")
    foreign.close()
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseError, match="not Redaksi's") as caught:
        open_database(url_of(path))
    assert "contacts" in str(caught.value)
    assert folder_state(tmp_path) == before


def test_another_programs_alembic_database_is_not_called_newer_redaksi(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as foreign:
        foreign.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        foreign.execute("INSERT INTO alembic_version VALUES ('a1b2c3d4')")
        foreign.execute("CREATE TABLE invoices (id INTEGER)")
    foreign.close()
    before = folder_state(tmp_path)
    with pytest.raises(DatabaseError, match="another program") as caught:
        open_database(url_of(path))
    assert not isinstance(caught.value, NewerSchemaError)
    assert folder_state(tmp_path) == before


def _stamp(url: str, revision: str) -> None:
    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    engine.dispose()


def test_a_newer_schema_is_refused_unchanged_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    make_newsroom_file(path)
    _stamp(url_of(path), "9999_from_the_future")
    before = folder_state(tmp_path)
    with pytest.raises(NewerSchemaError) as caught:
        open_database(url_of(path))
    message = str(caught.value)
    assert "9999_from_the_future" in message and "newer Redaksi" in message
    assert "not changed" in message
    assert folder_state(tmp_path) == before


def _schema(url: str) -> tuple[list[str], list[tuple[str, ...]]]:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            versions = [tuple(r) for r in connection.execute(text("SELECT * FROM alembic_version"))]
        return tables, versions
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_newer_schema_is_refused_unchanged_postgresql(pg_url: str) -> None:
    open_database(pg_url).close()
    _stamp(pg_url, "9999_from_the_future")
    before = _schema(pg_url)
    with pytest.raises(NewerSchemaError, match="newer Redaksi"):
        open_database(pg_url)
    assert _schema(pg_url) == before


@pytest.mark.postgres
def test_foreign_tables_on_postgresql_are_refused_untouched(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE contacts (name TEXT)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not Redaksi's"):
        open_database(pg_url)
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["contacts"]
    engine.dispose()


# --- locks -----------------------------------------------------------------------------


def test_a_locked_database_is_reported_as_locked_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    make_newsroom_file(path)
    before = folder_state(tmp_path)
    # Another program holding an exclusive lock: in WAL mode only exclusive locking mode
    # keeps readers out, so that is what the other connection asks for.
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("SELECT count(*) FROM articles").fetchall()
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(url_of(path), busy_timeout=0.2)
        assert "locked by another program" in str(caught.value)
        assert "Nothing was changed" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert folder_state(tmp_path) == before
    # Once the other program lets go, the same file opens normally.
    open_database(url_of(path)).close()


# --- older databases: backup, then upgrade ---------------------------------------------


WORKING_UPGRADE = (
    'op.create_table("test_only_marker", sa.Column("id", sa.Integer(), primary_key=True))'
)
# Changes the schema, then fails: what a buggy migration in a future release would do.
FAILING_UPGRADE = (
    WORKING_UPGRADE + '\n    raise RuntimeError("test-only migration failed half way")'
)


def _migrations_with_one_more_revision(folder: Path, upgrade: str = WORKING_UPGRADE) -> Path:
    """The shipped migrations plus one test-only revision after today's head.

    A database made by today's code is then "older" than these scripts, which is exactly
    what a user meets after installing an update. Stacking on the real head keeps this
    honest as real migrations are added.
    """
    source = Path(str(resources.files("editor") / "migrations"))
    target = folder / "migrations"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9001_test_only.py").write_text(
        f'''"""test-only revision after the shipped head"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    {upgrade}


def downgrade() -> None:
    op.drop_table("test_only_marker")
''',
        encoding="utf-8",
    )
    return target


def _read(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def _tables(path: Path) -> set[str]:
    return {str(r[0]) for r in _read(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def test_an_older_database_is_backed_up_before_the_upgrade(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "newsroom.db"
    db = open_database(url_of(path))
    article = create_article(db, ArticleDraft(headline="Sebelum pembaruan", body="Teks lama."))
    db.close()
    migrations = _migrations_with_one_more_revision(tmp_path)

    db = open_database(url_of(path), migrations_dir=migrations)
    try:
        assert get_article(db, article.id).body == "Teks lama."
        backup = db.backup_path
    finally:
        db.close()

    assert backup is not None and backup.parent == data
    assert head_revision() in backup.name
    # The backup is the database as it was before the upgrade ...
    assert _read(backup, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert "test_only_marker" not in _tables(backup)
    assert _read(backup, "SELECT headline FROM articles") == [("Sebelum pembaruan",)]
    # ... and the database itself went on to the new head.
    assert _read(path, "SELECT version_num FROM alembic_version") == [("9001",)]
    assert "test_only_marker" in _tables(path)
    assert not list(data.glob("*.partial"))


def test_a_failed_upgrade_is_rolled_back_and_names_the_copy_from_before(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "newsroom.db"
    db = open_database(url_of(path))
    create_article(db, ArticleDraft(headline="Jangan hilang", body="Teks penting."))
    db.close()
    migrations = _migrations_with_one_more_revision(tmp_path, FAILING_UPGRADE)

    for _attempt in range(3):
        with pytest.raises(DatabaseError, match="rolled back") as caught:
            open_database(url_of(path), migrations_dir=migrations)
    message = str(caught.value)
    assert "failed half way" in message
    assert _read(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert "test_only_marker" not in _tables(path)
    assert _read(path, "SELECT headline FROM articles") == [("Jangan hilang",)]
    # Three tries, one copy, and the message names it.
    backups = list(data.glob("*.bak"))
    assert len(backups) == 1 and str(backups[0]) in message
    assert _read(backups[0], "SELECT headline FROM articles") == [("Jangan hilang",)]
    assert "oldest copy" not in message
    # Today's Redaksi still opens it.
    open_database(url_of(path)).close()


def test_a_database_an_earlier_version_left_half_upgraded_points_at_the_first_copy(
    tmp_path: Path,
) -> None:
    """Before upgrades ran in one transaction, a crash could leave a new table in place
    under the old revision, and every try after that failed and copied the broken file."""
    data = tmp_path / "data"
    data.mkdir()
    path = data / "newsroom.db"
    make_newsroom_file(path)
    migrations = _migrations_with_one_more_revision(tmp_path)
    first = data / f"newsroom.db.{head_revision()}.20261201T080000Z.bak"
    shutil.copy(path, first)  # the copy an earlier version made before its first try
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE test_only_marker (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()

    with pytest.raises(DatabaseError, match="already exists") as caught:
        open_database(url_of(path), migrations_dir=migrations)
    message = str(caught.value)
    assert f"oldest copy from before an upgrade of this schema is {first}" in message
    assert len(list(data.glob("*.bak"))) == 2


def test_a_failed_upgrade_of_a_new_file_leaves_no_file(tmp_path: Path) -> None:
    migrations = _migrations_with_one_more_revision(tmp_path, FAILING_UPGRADE)
    path = tmp_path / "data" / "newsroom.db"
    with pytest.raises(DatabaseError, match="No database was created"):
        open_database(url_of(path), migrations_dir=migrations)
    assert list(path.parent.iterdir()) == []


@pytest.mark.postgres
def test_a_failed_upgrade_on_postgresql_is_rolled_back(pg_url: str, tmp_path: Path) -> None:
    open_database(pg_url).close()
    before = _schema(pg_url)
    migrations = _migrations_with_one_more_revision(tmp_path, FAILING_UPGRADE)
    with pytest.raises(DatabaseError, match="rolled back"):
        open_database(pg_url, migrations_dir=migrations)
    assert _schema(pg_url) == before


def test_upgrading_from_the_first_shipped_revision_keeps_a_backup(tmp_path: Path) -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    first = script.get_base()
    if first == script.get_current_head():
        pytest.skip("only one shipped revision: covered by the test-only migration above")
    path = tmp_path / "newsroom.db"
    engine = create_database_engine(url_of(path))
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, str(first))
    engine.dispose()

    db = open_database(url_of(path))
    try:
        assert db.backup_path is not None
        assert _read(db.backup_path, "SELECT version_num FROM alembic_version") == [(first,)]
    finally:
        db.close()
    assert _read(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


def test_opening_a_current_database_writes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    make_newsroom_file(path)
    db = open_database(url_of(path))
    db.close()
    assert db.backup_path is None
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


# --- connection settings ---------------------------------------------------------------


def test_sqlite_runs_in_wal_mode_with_foreign_keys_enforced(sqlite_db) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(IntegrityError), sqlite_db.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO article_bodies (article_id, markdown) VALUES (:id, '')"),
            {"id": "00000000000000000000000000000000"},
        )


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql://", "postgres://"])
def test_a_plain_postgresql_url_uses_psycopg_3(pg_url: str, scheme: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", scheme, 1)
    db = open_database(plain)
    try:
        assert db.dialect == "postgresql"
        assert db.url.startswith("postgresql+psycopg://")
        assert create_article(db, ArticleDraft(headline="Server")).headline == "Server"
    finally:
        db.close()


def test_a_postgresql_server_that_is_down_gets_a_clear_message() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port once the probe socket is closed.
    with pytest.raises(DatabaseError) as caught:
        open_database(f"postgresql://redaksi@127.0.0.1:{port}/newsroom")
    message = str(caught.value)
    assert f"127.0.0.1:{port}" in message
    assert "running" in message and "--db" in message
    assert type(caught.value) is DatabaseError


def test_two_windows_can_have_the_same_file_open(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.db"
    first = open_database(url_of(path))
    try:
        article = create_article(first, ArticleDraft(headline="Bersama", body="satu"))
        second = open_database(url_of(path), busy_timeout=1.0)
        try:
            assert get_article(second, article.id).headline == "Bersama"
            assert second.backup_path is None
        finally:
            second.close()
        # The second window closing must not disturb the first one's files.
        assert get_article(first, article.id).body == "satu"
    finally:
        first.close()


def test_schema_head_constant_is_alembics_head() -> None:
    from editor.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_a_clean_close_vouches_for_the_file_until_it_changes(sqlite_url: str) -> None:
    from editor.database import sqlite_path
    from editor.sqlite_clean_close import closed_cleanly

    path = sqlite_path(sqlite_url)
    assert path is not None
    open_database(sqlite_url).close()
    assert closed_cleanly(path)
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size - 10)
        handle.write(b"garbage!!!")
    assert not closed_cleanly(path)


def test_a_file_closed_cleanly_opens_without_the_full_scan(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan reads every page (seconds at 100,000 articles): a file Redaksi closed
    cleanly and nobody touched since is opened without it."""
    import sqlite3

    from editor import database

    open_database(sqlite_url).close()
    statements: list[str] = []
    real_connect = sqlite3.connect

    def traced(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(database.sqlite3, "connect", traced)
    open_database(sqlite_url).close()
    assert not any("quick_check" in statement for statement in statements)
