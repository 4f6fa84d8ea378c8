"""Pictures over sync, with the real server: sent once, fetched with the article, resumed
after a broken connection, and refused whole when tampered with or too big."""

from __future__ import annotations

import hashlib
import io
import random
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from editor.articles import get_article
from editor.cli import main as cli
from editor.database import Database
from editor.errors import NotAvailableOfflineError, OfflineError
from editor.media import blob_store
from editor.media.library import add_file, describe_media, get_media, media_bytes
from editor.media.tables import MediaBlob, MediaPart
from editor.models import AuditEntry, utcnow
from editor.packages.writer import export_package
from editor.records import ArticleDraft
from editor.server.media import UNFINISHED_ENV
from editor.sync.media_transfer import CHUNK_BYTES
from editor.sync.remote import RemoteServer
from editor.sync.replica import Replica, SyncReport
from editor.sync.tables import OutboxOp
from editor.workflow.editing import draft_article
from editor.workflow.transitions import change_status
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess, free_port, replica
from tests.sync.proxy import BreakingProxy

SARAH, BUDI, RINA = "sarah-meiliana-gunawan", "budi-santoso", "rina-editor"


def noise_picture(path: Path, seed: int, side: int = 1024) -> bytes:
    """A PNG of random pixels (it does not compress): about 3 bytes a pixel."""
    from PIL import Image

    pixels = random.Random(seed).randbytes(side * side * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), pixels).save(out, "PNG", compress_level=1)
    path.write_bytes(out.getvalue())
    return out.getvalue()


def sync(db: Database) -> SyncReport:
    with Replica(db) as client:
        return client.sync()


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[BreakingProxy]:
    found = BreakingProxy(server.port).start()
    yield found
    found.stop()


def _part_bytes(db: Database, sha: str) -> int:
    with db.transaction() as session:
        return blob_store.received(session, sha)


