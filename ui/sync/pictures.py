"""Library pictures a replica does not hold yet: fetched from the newsroom server on a
worker when the preview or the media library shows them, and offline a picture that
says so.

The sync brings the pictures of the articles it brings with their text; any other picture
arrives when something shows it (``Replica.ensure_media``). The window never waits for
it: meanwhile the picture's place shows "Loading…", and ``arrived`` tells the pane to
show it again once the bytes are here, or once the server turned out to be out of reach
(then a grey picture saying "Not available offline" stands where the photo would be,
never an empty gap or an error). Out of reach, it is tried again after a while.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from editor.errors import NotAvailableOfflineError, RedaksiError
from ui.workers import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.database import Database

OFFLINE = "offline"
LOADING = "loading"
#: A picture found out of reach is asked for again after this long.
RETRY_SECONDS = 30.0
#: The grey of a picture that cannot be shown, and the lighter one of one on its way.
UNAVAILABLE_GREY = "#d9d9d9"
LOADING_GREY = "#eeeeee"


def fetch_picture(db: Database, sha256: str) -> tuple[str, str]:
    """On a worker: fetch the picture into the replica; (hash, "" or why not)."""
    from editor.sync.replica import Replica

    try:
        with Replica(db) as replica:
            replica.ensure_media(sha256)
    except NotAvailableOfflineError:
        return sha256, OFFLINE
    except RedaksiError as error:
        return sha256, str(error) or OFFLINE
    return sha256, ""


def unavailable_text() -> str:
    return QCoreApplication.translate("PicturePlaceholder", "Not available offline")


def loading_text() -> str:
    return QCoreApplication.translate("PicturePlaceholder", "Loading from the newsroom server…")


def placeholder(
    text: str, width: int = 640, height: int = 360, grey: str = UNAVAILABLE_GREY
) -> bytes:
    """A grey PNG with ``text`` in its middle, shown where a picture cannot be (yet)."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(grey))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(max(12, height // 14))
    painter.setFont(font)
    painter.setPen(QColor("#444444"))
    painter.drawText(
        QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text
    )
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(QByteArray(buffer.data()).data())


class PictureFetches(QObject):
    """The pictures of one database that are on their way; ``arrived(sha)`` when one is
    here, or known to be out of reach for now."""

    arrived = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._running: set[str] = set()
        self._out_of_reach: dict[str, float] = {}

    def local(self, sha256: str) -> tuple[bytes | None, str]:
        """The bytes here, or None and the state: LOADING (a fetch is under way now),
        OFFLINE, or "" when nothing can bring them (single-user mode)."""
        from sqlalchemy.exc import SQLAlchemyError

        from editor.media.library import media_bytes

        try:
            data = media_bytes(self._db, sha256)
        except (SQLAlchemyError, RedaksiError):
            # A picture never stops the preview or the library: with the database gone
            # or failing meanwhile it is shown as missing, and the window's own reads
            # say what happened to the database.
            return None, ""
        if data is not None or self._db.sync_role != "replica":
            return data, ""
        since = self._out_of_reach.get(sha256)
        if since is not None and time.monotonic() - since < RETRY_SECONDS:
            return None, OFFLINE
        if sha256 not in self._running:
            self._running.add(sha256)
            run_in_background(fetch_picture, self._db, sha256, on_done=self._fetched, parent=self)
        return None, LOADING

    def state(self, sha256: str) -> str:
        """LOADING, OFFLINE or "" (here, or never asked for), without reading the bytes."""
        if sha256 in self._running:
            return LOADING
        since = self._out_of_reach.get(sha256)
        return OFFLINE if since is not None and time.monotonic() - since < RETRY_SECONDS else ""

    def _fetched(self, result: tuple[str, str]) -> None:
        sha256, problem = result
        self._running.discard(sha256)
        if problem:
            self._out_of_reach[sha256] = time.monotonic()
        else:
            self._out_of_reach.pop(sha256, None)
        self.arrived.emit(sha256)


def shown_bytes(fetches: PictureFetches, sha256: str, width: int, height: int) -> bytes | None:
    """What stands for the picture: its bytes, else a placeholder saying why not."""
    data, state = fetches.local(sha256)
    if data is not None:
        return data
    if state == LOADING:
        return placeholder(loading_text(), width, height, LOADING_GREY)
    if state:
        return placeholder(unavailable_text(), width, height)
    return None


def preview_loader(fetches: PictureFetches) -> Callable[[str], bytes | None]:
    return lambda sha256: shown_bytes(fetches, sha256, 640, 360)
