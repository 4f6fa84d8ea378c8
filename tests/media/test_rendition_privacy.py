"""What a published rendition keeps of the original: the pixels as the camera meant them
to be seen, and nothing that says where, or with which camera, the photo was taken."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from editor.media.intake import check_picture
from editor.media.renditions import make_renditions, sizes_for

#: Where the reporter stood and which camera they hold, as phones and cameras write it.
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
    b'exif:GPSLatitude="6,12.5S" exif:GPSLongitude="106,49.2E" '
    b'aux:SerialNumber="XMP-SERIAL-42"/></rdf:RDF></x:xmpmeta>'
)
SECRETS = (b"XMP-SERIAL-42", b"6,12.5S", b"BODY-SERIAL-7", b"CAMERA-SERIAL-9", b"LENS-SERIAL-3")
#: Pillow's transpose that undoes each EXIF orientation, and the one that makes it.
SHOWN_BY = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
STORED_AS = {**SHOWN_BY, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


def _exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Kamera"  # make: harmless, dropped all the same
    exif[0xA431] = "BODY-SERIAL-7"  # BodySerialNumber
    exif[0xC62F] = "CAMERA-SERIAL-9"  # CameraSerialNumber (DNG)
    exif[0xA435] = "LENS-SERIAL-3"  # LensSerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "S", (6.0, 12.0, 30.0), "E", (106.0, 49.0, 10.0)
    return exif


def _shown() -> Image.Image:
    """What the reader must see: 1200 x 800, red in the top left quarter, blue elsewhere."""
    image = Image.new("RGB", (1200, 800), (20, 40, 200))
    image.paste((220, 20, 20), (0, 0, 600, 400))
    return image


def _encoded(image: Image.Image, kind: str, exif: Image.Exif) -> bytes:
    out = io.BytesIO()
    options: dict[str, object] = {"exif": exif.tobytes()}
    if kind in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    image.save(out, kind, **options)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_no_position_or_serial_reaches_a_rendition(kind: str):
    original = _encoded(_shown(), kind, _exif())
    assert all(secret in original for secret in SECRETS[2:])
    picture = check_picture(original, f"hp.{kind.lower()}")
    made = make_renditions(picture.data, sizes_for(picture.width, picture.height))
    # Each width, including the original's own (1200: encoded without resizing).
    assert {width for width, _ext in made} == {320, 640, 1024, 1200}
    for (width, ext), data in made.items():
        for secret in SECRETS:
            assert secret not in data, (width, ext, secret)
        with Image.open(io.BytesIO(data)) as rendition:
            exif = rendition.getexif()
            assert not exif.get_ifd(0x8825), (width, ext)
            assert "xmp" not in rendition.info and "XML:com.adobe.xmp" not in rendition.info


@pytest.mark.parametrize("orientation", sorted(SHOWN_BY))
def test_every_camera_orientation_is_applied(orientation: int):
    stored = _shown().transpose(STORED_AS[orientation])
    picture = check_picture(_encoded(stored, "JPEG", _exif(orientation)), "hp.jpg")
    assert (picture.width, picture.height) == (1200, 800)
    made = make_renditions(picture.data, sizes_for(picture.width, picture.height))
    for (width, ext), data in made.items():
        with Image.open(io.BytesIO(data)) as rendition:
            assert rendition.size == (width, round(width * 2 / 3))
            assert 0x0112 not in rendition.getexif()  # shown as is: no second turn
            rgb = rendition.convert("RGB")
            red, _g, blue = rgb.getpixel((width // 8, width // 12))
            assert red > 150 and blue < 100, (orientation, width, ext)
            red, _g, blue = rgb.getpixel((width - width // 8, width // 12))
            assert blue > 150 and red < 100, (orientation, width, ext)