def test_a_picture_goes_up_once_and_reaches_another_replica_with_its_article(
    server: ServerProcess,
    proxy: BreakingProxy,
    newsroom: Newsroom,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = noise_picture(tmp_path / "banjir.png", seed=1, side=600)
    sha = hashlib.sha256(data).hexdigest()
    sarah = replica(tmp_path / "sarah", proxy.url, SARAH)
    # Offline work: nothing here touches the network.
    added = add_file(
        sarah,
        tmp_path / "banjir.png",
        actor_id=newsroom.reporter.id,
        caption="Banjir di Kampung Melayu",
        credit="Antara/Sarah",
        alt_text="Warga mengarungi banjir",
    )
    story = draft_article(
        sarah,
        ArticleDraft(headline="Banjir", body="Air naik.\n", lead_image=added.record.ref),
        actor_id=newsroom.reporter.id,
    )
    change_status(sarah, story.id, "submitted", actor_id=newsroom.reporter.id)
    proxy.reset()
    report = sync(sarah)
    assert (report.pictures_up, report.bytes_up) == (1, len(data))
    assert report.notices == ()
    assert media_bytes(newsroom.db, sha) == data
    on_server = get_media(newsroom.db, sha)
    assert on_server is not None and on_server.caption == "Banjir di Kampung Melayu"
    assert (on_server.width, on_server.height) == (600, 600)
    with newsroom.db.transaction() as session:
        actors = session.scalars(
            select(AuditEntry.actor_id).where(
                AuditEntry.action == "media_add", AuditEntry.note.contains(sha[:12])
            )
        ).all()
    assert actors == [newsroom.reporter.id]

    # Budi has the same photo on his laptop: its description goes up, its bytes do not.
    budi = replica(tmp_path / "budi", proxy.url, BUDI)
    add_file(budi, tmp_path / "banjir.png", actor_id=newsroom.other_reporter.id, license="CC0")
    proxy.reset()
    again = sync(budi)
    assert (again.pictures_up, again.bytes_up) == (0, 0)
    assert proxy.up < len(data) // 10
    assert get_media(newsroom.db, sha).license == "CC0"  # type: ignore[union-attr]

    # The editor's replica fetches it with the submitted article, and its description.
    rina = replica(tmp_path / "rina", proxy.url, RINA)
    assert cli(["sync", "--db", str(tmp_path / "rina" / "replica.db")]) == 0
    assert f"Pictures: 0 sent (0.0 MB), 1 received ({len(data) / 2**20:.1f} MB)." in (
        capsys.readouterr().out
    )
    assert media_bytes(rina, sha) == data
    assert get_media(rina, sha).credit == "Antara/Sarah"  # type: ignore[union-attr]
    assert get_article(rina, story.id).lead_image == added.record.ref

    # A description changed on one replica reaches the others, field by field.
    describe_media(rina, sha, actor_id=newsroom.editor.id, caption="Banjir setinggi pinggang")
    sync(rina)
    sync(sarah)
    shown = get_media(sarah, sha)
    assert shown is not None and shown.caption == "Banjir setinggi pinggang"
    assert shown.license == "CC0"


def test_a_broken_upload_and_a_broken_download_go_on_where_they_stopped(
    server: ServerProcess, proxy: BreakingProxy, newsroom: Newsroom, tmp_path: Path
) -> None:
    data = noise_picture(tmp_path / "gempa.png", seed=2)
    sha = hashlib.sha256(data).hexdigest()
    assert len(data) > 2.5 * CHUNK_BYTES
    rina = replica(tmp_path / "rina", proxy.url, RINA)
    sync(rina)  # what the module's other tests left arrives first
    sarah = replica(tmp_path / "sarah", proxy.url, SARAH)
    added = add_file(sarah, tmp_path / "gempa.png", actor_id=newsroom.reporter.id, alt_text="x")
    quake = draft_article(
        sarah,
        ArticleDraft(headline="Gempa", body=f"![Gempa]({added.record.ref})\n"),
        actor_id=newsroom.reporter.id,
    )
    change_status(sarah, quake.id, "submitted", actor_id=newsroom.reporter.id)
    proxy.reset()
    proxy.cut_up_after(CHUNK_BYTES + CHUNK_BYTES // 2)
    with pytest.raises(OfflineError):
        sync(sarah)
    assert media_bytes(newsroom.db, sha) is None
    assert _part_bytes(newsroom.db, sha) == CHUNK_BYTES  # the whole first chunk, kept aside
    proxy.reset()
    report = sync(sarah)
    assert report.bytes_up == len(data) - CHUNK_BYTES
    assert proxy.up < len(data) - CHUNK_BYTES + 64 * 1024
    assert media_bytes(newsroom.db, sha) == data
    assert _part_bytes(newsroom.db, sha) == 0

    proxy.reset()
    proxy.cut_down_after(CHUNK_BYTES + CHUNK_BYTES // 2)
    with pytest.raises(OfflineError):
        sync(rina)
    assert media_bytes(rina, sha) is None
    assert _part_bytes(rina, sha) == CHUNK_BYTES
    proxy.reset()
    report = sync(rina)
    assert report.bytes_down == len(data) - CHUNK_BYTES
    assert proxy.down < len(data) - CHUNK_BYTES + 64 * 1024
    assert media_bytes(rina, sha) == data
    assert _part_bytes(rina, sha) == 0


def _token(url: str, handle: str) -> str:
    with RemoteServer(url) as remote:
        return str(remote.login(handle, PASSWORD, "test")["token"])


def test_tampered_bytes_a_non_picture_and_a_bad_name_are_refused(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    headers = {"Authorization": f"Bearer {_token(server.url, SARAH)}"}
    real = noise_picture(tmp_path / "asli.png", seed=3, side=64)
    claimed = hashlib.sha256(real).hexdigest()
    tampered = real[:-20] + bytes(20)
    with httpx.Client(base_url=server.url + "/api/v1", headers=headers) as client:
        answer = client.put(
            f"/media/{claimed}/upload",
            params={"offset": 0, "total": len(tampered)},
            content=tampered,
        )
        assert answer.status_code == 422
        assert "do not match its SHA-256" in answer.json()["error"]
        page = b"<html><body>not a photo</body></html>"
        named = hashlib.sha256(page).hexdigest()
        answer = client.put(
            f"/media/{named}/upload", params={"offset": 0, "total": len(page)}, content=page
        )
        assert answer.status_code == 400
        assert "not a picture" in answer.json()["error"]
        answer = client.get("/media/..%2F..%2Fetc%2Fpasswd")
        assert answer.status_code in (400, 404)
        answer = client.get("/media/" + "G" * 64 + "/upload")
        assert answer.status_code == 400
        assert "64 hex digits" in answer.json()["error"]
    for sha in (claimed, named):
        assert media_bytes(newsroom.db, sha) is None
        assert _part_bytes(newsroom.db, sha) == 0

    # Bytes changed on the server's side are refused by the replica that fetches them.
    sarah = replica(tmp_path / "sarah", server.url, SARAH)
    added = add_file(sarah, tmp_path / "asli.png", actor_id=newsroom.reporter.id, alt_text="x")
    original = draft_article(
        sarah,
        ArticleDraft(headline="Asli", body="Teks.\n", lead_image=added.record.ref),
        actor_id=newsroom.reporter.id,
    )
    change_status(sarah, original.id, "submitted", actor_id=newsroom.reporter.id)
    sync(sarah)
    with newsroom.db.transaction() as session:
        blob = session.get(MediaBlob, claimed)
        assert blob is not None
        blob.data = tampered
    rina = replica(tmp_path / "rina", server.url, RINA)
    report = sync(rina)
    assert get_article(rina, original.id).lead_image == added.record.ref
    assert media_bytes(rina, claimed) is None
    assert _part_bytes(rina, claimed) == 0
    messages = [n.message for n in report.notices]
    assert any(claimed[:12] in m and "do not match its SHA-256" in m for m in messages), messages


def test_a_picture_over_the_servers_limit_is_refused_with_a_notice(
    newsroom_url: str, newsroom: Newsroom, tmp_path: Path
) -> None:
    small = ServerProcess(
        newsroom_url, free_port(), tmp_path / "server.log", options=("--max-picture-mb", "1")
    ).start()
    try:
        data = noise_picture(tmp_path / "besar.png", seed=4, side=700)
        sha = hashlib.sha256(data).hexdigest()
        assert len(data) > 1024 * 1024
        sarah = replica(tmp_path / "sarah", small.url, SARAH)
        add_file(sarah, tmp_path / "besar.png", actor_id=newsroom.reporter.id, alt_text="x")
        report = sync(sarah)
        assert report.pictures_up == 0
        # (Her articles of the module's other tests come down too, with their pictures.)
        [notice] = [n for n in report.notices if "besar.png" in n.message]
        assert notice.kind == "refused"
        assert "at most 1 MB" in notice.message
        assert media_bytes(newsroom.db, sha) is None
        assert get_media(newsroom.db, sha) is None
        with sarah.transaction() as session:
            assert session.scalars(select(OutboxOp).where(OutboxOp.kind == "media")).all() == []
        assert media_bytes(sarah, sha) == data  # still here, on the reporter's laptop
    finally:
        small.stop()


def test_a_picture_not_here_is_fetched_on_demand_and_offline_says_so(
    server: ServerProcess, proxy: BreakingProxy, newsroom: Newsroom, tmp_path: Path
) -> None:
    data = noise_picture(tmp_path / "pasar.png", seed=5, side=128)
    sha = hashlib.sha256(data).hexdigest()
    sarah = replica(tmp_path / "sarah", server.url, SARAH)
    add_file(sarah, tmp_path / "pasar.png", actor_id=newsroom.reporter.id, caption="Pasar")
    sync(sarah)
    budi = replica(tmp_path / "budi", proxy.url, BUDI)
    sync(budi)  # the description arrives; no article shows it, so the bytes wait
    record = get_media(budi, sha)
    assert record is not None and record.caption == "Pasar" and not record.has_bytes
    proxy.go_offline()
    with Replica(budi) as client, pytest.raises(NotAvailableOfflineError) as refused:
        client.ensure_media(sha)
    assert "not available offline" in str(refused.value)
    assert media_bytes(budi, sha) is None
    proxy.go_online()
    with Replica(budi) as client:
        assert client.ensure_media(sha) == data
    assert media_bytes(budi, sha) == data


def test_an_upload_abandoned_for_a_day_is_dropped_and_unfinished_ones_are_bounded(
    newsroom_url: str,
    newsroom: Newsroom,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    abandoned = "ab" * 32
    with newsroom.db.transaction() as session:
        session.add(
            MediaPart(
                sha256=abandoned,
                offset=0,
                data=bytes(1000),
                received_at=utcnow() - timedelta(days=2),
            )
        )
    monkeypatch.setenv(UNFINISHED_ENV, str(260_000))
    busy = ServerProcess(newsroom_url, free_port(), tmp_path / "server.log").start()
    try:
        first = noise_picture(tmp_path / "satu.png", seed=6, side=260)
        second = noise_picture(tmp_path / "dua.png", seed=7, side=260)
        assert 150_000 < len(first) < 260_000 < 100_000 + len(second)
        headers = {"Authorization": f"Bearer {_token(busy.url, SARAH)}"}
        with httpx.Client(base_url=busy.url + "/api/v1", headers=headers) as client:

            def send(data: bytes, start: int, end: int) -> httpx.Response:
                return client.put(
                    f"/media/{hashlib.sha256(data).hexdigest()}/upload",
                    params={"offset": start, "total": len(data)},
                    content=data[start:end],
                )

            assert send(first, 0, 100_000).json() == {"received": 100_000, "complete": False}
            assert _part_bytes(newsroom.db, abandoned) == 0  # gone with the new upload
            refused = send(second, 0, 100_000)
            assert refused.status_code == 503
            assert "too many unfinished picture uploads" in refused.json()["error"]
            assert send(first, 100_000, len(first)).json()["complete"] is True
            assert send(second, 0, 100_000).status_code == 200
            assert send(second, 100_000, len(second)).json()["complete"] is True
        for data in (first, second):
            assert media_bytes(newsroom.db, hashlib.sha256(data).hexdigest()) == data
    finally:
        busy.stop()


def test_a_package_made_on_a_replica_carries_the_pictures_it_had_not_fetched(
    server: ServerProcess, newsroom: Newsroom, tmp_path: Path
) -> None:
    data = noise_picture(tmp_path / "sawah.png", seed=8, side=96)
    sha = hashlib.sha256(data).hexdigest()
    sarah = replica(tmp_path / "sarah", server.url, SARAH)
    add_file(sarah, tmp_path / "sawah.png", actor_id=newsroom.reporter.id, alt_text="Sawah")
    sync(sarah)
    budi = replica(tmp_path / "budi", server.url, BUDI)
    sync(budi)
    assert media_bytes(budi, sha) is None
    story = draft_article(
        budi,
        ArticleDraft(headline="Panen", body="Padi menguning.\n", lead_image=f"media:{sha}"),
        actor_id=newsroom.other_reporter.id,
    )
    package = export_package(budi, [story.id], tmp_path / "panen").path
    with zipfile.ZipFile(package) as archive:
        assert data in [archive.read(name) for name in archive.namelist()]
    assert media_bytes(budi, sha) == data
