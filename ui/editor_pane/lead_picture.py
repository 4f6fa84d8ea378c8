"""The lead image as a person knows it: a thumbnail with the picture's name and
description, instead of the ``media:<sha256>`` reference the article stores.

The reference itself stays in the form's lead-image field (hidden while a library
picture is shown), so what is saved never changes by being shown. A picture the
library does not know, or whose bytes a replica does not carry yet, says so.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from editor.errors import RedaksiError
from editor.media.refs import parse_media_ref
from ui.preview.pictures import decode

if TYPE_CHECKING:
    from editor.media.library import MediaRecord

# The library's description of the picture a reference names (None: unknown).
Describe = Callable[[str], "MediaRecord | None"]
# A picture's bytes by its hash (None: not on this computer).
LoadBytes = Callable[[str], bytes | None]
THUMB = QSize(72, 48)
# Thumbnails kept, so switching between articles does not decode again.
KEEP = 32
MISSING_STYLE = "color: #c0392b;"


class LeadPicture(QWidget):
    """Shows one library picture; ``removeRequested`` when the person takes it away."""

    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadPicture")
        self._describe: Describe | None = None
        self._load: LoadBytes | None = None
        # Thumbnails by hash (descriptions are asked each time: they may change).
        self._kept: OrderedDict[str, QPixmap] = OrderedDict()
        self._lines = ("", "")
        self._reference = ""
        self._drawn = False
        self.thumbnail = QLabel()
        self.thumbnail.setObjectName("leadThumbnail")
        self.thumbnail.setFixedSize(THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setObjectName("leadPictureName")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        # Long names and descriptions are cut to the width, never widen the form.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.remove = QToolButton()
        self.remove.setObjectName("removeLeadImage")
        self.remove.clicked.connect(self.removeRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.remove)
        self.retranslate()

    def retranslate(self) -> None:
        self.remove.setText(self.tr("Remove"))
        self.remove.setToolTip(self.tr("No lead image for this article"))

    def set_lookup(self, describe: Describe | None, load: LoadBytes | None) -> None:
        """Where pictures are looked up (the open database); thumbnails start afresh."""
        self._describe, self._load = describe, load
        self._kept.clear()

    def show_reference(self, reference: str) -> bool:
        """Show the library picture ``reference`` names; False, showing nothing, when it
        names none (empty, a path or an address: the form shows those as text).

        The picture is looked up when the field is on screen: opening an article with
        "More" folded (start-up too) reads no picture."""
        if parse_media_ref(reference) is None:
            self._reference = ""
            return False
        self._reference, self._drawn = reference, False
        if self.isVisible():
            self._draw()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reference and not self._drawn:
            self._draw()

    def _draw(self) -> None:
        reference = self._reference
        self._drawn = True
        record, pixmap = self._picture(str(parse_media_ref(reference)), reference)
        self.thumbnail.setPixmap(pixmap)
        if record is None:
            name = self.tr("Not in the media library")
            detail = reference
        else:
            name = record.original_name or record.short
            detail = record.alt_text or record.caption or self.tr("No description yet")
            if not record.has_bytes:
                detail = self.tr("%1 (the picture is not on this computer yet)").replace(
                    "%1", detail
                )
        self.label.setStyleSheet(MISSING_STYLE if record is None else "")
        self._lines = (name, detail)
        self._show_lines()
        self.setToolTip(f"{name}\n{detail}\n{reference}")
        self.setAccessibleName(self.tr("Lead image: %1").replace("%1", name))

    def shown_text(self) -> str:
        """The name and description shown (whole, however narrow the field)."""
        return "\n".join(self._lines)

    def _picture(self, sha: str, reference: str) -> tuple[MediaRecord | None, QPixmap]:
        record = None
        try:
            record = self._describe(reference) if self._describe is not None else None
        except RedaksiError:
            record = None  # shown as not in the library; saving says what is wrong
        pixmap = self._kept.get(sha)
        if pixmap is None:
            pixmap = self._thumbnail(sha, record)
            if record is not None and record.has_bytes:  # a grey one is asked again
                self._kept[sha] = pixmap
                while len(self._kept) > KEEP:
                    self._kept.popitem(last=False)
        return record, pixmap

    def _thumbnail(self, sha: str, record: MediaRecord | None) -> QPixmap:
        data = None
        if record is not None and record.has_bytes and self._load is not None:
            try:
                data = self._load(sha)
            except RedaksiError:
                data = None
        # Decoded straight to twice the thumbnail's width (JPEG decodes at a fraction).
        image = decode(data, THUMB.width() * 2) if data else None
        if image is None or image.isNull():
            blank = QPixmap(THUMB)
            blank.fill(Qt.GlobalColor.lightGray)
            return blank
        return QPixmap.fromImage(image).scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def _show_lines(self) -> None:
        bold = self.label.font()
        bold.setBold(True)
        width = max(40, self.label.width())
        elide = Qt.TextElideMode.ElideRight
        name = html.escape(QFontMetrics(bold).elidedText(self._lines[0], elide, width))
        detail = html.escape(self.label.fontMetrics().elidedText(self._lines[1], elide, width))
        self.label.setText(f"<b>{name}</b><br>{detail}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_lines()
