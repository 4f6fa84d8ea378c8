"""File → Sign in to newsroom…: the app signs in to a real server, works on a replica of
the newsroom beside the person's own file, and signs out again."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from editor.database import open_database
from editor.listing import list_articles
from editor.records import ArticleDraft, ArticleQuery
from editor.sync import credentials
from editor.sync.replica import remote_config
from editor.sync.replica_file import replica_path
from editor.userconfig import load_settings
from editor.workflow.editing import draft_article
from tests.sync.harness import PASSWORD, Newsroom, ServerProcess
from tests.ui.driving import menu_action
from tests.ui.sync.windows import open_window, sign_in_from_menu
from ui.main_window import MainWindow

pytestmark = pytest.mark.postgres
HANDLE = "sarah-meiliana-gunawan"


def headlines(main: MainWindow) -> list[str]:
    model = main.list_pane.model
    return [model.summary(row).headline for row in range(model.rowCount())]


def test_sign_in_opens_a_replica_beside_the_own_newsroom_and_sign_out_revokes(
    qtbot, windows, demo_db, server: ServerProcess, newsroom: Newsroom, tmp_path: Path
):
    own_articles = list_articles(demo_db, ArticleQuery(limit=500)).total
    main = open_window(qtbot, windows, demo_db, tmp_path)
    assert not main.status.sync_label.isVisible()  # single-user: nothing about a server

    refusals = sign_in_from_menu(qtbot, main, server.url, HANDLE, ["not the password", PASSWORD])

    assert len(refusals) == 1 and "password" in refusals[0].lower()
    expected = replica_path(tmp_path / "data", server.url)
    assert main.db is not None and main.db.url == f"sqlite:///{expected}"
    assert main.db.sync_role == "replica"
    assert main.workflow.session.person.id == newsroom.reporter.id
    assert load_settings().database_url == main.db.url  # the next start opens it too
    token = credentials.load_token(server.url, HANDLE)
    assert token and credentials.token_file().stat().st_mode & 0o077 == 0
    # The person's own newsroom is untouched: still single-user, every article there.
    own = open_database(demo_db.url)
    assert own.sync_role == "" and remote_config(own) is None
    assert list_articles(own, ArticleQuery(limit=500)).total == own_articles
    own.close()

    # The replica fills from the server, and a story filed there shows up here.
    qtbot.waitUntil(lambda: main.status.sync_state() == "online", timeout=15000)
    draft_article(
        newsroom.db,
        ArticleDraft(
            headline="Jembatan Baru Dibuka", body="Isi.", byline_ids=(newsroom.reporter.id,)
        ),
        actor_id=newsroom.reporter.id,
    )
    qtbot.waitUntil(lambda: "Jembatan Baru Dibuka" in headlines(main), timeout=5000)
    assert "Online" in main.status.sync_label.text()

    menu_action(main, "newsroom.sign_out").trigger()
    qtbot.waitUntil(lambda: main.status.sync_state() == "signed_out", timeout=10000)
    assert "Signed out" in main.status.sync_label.text()
    assert credentials.load_token(server.url, HANDLE) is None
    answer = httpx.get(
        server.url + "/api/v1/hello", headers={"Authorization": f"Bearer {token}"}, timeout=5
    )
    assert answer.status_code == 401  # revoked on the server, not only forgotten here
    assert not main.registry.action("newsroom.sync").isEnabled()
