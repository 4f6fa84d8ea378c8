"""Illustrations the demo newsroom draws for its desks, so every demo story has a picture.

A portal front page is a wall of photos; the demo ships six free photos, too few for its
stories, so each desk gets a flat illustration in the style of a newsroom's stock
"Ilustrasi" graphics: a coloured field, one symbol of the desk in white. Drawn with
Pillow from fixed numbers, so the same bytes (and the same media hash) every time.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
WHITE = (255, 255, 255)
SOFT = (255, 255, 255, 70)

Draw = Callable[[ImageDraw.ImageDraw], None]


def _field(colour: tuple[int, int, int], deeper: tuple[int, int, int]) -> Image.Image:
    """A two-tone field: a diagonal band of the deeper colour across the base."""
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    draw.polygon([(WIDTH * 0.55, 0), (WIDTH, 0), (WIDTH, HEIGHT), (WIDTH * 0.3, HEIGHT)], deeper)
    return image


def _dome(draw: ImageDraw.ImageDraw) -> None:
    """A parliament: dome, columns, steps."""
    cx, base = WIDTH // 2, 700
    draw.rectangle((cx - 420, base, cx + 420, base + 40), WHITE)
    draw.rectangle((cx - 380, base - 20, cx + 380, base), WHITE)
    for n in range(9):
        x = cx - 340 + n * 85
        draw.rectangle((x - 18, base - 260, x + 18, base - 20), WHITE)
    draw.rectangle((cx - 380, base - 300, cx + 380, base - 260), WHITE)
    draw.pieslice((cx - 230, base - 530, cx + 230, base - 70), 180, 360, WHITE)
    draw.rectangle((cx - 6, base - 600, cx + 6, base - 530), WHITE)
    draw.polygon([(cx + 6, base - 600), (cx + 80, base - 580), (cx + 6, base - 560)], WHITE)


def _scales(draw: ImageDraw.ImageDraw) -> None:
    """The scales of justice."""
    cx, top = WIDTH // 2, 170
    draw.rectangle((cx - 12, top, cx + 12, 720), WHITE)
    draw.rectangle((cx - 160, 720, cx + 160, 760), WHITE)
    draw.ellipse((cx - 30, top - 40, cx + 30, top + 20), WHITE)
    draw.line((cx - 330, top + 60, cx + 330, top + 60), WHITE, 16)
    for side in (-1, 1):
        x = cx + side * 320
        draw.line((x, top + 60, x - 110, top + 330), WHITE, 6)
        draw.line((x, top + 60, x + 110, top + 330), WHITE, 6)
        draw.chord((x - 150, top + 230, x + 150, top + 430), 0, 180, WHITE)


def _chart(draw: ImageDraw.ImageDraw) -> None:
    """A rising bar chart with its trend arrow."""
    left, base = 360, 760
    draw.line((left - 40, base, WIDTH - 320, base), WHITE, 10)
    heights = (180, 260, 230, 360, 450, 560)
    for n, height in enumerate(heights):
        x = left + n * 160
        draw.rectangle((x, base - height, x + 100, base - 10), WHITE)
    points = [(left + n * 160 + 50, base - h - 70) for n, h in enumerate(heights)]
    draw.line(points, (255, 214, 90), 14, joint="curve")
    tip = points[-1]
    draw.polygon(
        [(tip[0] + 10, tip[1] - 70), (tip[0] + 70, tip[1] + 10), (tip[0] - 40, tip[1] + 20)],
        (255, 214, 90),
    )


def _ball(draw: ImageDraw.ImageDraw) -> None:
    """A football on the pitch's centre circle."""
    cx, cy, r = WIDTH // 2, HEIGHT // 2, 230
    draw.line((cx, 0, cx, HEIGHT), SOFT, 8)
    draw.ellipse((cx - 380, cy - 380, cx + 380, cy + 380), outline=SOFT, width=8)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), WHITE)

    def patch(px: float, py: float, size: float, turn: float) -> None:
        corners = [
            (
                px + size * math.cos(turn + k * 2 * math.pi / 5),
                py + size * math.sin(turn + k * 2 * math.pi / 5),
            )
            for k in range(5)
        ]
        draw.polygon(corners, (30, 30, 30))

    patch(cx, cy, 70, -math.pi / 2)
    for k in range(5):
        angle = -math.pi / 2 + k * 2 * math.pi / 5
        patch(cx + 175 * math.cos(angle), cy + 175 * math.sin(angle), 55, angle + math.pi / 5)


