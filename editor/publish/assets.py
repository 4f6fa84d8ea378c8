"""Files copied into the site: the stylesheet and the articles' lead images.

A lead image is a picture of the media library (``media:<sha256>``, see
``editor.publish.pictures``), or, for sites imported from elsewhere, a path inside the
media folder given to the publish, or a web address. A file from the media folder is
copied as it is, with its pixel size read from its header for the page's ``width`` and
``height``; a file that is not a picture a page can show is left out and reported.

Image paths come from users and imports, so they are untrusted: a path that is absolute,
climbs out with ``..`` or resolves (through a link) outside the media folder is refused
and reported; the article still publishes without its picture. So is a path to the
open newsroom database or its journal files: only SQLite may open those.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from markupsafe import Markup, escape

from editor.i18n import _
from editor.media.header import NoSize, picture_size
from editor.media.refs import is_media_ref, parse_media_ref
from editor.publish.pictures import SitePicture, SitePictures
from editor.publish.report import PublishProblem
from editor.publish.urls import MEDIA
from editor.sqlite_guard import is_open_database_file


@dataclass(frozen=True)
class MediaFile:
    #: Path inside the site, e.g. "media/2023/nato.jpg".
    site_path: str
    source: Path
    #: Size and modification time: a changed file is copied again.
    stamp: str
    #: Pixel size as shown (``with_size``); 0 until read.
    width: int = 0
    height: int = 0

    @property
    def url(self) -> str:
        return "/" + quote(self.site_path)


@dataclass(frozen=True)
class LeadImage:
    media: MediaFile | None = None
    #: An image hosted elsewhere (http/https), linked rather than copied.
    external: str | None = None
    #: A picture of the media library (``media:<sha256>``), shown in several sizes.
    picture: SitePicture | None = None

    def src(self, root: str) -> str | None:
        if self.picture is not None:
            return self.picture.url(root, self.picture.fallback().width)
        if self.media is not None:
            return root + self.media.url
        return self.external

    def absolute(self, base: str) -> str | None:
        """The largest JPEG: og:image and JSON-LD ask for 1200 px where there is that much."""
        if self.picture is not None:
            return self.picture.url(base, self.picture.largest().width)
        if self.media is not None:
            return base + self.media.url
        return self.external

    def file_html(self, root: str, alt: str) -> Markup | None:
        """The ``<img>`` of a file from the media folder, sized once its size is read."""
        if self.media is None or not self.media.width:
            return None
        return Markup(
            f'<img src="{escape(root + self.media.url)}" width="{self.media.width}" '
            f'height="{self.media.height}" alt="{escape(alt)}">'
        )

    def key(self) -> object:
        """What the picture looks like on a page, for the page's fingerprint."""
        if self.picture is not None:
            record = self.picture.record
            return ("picture", record.sha256, record.alt_text)
        if self.media is not None:
            return (self.media.site_path, self.media.stamp)
        return self.external


def relative_media_path(text: str) -> PurePosixPath | None:
    """The image path as a clean relative path, or None if it would leave the folder."""
    cleaned = text.strip().replace("\\", "/")
    if not cleaned or cleaned.startswith("/") or ":" in cleaned.split("/", 1)[0]:
        return None
    parts = [part for part in cleaned.split("/") if part not in ("", ".")]
    if not parts or any(part == ".." for part in parts):
        return None
    if any(ord(ch) < 0x20 for part in parts for ch in part):
        return None
    return PurePosixPath(*parts)


def resolve_lead_image(
    text: str,
    media_dir: Path | None,
    problems: list[PublishProblem],
    where: str,
    pictures: SitePictures | None = None,
) -> LeadImage:
    text = text.strip()
    if not text:
        return LeadImage()
    if is_media_ref(text):
        sha = parse_media_ref(text)
        picture = pictures.get(sha) if pictures is not None and sha else None
        if picture is None:
            if sha and pictures is not None:
                problems.append(pictures.problem(where, sha))
            else:
                problems.append(
                    PublishProblem(
                        where,
                        _("lead image {text!r} is not a media library reference; left out.").format(
                            text=text
                        ),
                    )
                )
            return LeadImage()
        return LeadImage(picture=picture)
    if text.startswith(("https://", "http://")):
        return LeadImage(external=text)
    relative = relative_media_path(text)
    if relative is None:
        problems.append(
            PublishProblem(
                where,
                _(
                    "lead image path {text!r} points outside the media folder; it was left "
                    "out. Use a path relative to the media folder."
                ).format(text=text),
            )
        )
        return LeadImage()
    if media_dir is None:
        problems.append(
            PublishProblem(
                where, _("lead image {text!r} left out: no media folder is set.").format(text=text)
            )
        )
        return LeadImage()
    root = media_dir.resolve()
    source = (root / relative).resolve()
    if not source.is_relative_to(root):
        problems.append(
            PublishProblem(
                where,
                _("lead image {text!r} links outside the media folder; left out.").format(
                    text=text
                ),
            )
        )
        return LeadImage()
    try:
        info = source.stat()
    except OSError:
        info = None
    if info is None or not source.is_file():
        problems.append(
            PublishProblem(
                where,
                _(
                    "lead image {text!r} is missing from {root}; the page was published "
                    "without it. Add the file and publish again."
                ).format(text=text, root=root),
            )
        )
        return LeadImage()
    if is_open_database_file(source):
        problems.append(
            PublishProblem(
                where,
                _(
                    "lead image {text!r} is the newsroom database (or one of its journal "
                    "files), not a picture; left out."
                ).format(text=text),
            )
        )
        return LeadImage()
    stamp = f"{info.st_size}:{info.st_mtime_ns}"
    return LeadImage(media=MediaFile(f"{MEDIA.strip('/')}/{relative.as_posix()}", source, stamp))


def with_size(
    image: LeadImage,
    text: str,
    problems: list[PublishProblem],
    where: str,
    known: dict[tuple[Path, str], tuple[int, int] | str] | None = None,
) -> LeadImage:
    """A lead image from the media folder with its pixel size read from the file, or none
    (and a problem) when the file is not a picture a page can show. ``known``: sizes
    already read in this publish, by file and stamp (many articles may share a file)."""
    if image.media is None:
        return image
    known = {} if known is None else known
    found = known.get((image.media.source, image.media.stamp))
    if found is None:
        try:
            found = picture_size(image.media.source)
        except NoSize as error:
            found = str(error)
        known[image.media.source, image.media.stamp] = found
    if isinstance(found, str):
        problems.append(
            PublishProblem(
                where,
                _("lead image {text!r} {reason}; it was left out.").format(
                    text=text.strip(), reason=found
                ),
            )
        )
        return LeadImage()
    width, height = found
    return replace(image, media=replace(image.media, width=width, height=height))


def copy_file(source: Path, target: Path) -> None:
    """Copy bytes only (not permissions or times, which would differ between publishes)."""
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(1 << 20):
            writer.write(chunk)
    os.chmod(target, 0o644)
