"""The server holds the rules: refusals come back with their reason and are audited there;
a revoked token is refused; TLS is verified; single-user mode sends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import trustme
from sqlalchemy import func, select, text

from editor.articles import create_article, get_article
from editor.cli import main as cli
from editor.database import open_database
from editor.errors import NotAvailableOfflineError, OfflineError, SignInRequiredError
from editor.records import ArticleDraft
from editor.sections import create_section
from editor.sync.replica import Replica
from editor.sync.tables import OutboxOp
from editor.workflow.audit import audit_log
from editor.workflow.editing import draft_article
from editor.workflow.transitions import change_status
from tests.core.test_workflow_support import described_picture
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess, free_port, replica, sync

READY_BODY = " ".join(["Kata"] * 120)


def test_a_reporters_queued_publish_is_refused_on_the_server_and_audited(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    section = create_section(newsroom.db, "Dunia")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    story = draft_article(
        sarah,
        ArticleDraft(
            headline="NATO akan Buka Kantor di Jepang",
            lead="Aliansi militer itu memperluas kehadirannya di Asia.",
            body=READY_BODY,
            section_id=section.id,
            lead_image=described_picture(sarah, "Gedung markas NATO dengan bendera anggota"),
            lead_image_caption="Markas NATO",
            lead_image_credit="NATO/Net",
        ),
        actor_id=newsroom.reporter.id,
    )
    # Sarah owns her replica and can change anything in it: here, her own role.
    with sarah.transaction() as session:
        session.execute(
            text("UPDATE people SET role = 'editor' WHERE id = :id"),
            {"id": newsroom.reporter.id.hex},
        )
    for target in ("submitted", "approved", "published"):
        change_status(sarah, story.id, target, actor_id=newsroom.reporter.id)
    assert get_article(sarah, story.id).status == "published"  # only on her computer

    report = sync(sarah)

    # The picture's description, the draft and the submission go; approve and publish do not.
    assert (report.applied, report.refused) == (3, 2)
    assert [n.kind for n in report.notices] == ["refused", "refused"]
    assert "may not approve" in report.notices[0].message
    assert get_article(newsroom.db, story.id).status == "submitted"
    refusals = [
        (e.actor, e.to_status) for e in audit_log(newsroom.db, story.id) if e.outcome == "refused"
    ]
    assert sorted(refusals) == [
        ("Sarah Meiliana Gunawan", "approved"),
        ("Sarah Meiliana Gunawan", "published"),
    ]
    # Her copy is put right: the server's status, and her text intact.
    local = get_article(sarah, story.id)
    assert (local.status, local.body) == ("submitted", READY_BODY)
    with sarah.transaction() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_a_revoked_token_is_refused_with_one_clear_line(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sarah_db = tmp_path / "sarah.db"
    admin_db = tmp_path / "admin.db"
    for path, handle in ((sarah_db, "sarah-meiliana-gunawan"), (admin_db, "adi-admin")):
        env_password = pytest.MonkeyPatch()
        env_password.setenv("REDAKSI_PASSWORD", PASSWORD)
        try:
            code = cli(["login", server.url, "--handle", handle, "--db", str(path)])
        finally:
            env_password.undo()
        assert code == 0
    out = capsys.readouterr().out
    assert "No system keyring here" in out
    assert cli(["sync", "--db", str(sarah_db)]) == 0
    capsys.readouterr()

    assert cli(["tokens", "list", "--db", str(admin_db)]) == 0
    listing = capsys.readouterr().out
    sarah_line = next(line for line in listing.splitlines() if "sarah-meiliana-gunawan" in line)
    assert cli(["tokens", "revoke", sarah_line.split()[0], "--db", str(admin_db)]) == 0
    capsys.readouterr()

    assert cli(["sync", "--db", str(sarah_db)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no longer accepts" in error
    assert "Traceback" not in error
    entries = audit_log(newsroom.db)
    assert any(e.action == "revoke_token" and e.actor == "Adi Admin" for e in entries)

    # Signing out revokes the computer's own token on the server and forgets it here.
    assert cli(["logout", "--db", str(admin_db)]) == 0
    assert "the sign-in is revoked" in capsys.readouterr().out
    assert cli(["sync", "--db", str(admin_db)]) == 1
    assert "redaksi login" in capsys.readouterr().err


def test_failed_sign_in_is_audited_on_the_server(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'r.db'}")
    from editor.sync.replica import sign_in

    with pytest.raises(SignInRequiredError, match="Wrong handle or password"):
        sign_in(db, server.url, "sarah-meiliana-gunawan", "not her password")
    refused = [e for e in audit_log(newsroom.db) if (e.action, e.outcome) == ("sign_in", "refused")]
    # Exactly once: the core's authenticate audits it; the server adds no entry of its own.
    assert [(e.outcome, e.actor) for e in refused] == [("refused", "Sarah Meiliana Gunawan")]
    assert refused[0].note == (
        "wrong password, newsroom server (handle typed: 'sarah-meiliana-gunawan')"
    )


def test_commands_on_a_replica_act_only_as_the_person_signed_in(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The replica holds no password hashes: without this, anyone could be named there."""
    from editor.workflow.comments import comments

    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    story = draft_article(
        sarah, ArticleDraft(headline="Banjir", body=READY_BODY), actor_id=newsroom.reporter.id
    )
    path = str(tmp_path / "sarah" / "replica.db")

    # Rina is an editor with a password on the server; on Sarah's computer she is refused.
    assert cli(["comment", str(story.id), "Cek lagi.", "--as", "rina-editor", "--db", path]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "signed in to" in error and "rina-editor" in error
    assert comments(sarah, story.id) == []
    refused = [e for e in audit_log(sarah) if (e.action, e.outcome) == ("sign_in", "refused")]
    assert [e.actor for e in refused] == ["Rina Editor"]

    assert (
        cli(["comment", str(story.id), "Cek lagi.", "--as", "sarah-meiliana-gunawan", "--db", path])
        == 0
    )
    capsys.readouterr()
    sync(sarah)
    assert [(c.author, c.text) for c in comments(newsroom.db, story.id)] == [
        ("Sarah Meiliana Gunawan", "Cek lagi.")
    ]


def test_bodies_of_other_articles_are_fetched_on_demand_and_not_available_offline(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    other = draft_article(
        newsroom.db,
        ArticleDraft(headline="Pemilu", body="Teks lengkap."),
        actor_id=newsroom.other_reporter.id,
    )
    change_status(newsroom.db, other.id, "submitted", actor_id=newsroom.other_reporter.id)
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    sync(sarah)
    with Replica(sarah) as client:
        assert not client.has_body(other.id)
        server.stop()
        with pytest.raises(NotAvailableOfflineError, match="not available offline"):
            client.ensure_body(other.id)
    server.start()
    with Replica(sarah) as client:
        assert client.ensure_body(other.id).body == "Teks lengkap."
        assert client.has_body(other.id)


def test_tls_with_the_newsrooms_own_certificate(
    newsroom_url: str, newsroom: Newsroom, tmp_path: Path
) -> None:
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1")
    certfile, keyfile, cafile = (tmp_path / n for n in ("cert.pem", "key.pem", "ca.pem"))
    certificate.cert_chain_pems[0].write_to_path(str(certfile))
    certificate.private_key_pem.write_to_path(str(keyfile))
    authority.cert_pem.write_to_path(str(cafile))
    server = ServerProcess(
        newsroom_url,
        free_port(),
        tmp_path / "tls.log",
        certfile=str(certfile),
        keyfile=str(keyfile),
    ).start(cafile=str(cafile))
    try:
        assert server.url.startswith("https://")
        sarah = replica(
            tmp_path / "sarah", server.url, "sarah-meiliana-gunawan", cafile=str(cafile)
        )
        draft_article(sarah, ArticleDraft(headline="Aman"), actor_id=newsroom.reporter.id)
        assert sync(sarah).applied == 1
        # Without the newsroom's CA the certificate is not trusted: nothing is sent.
        stranger = open_database(f"sqlite:///{tmp_path / 'stranger.db'}")
        from editor.sync.replica import sign_in

        with pytest.raises(OfflineError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify"):
            sign_in(stranger, server.url, "sarah-meiliana-gunawan", PASSWORD)
    finally:
        server.stop()


def test_single_user_mode_queues_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "alone.db"
    db = open_database(f"sqlite:///{path}")
    assert db.sync_role == ""
    create_article(db, ArticleDraft(headline="Sendiri", body="Teks."))
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == 0
    db.close()
    assert cli(["sync", "--db", str(path)]) == 1
    assert "Single-user database" in capsys.readouterr().err
    assert open_database(f"sqlite:///{path}").sync_role == ""
