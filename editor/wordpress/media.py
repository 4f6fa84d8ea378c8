"""Images of a WordPress export, brought into the newsroom's media library.

A reporter's laptop has no network, so images are taken from a copy of the site's
``wp-content/uploads`` folder (``--uploads DIR``): an address
``https://situs.id/wp-content/uploads/2023/05/foto.jpg`` is the file ``2023/05/foto.jpg`` in
it. It is kept in the media library (editor.media.library: once per content, with the
attachment's caption, credit and alt text) and the article points at it (``media:<sha256>``
as the lead image and in the body), so the published site makes its renditions. An image
the folder does not have, or that is not a picture, is listed and keeps its old address;
without ``--uploads`` every address stays as it was.

The uploads folder is untrusted like any import: only regular files inside it are read
(no link leads out of it, no FIFO or device), and each is checked as a picture
(editor.media.intake) before it is kept.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.database import Database
from editor.errors import RedaksiError
from editor.i18n import _
from editor.media.intake import NotAPicture, read_picture
from editor.media.library import add_picture
from editor.media.refs import media_ref
from editor.publish.assets import relative_media_path
from editor.wordpress.content import Attachment

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
    def __init__(
        self,
        uploads: Path | None,
        db: Database | None = None,
        actor_id: uuid.UUID | None = None,
        described: Mapping[str, Attachment] | None = None,
    ) -> None:
        self.uploads = uploads.resolve() if uploads is not None else None
        self.db = db
        self.actor_id = actor_id
        #: The attachments by their file's path in the uploads folder, for the caption,
        #: credit and alt text a picture is kept with.
        self.described = {
            relative: item
            for url, item in (described or {}).items()
            if (relative := uploads_path(url)) is not None
        }
        #: Addresses whose file the uploads folder does not have (or cannot give).
        self.missing: dict[str, str] = {}
        #: Library references of the pictures kept, by their path in the uploads folder.
        self.kept: dict[str, str | None] = {}

    def _bring(self, relative: str, url: str) -> str | None:
        """Keep one picture in the library; None (and listed) when it cannot be."""
        if relative in self.kept:
            return self.kept[relative]
        assert self.uploads is not None and self.db is not None
        source = (self.uploads / relative).resolve()
        ref = None
        if not source.is_relative_to(self.uploads):
            self.missing[url] = _("links outside the uploads folder")
        else:
            about = self.described.get(relative)
            try:
                added = add_picture(
                    self.db,
                    read_picture(source),
                    actor_id=self.actor_id,
                    caption=about.caption[:1000] if about else "",
                    credit=about.credit[:300] if about else "",
                    alt_text=about.alt[:1000] if about else "",
                    checked=True,  # the import checked who imports at its start
                )
            except (NotAPicture, RedaksiError) as error:
                self.missing[url] = str(error).replace(str(source), source.name)
            else:
                ref = media_ref(added.record.sha256)
        self.kept[relative] = ref
        return ref

    def ref(self, url: str) -> str | None:
        """The picture's library reference, None when it stays at its address."""
        if self.uploads is None or self.db is None or not url:
            return None
        relative = uploads_path(url)
        if relative is None:
            return None
        return self._bring(relative, url)

    def body_src(self, url: str) -> str:
        """What an image in the body points at."""
        return self.ref(url) or url

    def lead_image(self, url: str) -> str:
        """The lead image field: a library reference, or the address as it was."""
        return self.ref(url) or url
