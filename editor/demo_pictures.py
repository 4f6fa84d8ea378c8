"""The demo newsroom's pictures: six free photos shipped in ``resources/demo/photos``, one
illustration drawn here and one for each desk (``editor.demo_illustrations``), put in the
media library with their credits and licences. A story the newsroom file gives no picture
gets its desk's illustration, as portals do.

``newsroom.yaml`` lists them under ``photos`` (file, caption, credit, alt text, licence);
an article names one as ``image: rocket.jpg``, and a demo body as ``demo-photo:NAME``,
which the loader turns into the picture's ``media:`` reference.
"""

from __future__ import annotations

import io
import math
from importlib import resources
from typing import Any

from editor.database import Database
from editor.demo_illustrations import DESKS, desk_illustration
from editor.media.intake import Picture, check_picture
from editor.media.library import keep_picture
from editor.media.refs import media_ref

PHOTOS_PACKAGE = "resources.demo.photos"
BODY_PREFIX = "demo-photo:"
#: Drawn, not shipped: the NATO article's compass rose (NATO's emblem is one).
ILLUSTRATION = "ilustrasi-mawar-kompas.png"


def compass_rose(width: int = 1600, height: int = 900) -> bytes:
    """A navy field with a white four-pointed compass rose, as PNG (same bytes every time)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (0, 45, 98))
    draw = ImageDraw.Draw(image)
    cx, cy, radius = width // 2, height // 2, int(height * 0.36)
    draw.ellipse(
        (cx - radius, cy - radius, cx + radius, cy + radius), outline=(255, 255, 255), width=10
    )
    long, short = radius * 1.25, radius * 0.16
    for quarter in range(4):
        angle = quarter * math.pi / 2
        tip = (cx + long * math.cos(angle), cy + long * math.sin(angle))
        left = (
            cx + short * math.cos(angle + math.pi / 2),
            cy + short * math.sin(angle + math.pi / 2),
        )
        right = (
            cx + short * math.cos(angle - math.pi / 2),
            cy + short * math.sin(angle - math.pi / 2),
        )
        draw.polygon([left, tip, (cx, cy)], fill=(255, 255, 255))
        draw.polygon([right, tip, (cx, cy)], fill=(170, 190, 215))
    for step in range(16):
        angle = step * math.pi / 8
        inner, outer = radius + 18, radius + (40 if step % 2 == 0 else 28)
        draw.line(
            (
                cx + inner * math.cos(angle),
                cy + inner * math.sin(angle),
                cx + outer * math.cos(angle),
                cy + outer * math.sin(angle),
            ),
            fill=(255, 255, 255),
            width=6,
        )
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def desk_picture(section_path: str) -> str:
    """The drawn illustration of a story's desk ("berita/politik" -> its file name)."""
    return f"ilustrasi-{section_path.rsplit('/', 1)[-1]}.png"


def _picture(name: str) -> Picture:
    if name == ILLUSTRATION:
        return check_picture(compass_rose(), name)
    if name in DESKS:
        return check_picture(desk_illustration(name), name)
    data = (resources.files(PHOTOS_PACKAGE) / name).read_bytes()
    return check_picture(data, name)


def load_photos(db: Database, entries: list[dict[str, Any]]) -> dict[str, str]:
    """Put every demo picture in the library (once); their references by file name."""
    refs: dict[str, str] = {}
    with db.transaction() as session:
        for entry in entries:
            picture = _picture(entry["file"])
            given = {
                "caption": entry.get("caption", ""),
                "credit": entry.get("credit", ""),
                "alt_text": entry.get("alt", ""),
                "license": entry.get("license", ""),
            }
            keep_picture(session, picture, None, given)
            refs[entry["file"]] = media_ref(picture.sha256)
    return refs


def with_photos(body: str, refs: dict[str, str]) -> str:
    """A demo body with each ``demo-photo:NAME`` turned into the picture's reference."""
    for name, ref in refs.items():
        body = body.replace(BODY_PREFIX + name, ref)
    return body
