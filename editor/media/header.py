"""The pixel size of a picture file, read from its header without decoding it.

For lead images given as a path in the site's media folder (from before the media
library, or imported sites): the publish copies the file as it is, and its page needs
``width`` and ``height`` so the text does not jump while the picture loads. The file is
opened as ``editor.outside_files`` opens any untrusted file (regular files only, links
checked), and only Pillow's header parser reads it, so a 20,000 x 20,000 "bomb" costs
nothing; what is not a picture the site can show (an HTML page named ``.jpg``, a
damaged header) is refused, as the media library refuses it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from editor.i18n import _
from editor.media.intake import EXIF_ORIENTATION, FORMATS, MAX_PIXELS, QUARTER_TURNS
from editor.outside_files import UnreadableFile, open_regular


class NoSize(ValueError):
    """Why the file has no size a page can use, as the end of a sentence."""


def picture_size(path: Path) -> tuple[int, int]:
    """(width, height) as shown, the camera's orientation applied; NoSize otherwise."""
    from PIL import Image, UnidentifiedImageError

    try:
        with open_regular(path) as stream, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(stream, formats=list(FORMATS)) as image:
                width, height = image.size
                orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    except UnreadableFile as error:
        raise NoSize(error.reason) from None
    except UnidentifiedImageError:
        kinds = ", ".join(sorted(kind for kind in FORMATS if kind != "WEBP")) + ", WebP"
        raise NoSize(_("is not a picture a site can show ({kinds})").format(kinds=kinds)) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise NoSize(_("declares more pixels than a picture can have")) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError):
        raise NoSize(_("is damaged and cannot be shown")) from None
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        raise NoSize(
            _("is {width} x {height} pixels; a picture can have at most {limit} million").format(
                width=width, height=height, limit=MAX_PIXELS // 1_000_000
            )
        )
    if orientation in QUARTER_TURNS:
        width, height = height, width
    return width, height
