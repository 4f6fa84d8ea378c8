"""The resized copies of a picture a publish writes: a few widths, WebP and JPEG.

Each rendition is made from the stored original: the camera's orientation applied,
resized with Lanczos, and encoded without the original's metadata. So EXIF (GPS position,
camera serial numbers, owner names) never reaches a reader; only the colour profile is
kept, for true colours. Renditions are named by the picture's hash, their width and
format, which makes them immutable: once made (``RenditionCache``) they are never made
again for an unchanged picture, and a change of how they are made bumps ``FORMAT``.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.media.intake import MAX_PIXELS

if TYPE_CHECKING:
    from PIL.Image import Image

#: Widths made, where the original is at least that wide (plus the original's own width,
#: up to the largest, so the page never shows a picture blown up).
WIDTHS = (320, 640, 1024, 1600)
#: Bump when renditions change (quality, sizes, formats): every picture is made again.
FORMAT = "1"
JPEG_QUALITY = 82
WEBP_QUALITY = 80
#: (file extension, Pillow format, MIME type); browsers pick the first they support.
ENCODINGS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))
#: Pillow releases the interpreter lock while it decodes, resizes and encodes.
THREADS = max(1, min(4, os.cpu_count() or 1))


class RenditionError(ValueError):
    pass


@dataclass(frozen=True)
class Size:
    width: int
    height: int


def sizes_for(width: int, height: int) -> list[Size]:
    """The widths to make for a picture of ``width`` x ``height`` (as shown), smallest first."""
    if width <= 0 or height <= 0:
        return []
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
    return [Size(w, max(1, round(height * w / width))) for w in widths]


def file_name(sha256: str, width: int, extension: str) -> str:
    return f"{sha256}-{width}.{extension}"


def make_renditions(data: bytes, sizes: Iterable[Size]) -> dict[tuple[int, str], bytes]:
    """Every size in both encodings, as ``{(width, extension): bytes}``."""
    from PIL import Image as Pillow
    from PIL import ImageOps

    wanted = sorted(sizes, key=lambda size: -size.width)
    made: dict[tuple[int, str], bytes] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pillow.DecompressionBombWarning)
            with Pillow.open(io.BytesIO(data)) as opened:
                if opened.size[0] * opened.size[1] > MAX_PIXELS:
                    raise RenditionError("too many pixels")
                opened.seek(0)  # an animated GIF's first frame
                icc = opened.info.get("icc_profile")
                image = ImageOps.exif_transpose(opened)
                image.load()
    except RenditionError:
        raise
    except Exception as error:  # whatever Pillow raises for bytes it cannot read
        raise RenditionError(str(error) or type(error).__name__) from None
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    source = image.convert("RGBA" if has_alpha else "RGB")
    flat = _on_white(source) if has_alpha else source
    current_webp, current_jpg = source, flat
    for size in wanted:
        # Each smaller width from the one above: much cheaper, no visible difference.
        current_webp = _resized(current_webp, size)
        current_jpg = current_webp if not has_alpha else _resized(current_jpg, size)
        made[size.width, "webp"] = _encode(current_webp, "WEBP", icc)
        made[size.width, "jpg"] = _encode(current_jpg, "JPEG", icc)
    return made


def _on_white(image: Image) -> Image:
    from PIL import Image as Pillow

    background = Pillow.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def _resized(image: Image, size: Size) -> Image:
    from PIL import Image as Pillow

    if image.size == (size.width, size.height):
        return image
    return image.resize((size.width, size.height), Pillow.Resampling.LANCZOS)


def _encode(image: Image, kind: str, icc: bytes | None) -> bytes:
    out = io.BytesIO()
    options: dict[str, object] = {"icc_profile": icc} if icc else {}
    if kind == "JPEG":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, **options)
    else:
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4, **options)
    return out.getvalue()


class RenditionCache:
    """Renditions on disk, outside the published site: ``<folder>/<FORMAT>/<ab>/<name>``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / FORMAT
        #: Pictures made by this cache (for the publish report and the benchmark).
        self.made = 0

    def path(self, sha256: str, width: int, extension: str) -> Path:
        return self.folder / sha256[:2] / file_name(sha256, width, extension)

    def missing(self, sha256: str, sizes: list[Size]) -> bool:
        return any(
            not self.path(sha256, size.width, ext).is_file()
            for size in sizes
            for ext, _kind, _mime in ENCODINGS
        )

    def ensure(
        self,
        wanted: dict[str, list[Size]],
        load: Callable[[str], bytes | None],
    ) -> dict[str, str]:
        """Make what is missing for each picture, in parallel; ``{sha256: problem}`` for
        pictures that could not be made (their bytes are missing or unreadable)."""
        todo = [sha for sha, sizes in wanted.items() if sizes and self.missing(sha, sizes)]
        problems: dict[str, str] = {}

        def one(sha: str) -> None:
            data = load(sha)
            if data is None:
                problems[sha] = "missing"
                return
            try:
                made = make_renditions(data, wanted[sha])
            except RenditionError as error:
                problems[sha] = str(error)
                return
            for (width, extension), content in made.items():
                self._write(self.path(sha, width, extension), content)
            self.made += 1

        if len(todo) <= 1:
            for sha in todo:
                one(sha)
        else:
            with ThreadPoolExecutor(THREADS) as pool:
                list(pool.map(one, todo))
        return problems

    def _write(self, target: Path, content: bytes) -> None:
        """Whole or not at all: a publish stopped half-way leaves no half picture."""
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
