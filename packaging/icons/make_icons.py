"""Redraw the PNG, ICO and ICNS icons from redaksi.svg (run after editing the SVG).

QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication([])
    renderer = QSvgRenderer(str(HERE / "redaksi.svg"))
    large = render(renderer, 256)
    outputs = {
        "redaksi.png": (large, "PNG"),
        "redaksi-48.png": (render(renderer, 48), "PNG"),
        "redaksi.ico": (large, "ICO"),  # Windows executable and installer
        "redaksi.icns": (large, "ICNS"),  # macOS .app
    }
    for name, (image, kind) in outputs.items():
        if not image.save(str(HERE / name), kind):
            raise SystemExit(f"could not write {name}")
    app.quit()


if __name__ == "__main__":
    main()
