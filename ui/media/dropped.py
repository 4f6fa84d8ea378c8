"""Files dragged in from the desktop's file manager: local paths only.

A drop of text or of a web address is no file to bring in (the body takes text as
usual); the library's intake checks each file it gets.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData


def dropped_files(mime: QMimeData) -> list[str]:
    """The local files a drag carries, in order ([] for anything else)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]
