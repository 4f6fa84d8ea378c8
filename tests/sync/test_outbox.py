"""A replica's outbox: every local change is queued with what it was based on, in the
same transaction, so a kill -9 never separates a change from its op. And the merge."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select

from editor.articles import get_article, trash_article
from editor.database import Database, enable_replica, open_database
from editor.models import Article
from editor.people import create_person
from editor.records import ArticleDraft
from editor.revisions import create_revision
from editor.sync.merge import merge_body, merge_content
from editor.sync.states import loads
from editor.sync.tables import OutboxOp, SyncState
from editor.workflow.comments import add_comment, resolve_comment
from editor.workflow.editing import draft_article, edit_article
from editor.workflow.transitions import change_status


def _offline_replica(path: Path) -> Database:
    """A replica that has never reached its server: the outbox fills and waits."""
    db = open_database(f"sqlite:///{path}")
    with db.transaction() as session:
        session.add(SyncState(key="remote", value="https://newsroom.invalid"))
    enable_replica(db)
    return db


def _ops(db: Database) -> list[OutboxOp]:
    with db.transaction() as session:
        return list(session.scalars(select(OutboxOp).order_by(OutboxOp.position)))


def test_every_local_change_is_queued_in_order_with_its_base(tmp_path: Path) -> None:
    db = _offline_replica(tmp_path / "replica.db")
    sarah = create_person(db, "Sarah", role="reporter")
    story = draft_article(db, ArticleDraft(headline="Satu", body="a\n"), actor_id=sarah.id)
    edit_article(db, replace(get_article(db, story.id), body="a\nb\n"), actor_id=sarah.id)
    edit_article(db, replace(get_article(db, story.id), body="a\nb\nc\n"), actor_id=sarah.id)
    create_revision(db, story.id, note="siap")
    comment = add_comment(db, story.id, actor_id=sarah.id, text="Cek angka", quote="b")
    resolve_comment(db, comment.id, actor_id=sarah.id)
    change_status(db, story.id, "submitted", actor_id=sarah.id, note="tolong dicek")
    other = draft_article(db, ArticleDraft(headline="Dua"), actor_id=sarah.id)
    trash_article(db, other.id)

    ops = _ops(db)
    assert [op.kind for op in ops] == [
        "create",
        "save",
        "save",
        "revision",
        "comment",
        "resolve",
        "status",
        "create",
        "trash",
    ]
    first, second = (loads(op.payload_json) for op in ops[1:3])
    assert (first["base"]["body"], first["content"]["body"]) == ("a\n", "a\nb\n")
    # The second save is based on the first, not on the server's copy.
    assert (second["base"]["body"], second["content"]["body"]) == ("a\nb\n", "a\nb\nc\n")
    status = loads(ops[6].payload_json)
    assert (status["to"], status["note"]) == ("submitted", "tolong dicek")
    assert loads(ops[4].payload_json)["comment_id"] == str(comment.id)


def test_a_single_user_database_queues_nothing(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'alone.db'}")
    sarah = create_person(db, "Sarah", role="reporter")
    draft_article(db, ArticleDraft(headline="Satu"), actor_id=sarah.id)
    assert _ops(db) == []


WRITER = textwrap.dedent(
    """
    import sys
    from editor.database import open_database
    from editor.records import ArticleDraft
    from editor.workflow.editing import draft_article
    from editor.people import find_person
    db = open_database(sys.argv[1])
    sarah = find_person(db, "sarah")
    print("ready", flush=True)
    for number in range(100000):
        draft_article(db, ArticleDraft(headline=f"Berita {number}"), actor_id=sarah.id)
    """
)


def test_kill_9_during_local_changes_never_separates_a_change_from_its_op(tmp_path: Path) -> None:
    path = tmp_path / "replica.db"
    db = _offline_replica(path)
    create_person(db, "Sarah", role="reporter")
    db.close()
    for delay in (0.3, 0.7, 1.1):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, f"sqlite:///{path}"],
            stdout=subprocess.PIPE,
            env={**os.environ},
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        writer.kill()
        writer.wait()
    db = open_database(f"sqlite:///{path}")
    assert db.sync_role == "replica"
    with db.transaction() as session:
        articles = session.scalar(select(func.count()).select_from(Article))
        creates = session.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.kind == "create")
        )
        queued = set(session.scalars(select(OutboxOp.article_id)))
        stored = set(session.scalars(select(Article.id)))
    assert articles and articles == creates
    assert queued == stored


def test_merge_takes_each_side_where_only_it_changed_and_reports_a_clash() -> None:
    base = "Satu.\n\nDua.\n\nTiga.\n"
    theirs = "Satu!\n\nDua.\n\nTiga.\n"
    mine = "Satu.\n\nDua.\n\nTiga!\n"
    assert merge_body(base, theirs, mine) == "Satu!\n\nDua.\n\nTiga!\n"
    assert merge_body(base, "Satu.\n\nDUA\n\nTiga.\n", "Satu.\n\ndua\n\nTiga.\n") is None
    result = merge_content(
        {"headline": "A", "kicker": "", "tags": ["x"], "body": base},
        {"headline": "B", "kicker": "", "tags": ["x"], "body": theirs},
        {"headline": "A", "kicker": "K", "tags": ["x", "y"], "body": mine},
    )
    assert result.conflicts == ()
    assert result.content == {
        "headline": "B",
        "kicker": "K",
        "tags": ["x", "y"],
        "body": "Satu!\n\nDua.\n\nTiga!\n",
    }
    clash = merge_content({"headline": "A"}, {"headline": "B"}, {"headline": "C"})
    assert (clash.conflicts, clash.content) == (("headline",), {"headline": "B"})
