"""Pictures another replica brought, in the app: offline the preview shows "Not available
offline" where the photo would be and the media library says so; online, choosing the
picture in the media library fetches it from the newsroom server."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from editor.media.library import add_file, media_bytes
from editor.records import ArticleDraft
from editor.workflow.editing import draft_article
from tests.sync.harness import Newsroom, ServerProcess, replica, sync
from tests.ui.driving import menu_action
from tests.ui.sync.windows import open_window
from tests.ui.test_media_browser import _select
from ui.media.browser import MediaBrowser
from ui.sync import pictures
from ui.sync.pictures import UNAVAILABLE_GREY

pytestmark = pytest.mark.postgres


def _photo(path: Path, colour: str) -> bytes:
    image = QImage(480, 320, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), quality=90)
    return path.read_bytes()


def test_offline_a_missing_picture_says_so_and_online_it_is_fetched_when_chosen(
    qtbot, windows, server: ServerProcess, newsroom: Newsroom, tmp_path: Path, monkeypatch
):
    market = _photo(tmp_path / "pasar.jpg", "#a0522d")
    station = _photo(tmp_path / "stasiun.jpg", "#2e8b57")
    sarah = replica(tmp_path / "sarah", server.url, "sarah-meiliana-gunawan")
    for name, caption in (("pasar.jpg", "Pasar Senen pagi"), ("stasiun.jpg", "Stasiun Manggarai")):
        add_file(sarah, tmp_path / name, actor_id=newsroom.reporter.id, caption=caption)
    sync(sarah)
    market_sha = hashlib.sha256(market).hexdigest()
    station_sha = hashlib.sha256(station).hexdigest()

    budi_db = replica(tmp_path / "budi", server.url, "budi-santoso")
    sync(budi_db)  # the descriptions arrive; no article of his shows them yet
    assert media_bytes(budi_db, station_sha) is None
    story = draft_article(
        budi_db,
        ArticleDraft(headline="Mudik", body="Stasiun penuh.\n", lead_image=f"media:{station_sha}"),
        actor_id=newsroom.other_reporter.id,
    )
    server.stop()  # the train leaves the city: no network

    budi = open_window(qtbot, windows, budi_db, tmp_path / "budi")
    qtbot.waitUntil(lambda: budi.status.sync_state() == "offline", timeout=15000)
    assert budi.list_pane.select_article(story.id)
    qtbot.waitUntil(lambda: budi.editor.record_id() == story.id, timeout=5000)

    def shown_lead() -> QImage:
        found = budi.preview.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"media:{station_sha}")
        )
        return found if isinstance(found, QImage) else QImage()

    # "Loading…" first (the window does not wait), then the grey "Not available offline".
    qtbot.waitUntil(lambda: shown_lead().pixelColor(3, 3).name() == UNAVAILABLE_GREY, timeout=15000)

    menu_action(budi, "media.library").trigger()
    browser = budi.media_browser
    assert isinstance(browser, MediaBrowser)
    qtbot.waitUntil(browser.isVisible)
    _select(qtbot, browser, market_sha)
    qtbot.waitUntil(lambda: "not available offline" in browser.facts.text(), timeout=15000)
    assert browser.preview.pixmap().toImage().pixelColor(3, 3).name() == UNAVAILABLE_GREY

    server.start()
    qtbot.waitUntil(lambda: budi.status.sync_state() == "online", timeout=15000)
    # Out of reach a moment ago: asked for again once the retry pause is over.
    monkeypatch.setattr(pictures, "RETRY_SECONDS", 0.0)
    _select(qtbot, browser, station_sha)
    _select(qtbot, browser, market_sha)

    def shown_colour() -> QColor:
        shown = browser.preview.pixmap().toImage()
        return shown.pixelColor(shown.width() // 2, shown.height() // 2)

    qtbot.waitUntil(lambda: abs(shown_colour().red() - 0xA0) < 12, timeout=15000)
    assert abs(shown_colour().green() - 0x52) < 12
    assert media_bytes(budi_db, market_sha) == market
    assert "not available offline" not in browser.facts.text()
    assert "has not reached this computer" not in browser.facts.text()
    browser.close()
