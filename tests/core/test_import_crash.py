"""kill -9 during an import: an article, its revision and the import's audit entry are
committed together, so no kill leaves an article whose current state no revision holds
or whose import the audit log does not tell; and a re-import repairs an article that an
older, interrupted import left without any revision.

The import runs in a real child process that SIGKILLs itself just before its n-th
writing commit reaches the database, for every n until the import completes: every point
between two units of work is tried, in creating and in updating articles.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from editor.database import Database, open_database
from editor.importer import import_paths
from editor.models import Article, AuditEntry, Revision

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")

#: Runs ``redaksi import`` and kills itself just before its n-th commit that wrote anything.
KILLER = """
import os, signal, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from editor.cli import main

url, folder, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
state = {"wrote": False, "commits": 0}

@event.listens_for(Engine, "before_cursor_execute")
def _note_writes(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
        state["wrote"] = True

@event.listens_for(Engine, "commit")
def _maybe_die(conn):
    if state["wrote"]:
        state["wrote"] = False
        state["commits"] += 1
        if state["commits"] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

sys.exit(main(["--db", url, "import", folder]))
"""
FILES = 4


def write_files(folder: Path, version: str) -> None:
    folder.mkdir(exist_ok=True)
    for number in range(FILES):
        (folder / f"berita-{number}.md").write_text(
            f"---\ntitle: Berita {number} {version}\nstatus: draft\n---\n\nIsi {version}.\n",
            encoding="utf-8",
        )


def unrevised(db: Database) -> list[str]:
    """Articles whose current version no revision holds (what a kill must never leave)."""
    with db.transaction() as session:
        latest = (
            select(Revision.article_id, func.max(Revision.article_version).label("version"))
            .group_by(Revision.article_id)
            .subquery()
        )
        rows = session.execute(
            select(Article.headline, Article.version, latest.c.version).outerjoin(
                latest, latest.c.article_id == Article.id
            )
        )
        return [headline for headline, version, kept in rows if kept != version]


def unaudited(db: Database) -> list[str]:
    """Articles whose imports (the "Imported from" revisions) and audit entries of an
    import differ in number: each import of an article must be in the audit log."""
    with db.transaction() as session:
        imports = dict(
            session.execute(
                select(Revision.article_id, func.count())
                .where(Revision.note.startswith("Imported from"))
                .group_by(Revision.article_id)
            ).all()
        )
        audited = dict(
            session.execute(
                select(AuditEntry.article_id, func.count())
                .where(AuditEntry.action == "import", AuditEntry.outcome == "done")
                .group_by(AuditEntry.article_id)
            ).all()
        )
        rows = session.execute(select(Article.id, Article.headline))
        return [
            headline
            for article_id, headline in rows
            if imports.get(article_id, 0) != audited.get(article_id, 0)
        ]


def run_until_done(template: Path, folder: Path, tmp_path: Path) -> list[int]:
    """Import ``folder`` into copies of ``template``, killed at each writing commit in turn;
    after each kill, check the copy and finish the import in-process. Returns kill points."""
    tmp_path.mkdir(exist_ok=True)
    killed_at: list[int] = []
    for kill_at in range(1, 50):
        copy = tmp_path / f"killed-{kill_at}.db"
        shutil.copyfile(template, copy)
        url = f"sqlite:///{copy}"
        child = subprocess.run(
            [sys.executable, "-c", KILLER, url, str(folder), str(kill_at)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if child.returncode != -signal.SIGKILL:
            assert child.returncode == 0, child.stderr
            return killed_at
        killed_at.append(kill_at)
        db = open_database(url)
        try:
            assert unrevised(db) == [], f"killed before writing commit {kill_at}"
            assert unaudited(db) == [], f"killed before writing commit {kill_at}"
            import_paths(db, [folder])  # the user runs the import again
            assert unrevised(db) == []
            assert unaudited(db) == []
            again = import_paths(db, [folder])
            assert (len(again.unchanged), again.problems) == (FILES, [])
        finally:
            db.close()
    raise AssertionError("the import never finished")


@pytest.mark.slow  # a child process per kill point
def test_kill_at_every_commit_of_an_import_leaves_every_article_with_its_revision(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "posts"
    write_files(folder, "pertama")
    empty = tmp_path / "empty.db"
    open_database(f"sqlite:///{empty}").close()

    created_kills = run_until_done(empty, folder, tmp_path)

    imported = tmp_path / "imported.db"
    shutil.copyfile(empty, imported)
    db = open_database(f"sqlite:///{imported}")
    assert len(import_paths(db, [folder]).created) == FILES
    db.close()
    write_files(folder, "kedua")  # every file changed: the next import updates them all

    updated_kills = run_until_done(imported, folder, tmp_path / "update")

    # New articles are written in batches (one commit for these few files); every update
    # is a commit of its own.
    assert len(created_kills) >= 1 and len(updated_kills) >= FILES


def test_reimport_repairs_an_article_an_interrupted_import_left_without_revision(
    sqlite_db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "posts"
    write_files(folder, "pertama")
    import_paths(sqlite_db, [folder])
    with sqlite_db.transaction() as session:  # what a kill between the two commits left
        session.execute(delete(Revision))
        # ... in the days when an import kept no fingerprint of its files.
        session.execute(update(Article).values(source_digest=None))

    report = import_paths(sqlite_db, [folder])

    assert len(report.updated) == FILES and report.unchanged == []
    assert unrevised(sqlite_db) == []
    assert len(import_paths(sqlite_db, [folder]).unchanged) == FILES


def test_articles_without_revision_that_no_import_made_are_left_alone(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from editor.exporter import export_markdown

    folder = tmp_path / "posts"
    write_files(folder, "pertama")
    import_paths(sqlite_db, [folder])
    out = tmp_path / "export"
    # One folder down, so the exported files' keys (site/berita-0.md) are not the ones
    # imported (berita-0.md), though the export names them by the same slug.
    export_markdown(sqlite_db, out / "site")
    with sqlite_db.transaction() as session:
        session.execute(delete(Revision))

    report = import_paths(sqlite_db, [out])  # other files, same ids: not their import

    assert len(report.unchanged) == FILES
    assert len(unrevised(sqlite_db)) == FILES
