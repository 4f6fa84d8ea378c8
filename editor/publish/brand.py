"""The site's logo, favicon and fallback share picture.

A newsroom's IT names its logo and icon in the system configuration (``site_logo``,
``site_icon``: picture files on the publishing machine). Without them, or when a file
cannot be used (named in the publish report), Redaksi draws its own from the site name
with the shipped DejaVu font, so every site has a ``favicon.ico``, a publisher logo for
JSON-LD and a share picture (``og:image``) for articles without a photo.

Made with Pillow from fixed inputs, so the same settings give the same bytes and an
unchanged site keeps its files between publishes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL import __version__ as pillow_version

from editor.i18n import _
from editor.media.intake import NotAPicture, read_picture
from editor.publish.report import PublishProblem
from editor.publish.templates import resource_dir

ACCENT = (179, 18, 31)
WHITE = (255, 255, 255)
#: Google's publisher logo: at most 600 x 60.
LOGO_BOX = (600, 60)
SHARE_SIZE = (1200, 630)
ICON_SIZES = [(16, 16), (32, 32), (48, 48)]
TOUCH_ICON = 180
LOGO_PATH = "assets/logo.png"
SHARE_PATH = "assets/share.png"
TOUCH_ICON_PATH = "assets/icon-180.png"
FAVICON_PATH = "favicon.ico"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_dir("fonts") / "DejaVuSans-Bold.ttf"), size)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _initial(name: str) -> str:
    letters = [ch for ch in name if ch.isalnum()]
    return letters[0].upper() if letters else "R"


def _drawn_logo(name: str) -> Image.Image:
    """The site name in the accent colour, on white, as tall as the logo box allows."""
    font = _font(40)
    box = ImageDraw.Draw(Image.new("RGB", (1, 1))).textbbox((0, 0), name, font=font)
    width = min(LOGO_BOX[0], int(box[2] - box[0]) + 16)
    image = Image.new("RGB", (width, LOGO_BOX[1]), WHITE)
    ImageDraw.Draw(image).text(
        (8 - box[0], (LOGO_BOX[1] - (box[3] - box[1])) // 2 - box[1]), name, font=font, fill=ACCENT
    )
    return image


def _drawn_icon(name: str, size: int) -> Image.Image:
    image = Image.new("RGB", (size, size), ACCENT)
    draw = ImageDraw.Draw(image)
    font = _font(int(size * 0.7))
    letter = _initial(name)
    box = draw.textbbox((0, 0), letter, font=font)
    x = (size - (box[2] - box[0])) // 2 - box[0]
    y = (size - (box[3] - box[1])) // 2 - box[1]
    draw.text((x, y), letter, font=font, fill=WHITE)
    return image


def _drawn_share(name: str, logo: Image.Image | None) -> Image.Image:
    """The share picture: the logo (or the name) centred on white over an accent band."""
    image = Image.new("RGB", SHARE_SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, SHARE_SIZE[1] - 90, SHARE_SIZE[0], SHARE_SIZE[1]), fill=ACCENT)
    if logo is not None:
        shown = logo.copy()
        shown.thumbnail((SHARE_SIZE[0] - 200, SHARE_SIZE[1] - 240))
        image.paste(
            shown, ((SHARE_SIZE[0] - shown.width) // 2, (SHARE_SIZE[1] - 90 - shown.height) // 2)
        )
        return image
    size = 120
    font = _font(size)
    while size > 30 and draw.textlength(name, font=font) > SHARE_SIZE[0] - 160:
        size -= 10
        font = _font(size)
    box = draw.textbbox((0, 0), name, font=font)
    x = (SHARE_SIZE[0] - (box[2] - box[0])) // 2 - box[0]
    y = (SHARE_SIZE[1] - 90 - (box[3] - box[1])) // 2 - box[1]
    draw.text((x, y), name, font=font, fill=ACCENT)
    return image


@dataclass
class Brand:
    """What the site shows of the newsroom itself; ``problems`` names unusable files."""

    name: str
    logo_file: str = ""
    icon_file: str = ""

    def __post_init__(self) -> None:
        self.problems: list[PublishProblem] = []

    def _read(self, text: str, what: str) -> Image.Image | None:
        if not text.strip():
            return None
        path = Path(text).expanduser()
        try:
            picture = read_picture(path)
        except NotAPicture as error:
            self.problems.append(
                PublishProblem(
                    str(path),
                    _("the {what} cannot be used ({error}); the site uses its own.").format(
                        what=what, error=error
                    ),
                )
            )
            return None
        image = Image.open(io.BytesIO(picture.data))
        image.load()
        return image.convert("RGBA") if image.mode in ("P", "LA", "RGBA") else image.convert("RGB")

    @cached_property
    def _logo_source(self) -> Image.Image | None:
        return self._read(self.logo_file, _("site logo (site_logo)"))

    @cached_property
    def _icon_source(self) -> Image.Image | None:
        return self._read(self.icon_file, _("site icon (site_icon)"))

    @cached_property
    def logo(self) -> Image.Image:
        source = self._logo_source
        if source is None:
            return _drawn_logo(self.name)
        shown = source.copy()
        shown.thumbnail(LOGO_BOX)
        return shown

    @property
    def custom_logo(self) -> bool:
        return self._logo_source is not None

    def logo_png(self) -> bytes:
        return _png(self.logo)

    def share_png(self) -> bytes:
        logo = self.logo if self.custom_logo else None
        return _png(_drawn_share(self.name, logo))

    def _square_icon(self, size: int) -> Image.Image:
        source = self._icon_source
        if source is None:
            return _drawn_icon(self.name, size)
        side = min(source.size)
        left, top = (source.width - side) // 2, (source.height - side) // 2
        return source.crop((left, top, left + side, top + side)).resize((size, size))

    def favicon_ico(self) -> bytes:
        out = io.BytesIO()
        self._square_icon(48).save(out, format="ICO", sizes=ICON_SIZES)
        return out.getvalue()

    def touch_icon_png(self) -> bytes:
        return _png(self._square_icon(TOUCH_ICON))

    def key(self) -> tuple[object, ...]:
        """What the brand files depend on: a changed logo file makes them again."""

        def stamp(text: str) -> str:
            if not text.strip():
                return ""
            try:
                info = Path(text).expanduser().stat()
            except OSError:
                return "missing"
            return f"{info.st_size}:{info.st_mtime_ns}"

        return (
            self.name,
            self.logo_file,
            stamp(self.logo_file),
            self.icon_file,
            stamp(self.icon_file),
            pillow_version,
        )
