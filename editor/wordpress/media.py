"""Images of a WordPress export, brought into the newsroom's media folder.

A reporter's laptop has no network, so images are taken from a copy of the site's
``wp-content/uploads`` folder (``--uploads DIR``): an address
``https://situs.id/wp-content/uploads/2023/05/foto.jpg`` is the file ``2023/05/foto.jpg`` in
it, copied to the same place in the media folder, and the article points at it there
(``/media/2023/05/foto.jpg`` in the body, ``2023/05/foto.jpg`` as the lead image, which is
how publishing finds it). An image the folder does not have is listed and keeps its old
address; without ``--uploads`` every address stays as it was.

The uploads folder is untrusted like any import: only regular files inside it are read
(no link leads out of it, no FIFO or device), none bigger than MAX_IMAGE_BYTES, and an
image already in the media folder with the same bytes is not copied again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.i18n import _
from editor.outside_files import UnreadableFile, read_regular
from editor.publish.assets import relative_media_path
from editor.publish.urls import MEDIA

MAX_IMAGE_BYTES = 64 * 1024 * 1024
_UPLOADS = "/wp-content/uploads/"


def uploads_path(url: str) -> str | None:
    """``2023/05/foto.jpg`` for an address in a WordPress uploads folder, else None."""
    path = unquote(urlsplit(url.strip()).path)
    at = path.find(_UPLOADS)
    if at < 0:
        return None
    relative = relative_media_path(path[at + len(_UPLOADS) :])
    return relative.as_posix() if relative is not None else None


class MediaImport:
    def __init__(self, uploads: Path | None, media: Path | None) -> None:
        self.uploads = uploads.resolve() if uploads is not None else None
        self.media = media
        #: Addresses whose file the uploads folder does not have (or cannot give).
        self.missing: dict[str, str] = {}
        self.copied: list[str] = []
        self._done: dict[str, bool] = {}

    def _bring(self, relative: str, url: str) -> bool:
        """Copy one image into the media folder; False (and listed) when it cannot be."""
        if relative in self._done:
            return self._done[relative]
        assert self.uploads is not None and self.media is not None
        source = (self.uploads / relative).resolve()
        ok = False
        if not source.is_relative_to(self.uploads):
            self.missing[url] = _("links outside the uploads folder")
        else:
            try:
                data = read_regular(source, MAX_IMAGE_BYTES)
            except UnreadableFile as error:
                self.missing[url] = error.reason
            else:
                ok = self._write(self.media / relative, data)
                if not ok:
                    self.missing[url] = _("could not be written into the media folder")
        self._done[relative] = ok
        return ok

    def _write(self, target: Path, data: bytes) -> bool:
        try:
            if target.is_file() and target.read_bytes() == data:
                return True
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".import-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except OSError:
            return False
        self.copied.append(target.relative_to(self.media).as_posix() if self.media else "")
        return True

    def relative(self, url: str) -> str | None:
        """The image's path in the media folder once copied, None when it stays remote."""
        if self.uploads is None or self.media is None or not url:
            return None
        relative = uploads_path(url)
        if relative is None:
            return None
        return relative if self._bring(relative, url) else None

    def body_src(self, url: str) -> str:
        """What an image in the body points at."""
        relative = self.relative(url)
        return MEDIA + relative if relative is not None else url

    def lead_image(self, url: str) -> str:
        """The lead image field: a media folder path, or the address as it was."""
        relative = self.relative(url)
        return relative if relative is not None else url
