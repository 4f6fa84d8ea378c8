"""Library pictures (``media:<sha256>``) in the preview, decoded at the size shown.

The preview's document is built on a worker thread. The picture bytes are read from the
database on the GUI thread (a few milliseconds a picture, once: they are kept), and the
worker decodes them with QImageReader straight to the preview's width (JPEG decodes at a
fraction of its size, so a 24-megapixel photo costs little) with the camera's orientation
applied. Decoded pictures are kept by hash and width, so typing never decodes again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QTextDocument

from editor.media.refs import parse_media_ref, refs_in
from editor.records import ArticleRecord

#: Pictures kept in memory (bytes and decoded), oldest dropped first.
KEEP = 24

Loader = Callable[[str], bytes | None]


def wanted(record: ArticleRecord) -> list[str]:
    """The hashes of the library pictures an article shows: its lead, then its body's."""
    lead = parse_media_ref(record.lead_image)
    return list(dict.fromkeys([*([lead] if lead else []), *refs_in(record.body)]))


def decode(data: bytes, width: int) -> QImage:
    """``data`` as an image at most ``width`` pixels wide; a null image if unreadable."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        # The size before the camera's turn: a quarter turn makes its height the width.
        turned = bool(
            reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
        )
        shown_width = size.height() if turned else size.width()
        if shown_width > width:
            factor = width / shown_width
            reader.setScaledSize(
                QSize(max(1, round(size.width() * factor)), max(1, round(size.height() * factor)))
            )
    image = reader.read()
    buffer.close()
    return image


class PreviewPictures:
    """Bytes read on the GUI thread, images decoded on the worker; both kept a while."""

    def __init__(self) -> None:
        self._loader: Loader | None = None
        self._bytes: OrderedDict[str, bytes | None] = OrderedDict()
        self._images: OrderedDict[tuple[str, int], QImage] = OrderedDict()

    def set_loader(self, loader: Loader | None) -> None:
        self._loader = loader
        self._bytes.clear()
        self._images.clear()

    def gather(self, record: ArticleRecord) -> dict[str, bytes | None]:
        """On the GUI thread: the bytes of every picture ``record`` shows (None: missing)."""
        found: dict[str, bytes | None] = {}
        for sha in wanted(record):
            if sha not in self._bytes:
                self._bytes[sha] = self._loader(sha) if self._loader is not None else None
                while len(self._bytes) > KEEP:
                    self._bytes.popitem(last=False)
            found[sha] = self._bytes[sha]
        return found

    def images(self, gathered: dict[str, bytes | None], width: int) -> dict[str, QImage]:
        """On the worker: each picture decoded at ``width`` (kept ones reused)."""
        made: dict[str, QImage] = {}
        for sha, data in gathered.items():
            image = self._images.get((sha, width))
            if image is None:
                image = decode(data, width) if data else QImage()
            made[sha] = image
        return made

    def forget(self, sha: str) -> None:
        """The picture changed (its bytes arrived): read and decode it again."""
        self._bytes.pop(sha, None)
        for key in [key for key in self._images if key[0] == sha]:
            del self._images[key]

    def keep(self, made: dict[str, QImage], width: int) -> None:
        """On the GUI thread, after a render: remember what the worker decoded."""
        for sha, image in made.items():
            self._images[sha, width] = image
        while len(self._images) > KEEP:
            self._images.popitem(last=False)


def add_to(document: QTextDocument, images: dict[str, QImage]) -> None:
    """Give ``document`` the pictures before its HTML is set, so Qt never looks for them."""
    for sha, image in images.items():
        document.addResource(
            QTextDocument.ResourceType.ImageResource.value, QUrl(f"media:{sha}"), image
        )
