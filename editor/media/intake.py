"""Reading a picture from outside, and checking it is one before anything keeps it.

Everything here is untrusted: a file dialog, an import folder, a package, a replica's
upload. A file is read as ``editor.outside_files`` reads any file (regular files only,
links followed and checked like the file they lead to, a byte budget), then decoded
whole once with Pillow: a file that only claims to be a picture (an HTML page named
``.jpg``), a truncated or corrupt one, a format we do not publish, or one whose pixel
count would need gigabytes once decoded (a "decompression bomb": a few kilobytes of PNG
can declare 20,000 x 20,000 pixels) is refused with one sentence saying why. The size
is checked from the header before any pixel is decoded.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path

from editor.errors import ValidationError
from editor.i18n import _
from editor.outside_files import UnreadableFile, kind_name, open_regular
from editor.sqlite_guard import is_open_database_file

#: Bigger files are refused: no newsroom photo needs more (a 61-megapixel camera's
#: finest JPEG is about 40 MB).
MAX_BYTES = 50 * 1024 * 1024
#: Decoded, a picture takes about 4 bytes a pixel: 70 megapixels is 280 MB of memory.
#: It is below Pillow's own bomb limit (MAX_IMAGE_PIXELS, 89 megapixels), so Pillow
#: never needs to warn first.
MAX_PIXELS = 70_000_000
#: Pillow's format name -> MIME type: what browsers show and the publish can resize.
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
#: EXIF orientations that turn the picture a quarter: width and height swap when shown.
QUARTER_TURNS = {5, 6, 7, 8}
EXIF_ORIENTATION = 0x0112


class NotAPicture(ValidationError):
    """The file cannot go into the media library; the message says why in one sentence."""


@dataclass(frozen=True)
class Picture:
    data: bytes
    sha256: str
    name: str
    mime: str
    #: As shown (the camera's orientation applied).
    width: int
    height: int


def read_picture(path: Path) -> Picture:
    """The picture at ``path``, checked; NotAPicture (naming the file) otherwise."""
    shown = str(path)
    if is_open_database_file(path):
        raise NotAPicture(
            _("{path} is the newsroom database, not a picture; it was not read.").format(path=shown)
        )
    try:
        with open_regular(path) as stream:
            # One byte past the limit tells a file that is too big (or grew while read).
            data = stream.read(MAX_BYTES + 1)
    except UnreadableFile as error:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            raise NotAPicture(f"{shown} {error.reason}") from None
        if stat.S_ISREG(mode):
            raise NotAPicture(f"{shown} {error.reason}") from None
        raise NotAPicture(
            _("{path} is {kind}, not a picture; it was not read.").format(
                path=shown, kind=kind_name(mode)
            )
        ) from None
    except OSError as error:
        raise NotAPicture(
            _("{path} cannot be read: {reason}.").format(path=shown, reason=error.strerror)
        ) from None
    return check_picture(data, path.name, shown)


def check_picture(data: bytes, name: str, shown: str | None = None) -> Picture:
    """``data`` as a Picture, once Pillow has decoded all of it; NotAPicture otherwise."""
    from PIL import Image, UnidentifiedImageError

    shown = shown or name
    if len(data) > MAX_BYTES:
        raise NotAPicture(
            _("{path} is larger than {limit} MB; pictures can be at most that.").format(
                path=shown, limit=MAX_BYTES // (1024 * 1024)
            )
        )
    kinds = ", ".join(sorted(kind for kind in FORMATS if kind != "WEBP")) + ", WebP"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise NotAPicture(
                        _(
                            "{path} is {width} x {height} pixels; pictures can have at most "
                            "{limit} million pixels. Scale it down first."
                        ).format(
                            path=shown,
                            width=width,
                            height=height,
                            limit=MAX_PIXELS // 1_000_000,
                        )
                    )
                image.load()
                orientation = image.getexif().get(EXIF_ORIENTATION, 1)
                kind = image.format or ""
    except NotAPicture:
        raise
    except UnidentifiedImageError:
        raise NotAPicture(
            _("{path} is not a picture Redaksi can publish ({kinds}); it was not added.").format(
                path=shown, kinds=kinds
            )
        ) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NotAPicture(
            _(
                "{path} declares more pixels than a picture can have (a decompression bomb); "
                "it was not added."
            ).format(path=shown)
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
        raise NotAPicture(
            _("{path} is damaged or cut short and cannot be shown; it was not added.").format(
                path=shown
            )
        ) from None
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return Picture(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        name=Path(name).name[:300],
        mime=FORMATS[kind],
        width=width,
        height=height,
    )
