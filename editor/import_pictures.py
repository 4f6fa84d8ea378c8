"""Pictures an imported Markdown file uses, brought into the media library.

A Hugo page bundle keeps its pictures beside ``index.md`` (``image: cover.jpg``,
``![Peta](peta.png)``); a site keeps shared ones in ``static/`` (Hugo) or at the top of the
site (Jekyll's ``/assets/img/…``). The import reads each picture the lead image or the body
names, keeps it in the library (editor.media.library: once per content, with the caption
and credit the file gives) and points the article at it (``media:<sha256>``), so the
published site makes its renditions. An address on another site is left alone; a picture
that is not found or not a picture keeps its address and is named in the report.

Only files under the folder imported are read (and the ``static`` folder beside a Hugo
``content`` folder): a ``..`` or a link leading out of them is not followed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from editor.database import Database
from editor.errors import RedaksiError
from editor.i18n import _
from editor.media.intake import NotAPicture, read_picture
from editor.media.library import add_picture
from editor.media.refs import is_media_ref, media_ref

#: ``![alt](src)`` and ``![alt](<src> "title")``, as the figure syntax writes them.
_IMAGE = re.compile(r"(!\[[^\]\n]*\]\(\s*)(<[^>\n]*>|[^\s)]+)")


@dataclass
class Brought:
    """What one file's pictures came to: the new addresses, and what the report says."""

    refs: dict[str, str] = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)


class SitePictures:
    """The pictures of one import, each read and kept once."""

    def __init__(self, db: Database, actor_id: uuid.UUID | None, roots: Sequence[Path]) -> None:
        self.db = db
        self.actor_id = actor_id
        self.roots = [root.resolve() for root in roots]
        self._kept: dict[Path, str | None] = {}

    def _root_of(self, path: Path) -> Path | None:
        real = path.resolve()
        return next((root for root in self.roots if real.is_relative_to(root)), None)

    def _candidates(self, source: Path, src: str) -> list[tuple[Path, Path]]:
        """(file, the folder it must stay in) for an address, nearest first."""
        root = self._root_of(source)
        if root is None:
            return []
        relative = PurePosixPath(unquote(urlsplit(src).path))
        if not relative.is_absolute():
            return [(source.parent / relative, root)]
        inside = relative.relative_to("/")
        bases = [root / "static", root]
        if root.name == "content":  # a Hugo site's content folder: its static/ is beside it
            bases.append(root.parent / "static")
        return [(base / inside, base) for base in bases]

    def _keep(self, path: Path, caption: str, credit: str, alt: str) -> str:
        picture = read_picture(path)
        added = add_picture(
            self.db,
            picture,
            actor_id=self.actor_id,
            caption=caption[:1000],
            credit=credit[:300],
            alt_text=alt[:1000],
            checked=True,  # the import checked who imports at its start
        )
        return media_ref(added.record.sha256)

    def ref(
        self,
        source: Path,
        src: str,
        *,
        caption: str = "",
        credit: str = "",
        alt: str = "",
        brought: Brought,
    ) -> str | None:
        """The library reference for the picture ``src`` names, None when it stays as is."""
        src = src.strip().strip("<>")
        if not src or is_media_ref(src) or urlsplit(src).scheme or src.startswith("//"):
            return None
        for path, base in self._candidates(source, src):
            try:
                real = path.resolve()
                if not real.is_relative_to(base.resolve()) or not real.is_file():
                    continue
            except OSError:
                continue
            if real not in self._kept:
                try:
                    self._kept[real] = self._keep(real, caption, credit, alt)
                except (NotAPicture, RedaksiError) as error:
                    self._kept[real] = None
                    brought.remarks.append(
                        _("picture {src} kept at its address: {reason}").format(
                            src=src, reason=str(error)
                        )
                    )
            found = self._kept[real]
            if found is not None:
                brought.refs[src] = found
            return found
        brought.remarks.append(_("picture {src} not found beside the file").format(src=src))
        return None

    def bring(
        self, source: Path, lead_image: str, caption: str, credit: str, body: str
    ) -> tuple[str, str, Brought]:
        """The lead image and the body with their pictures in the library."""
        brought = Brought()
        lead = self.ref(source, lead_image, caption=caption, credit=credit, brought=brought)

        def swap(match: re.Match[str]) -> str:
            alt = match.group(1)[2 : match.group(1).index("]")]
            found = self.ref(source, match.group(2), alt=alt, brought=brought)
            return match.group(1) + found if found else match.group(0)

        body = _IMAGE.sub(swap, body) if "![" in body else body
        if brought.refs:
            brought.remarks.insert(
                0,
                _("{count} pictures brought into the media library").format(
                    count=len(set(brought.refs.values()))
                ),
            )
        return lead or lead_image, body, brought
