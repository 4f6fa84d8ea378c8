"""Pictures made for the media tests (Pillow), so no test depends on a file on the machine."""

from __future__ import annotations

import io

from PIL import Image


def jpeg(
    width: int = 800,
    height: int = 600,
    colour: tuple[int, int, int] = (200, 30, 40),
    **save: object,
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=90, **save)
    return out.getvalue()


def png(width: int = 400, height: int = 300, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    fill = (10, 120, 200, 128) if mode == "RGBA" else (10, 120, 200)
    Image.new(mode, (width, height), fill).save(out, "PNG")
    return out.getvalue()


def with_gps_and_orientation(width: int = 800, height: int = 600, orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: turned by EXIF, with a GPS position and a serial."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0xA431] = "SERIAL-12345"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (6.0, 12.0, 30.0)
    gps[3] = "E"
    gps[4] = (106.0, 49.0, 10.0)
    return jpeg(width, height, exif=exif.tobytes())


def bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A tiny PNG that declares ``width`` x ``height`` pixels (1-bit, so it stays small)."""
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG", optimize=True)
    return out.getvalue()
