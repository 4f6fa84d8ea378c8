"""Queued changes go up in batches, carried out in one transaction on the server: a
refused change among them comes back with its reason, is audited once, and neither loses
nor holds up the changes around it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from editor.articles import get_article
from editor.records import ArticleDraft
from editor.sections import create_section
from editor.sync.remote import RemoteServer
from editor.sync.tables import OutboxOp
from editor.workflow.audit import audit_log
from editor.workflow.editing import draft_article, edit_article
from editor.workflow.transitions import change_status
from tests.sync.harness import Newsroom, ServerProcess, replica, sync

READY_BODY = " ".join(["Kata"] * 120)


def test_a_refused_change_in_a_batch_comes_back_and_the_others_go_through(
    server: ServerProcess,
    newsroom: Newsroom,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    section = create_section(newsroom.db, "Olahraga")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    me = newsroom.reporter.id
    ready = ArticleDraft(
        headline="Timnas Lolos ke Final",
        lead="Kemenangan dramatis di menit terakhir.",
        body=READY_BODY,
        section_id=section.id,
        lead_image="timnas.jpg",
        lead_image_caption="Para pemain merayakan gol",
        lead_image_credit="PSSI",
    )
    first = draft_article(sarah, replace(ready, headline="Pelatih Baru"), actor_id=me)
    middle = draft_article(sarah, ready, actor_id=me)
    last = draft_article(sarah, replace(ready, headline="Stadion Direnovasi"), actor_id=me)
    sync(sarah)
    # Her replica is hers to change: she makes herself an editor there, and approves.
    with sarah.transaction() as session:
        session.execute(text("UPDATE people SET role = 'editor' WHERE id = :id"), {"id": me.hex})
    record = get_article(sarah, first.id)
    edit_article(sarah, replace(record, body=record.body + "\n\nSatu."), actor_id=me)
    change_status(sarah, middle.id, "submitted", actor_id=me)
    change_status(sarah, middle.id, "approved", actor_id=me)
    record = get_article(sarah, last.id)
    edit_article(sarah, replace(record, body=record.body + "\n\nDua."), actor_id=me)
    pushes: list[list[dict[str, Any]]] = []
    push = RemoteServer.push

    def counting(self: RemoteServer, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        pushes.append(ops)
        return push(self, ops)

    monkeypatch.setattr(RemoteServer, "push", counting)

    report = sync(sarah)

    assert [[op["kind"] for op in ops] for ops in pushes] == [["save", "status", "status", "save"]]
    assert (report.pushed, report.applied, report.refused) == (4, 3, 1)
    (notice,) = report.notices
    assert (notice.kind, notice.article_id) == ("refused", middle.id)
    assert "may not approve" in notice.message
    # The changes before and after the refused one are on the server, once.
    assert get_article(newsroom.db, first.id).body.endswith("\n\nSatu.")
    assert get_article(newsroom.db, last.id).body.endswith("\n\nDua.")
    assert get_article(newsroom.db, middle.id).status == "submitted"
    refusals = [
        (e.actor, e.to_status, e.note)
        for e in audit_log(newsroom.db, middle.id)
        if e.outcome == "refused"
    ]
    assert refusals == [("Sarah Meiliana Gunawan", "approved", notice.message)]
    # Her copy is put right and keeps her text; nothing waits.
    assert get_article(sarah, middle.id).status == "submitted"
    assert get_article(sarah, last.id).body.endswith("\n\nDua.")
    with sarah.transaction() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0
    # Pushed again (a client that never heard the answer), nothing changes.
    with _remote(sarah) as remote:
        again = push(remote, pushes[0])
    assert [r["outcome"] for r in again] == ["applied", "applied", "refused", "applied"]
    assert get_article(newsroom.db, first.id).body.count("Satu.") == 1
    assert len([e for e in audit_log(newsroom.db, middle.id) if e.outcome == "refused"]) == 1


def _remote(db: Any) -> RemoteServer:
    from editor.sync import credentials
    from editor.sync.replica import remote_config

    config = remote_config(db)
    assert config is not None
    return RemoteServer(config.url, token=credentials.load_token(config.url, config.handle))
