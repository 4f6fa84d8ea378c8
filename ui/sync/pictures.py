"""Library pictures a replica does not hold yet: fetched from the newsroom server when the
preview or the media library shows them, and offline a picture that says so.

The sync brings the pictures of the articles it brings with their text; any other picture
arrives when something shows it (``Replica.ensure_media``, on the GUI thread as opening a
body does: at worst the connect timeout). Offline the preview shows a grey picture
saying "Not available offline" where the photo would be, never an empty gap or an error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from editor.errors import NotAvailableOfflineError, RedaksiError

if TYPE_CHECKING:
    from editor.database import Database

# What a fetch ended with: the bytes, or None and why ("offline", or the server's words).
Fetched = tuple[bytes | None, str]
OFFLINE = "offline"


def fetch_picture(db: Database, sha256: str) -> Fetched:
    from editor.media.library import media_bytes

    data = media_bytes(db, sha256)
    if data is not None or db.sync_role != "replica":
        return data, ""
    from editor.sync.replica import Replica

    try:
        with Replica(db) as replica:
            return replica.ensure_media(sha256), ""
    except NotAvailableOfflineError:
        return None, OFFLINE
    except RedaksiError as error:
        return None, str(error)


def unavailable_text() -> str:
    return QCoreApplication.translate("PicturePlaceholder", "Not available offline")


def placeholder(text: str, width: int = 640, height: int = 360) -> bytes:
    """A grey PNG with ``text`` in its middle, shown where a picture cannot be."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d9d9"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(max(12, height // 12))
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


def preview_loader(db: Database) -> Callable[[str], bytes | None]:
    """The preview's picture loader: the bytes here, else fetched, else a placeholder."""

    def load(sha256: str) -> bytes | None:
        data, problem = fetch_picture(db, sha256)
        if data is None and problem == OFFLINE:
            return placeholder(unavailable_text())
        return data

    return load