def _globe(draw: ImageDraw.ImageDraw) -> None:
    """A globe of meridians and parallels."""
    cx, cy, r = WIDTH // 2, HEIGHT // 2, 320
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=WHITE, width=14)
    for k in (1, 2):
        w = r * k / 3
        draw.ellipse((cx - w, cy - r, cx + w, cy + r), outline=WHITE, width=8)
    draw.line((cx, cy - r, cx, cy + r), WHITE, 8)
    for k in (-2, -1, 0, 1, 2):
        y = cy + k * r / 3
        half = math.sqrt(max(0.0, r * r - (y - cy) ** 2))
        draw.line((cx - half, y, cx + half, y), WHITE, 8)


def _skyline(draw: ImageDraw.ImageDraw) -> None:
    """A city skyline with a monument and lit windows."""
    base = 780
    blocks = [(150, 330), (300, 480), (470, 260), (600, 560), (980, 420), (1130, 600), (1300, 300)]
    for x, height in blocks:
        draw.rectangle((x, base - height, x + 140, base), WHITE)
        for row in range(base - height + 30, base - 40, 60):
            for col in (x + 25, x + 80):
                draw.rectangle((col, row, col + 30, row + 30), (70, 80, 100))
    cx = 860
    draw.polygon(
        [(cx - 60, base), (cx + 60, base), (cx + 20, base - 470), (cx - 20, base - 470)], WHITE
    )
    draw.ellipse((cx - 45, base - 540, cx + 45, base - 450), (255, 214, 90))
    draw.rectangle((0, base, WIDTH, HEIGHT), (255, 255, 255, 90))


def _island(draw: ImageDraw.ImageDraw) -> None:
    """An island with a palm under the sun, waves in front."""
    draw.ellipse((1040, 140, 1280, 380), (255, 214, 90))
    draw.chord((420, 540, 1180, 900), 180, 360, WHITE)
    draw.line([(800, 560), (780, 420), (800, 300)], WHITE, 26, joint="curve")
    for angle in (-160, -120, -60, -20, 200):
        rad = math.radians(angle)
        end = (800 + 230 * math.cos(rad), 300 + 110 * math.sin(rad) + 60)
        draw.line(
            [(800, 300), ((800 + end[0]) / 2, min(300, end[1]) - 50), end], WHITE, 22, joint="curve"
        )
    for row, y in enumerate((740, 810)):
        for x in range(-60 + row * 70, WIDTH, 140):
            draw.arc((x, y - 40, x + 140, y + 40), 200, 340, WHITE, 12)


#: Desk illustration file name -> (base colour, band colour, drawing).
DESKS: dict[str, tuple[tuple[int, int, int], tuple[int, int, int], Draw]] = {
    "ilustrasi-politik.png": ((122, 20, 34), (98, 14, 27), _dome),
    "ilustrasi-hukum.png": ((45, 52, 70), (33, 38, 52), _scales),
    "ilustrasi-ekonomi.png": ((16, 102, 86), (11, 80, 67), _chart),
    "ilustrasi-olahraga.png": ((38, 120, 48), (30, 98, 38), _ball),
    "ilustrasi-dunia.png": ((18, 70, 128), (12, 54, 102), _globe),
    "ilustrasi-metropolitan.png": ((92, 104, 130), (76, 86, 110), _skyline),
    "ilustrasi-nusantara.png": ((0, 128, 148), (0, 104, 122), _island),
}


def desk_illustration(name: str) -> bytes:
    """The desk's illustration as PNG (KeyError for a name not in DESKS)."""
    colour, deeper, drawing = DESKS[name]
    image = _field(colour, deeper)
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    drawing(ImageDraw.Draw(layer, "RGBA"))
    image.paste(layer, (0, 0), layer)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
