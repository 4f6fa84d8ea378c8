"""Screenshots a test leaves for a person to look at: build/screenshots/ui/NAME.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

FOLDER = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "ui"


def save_screenshot(widget: QWidget, name: str) -> Path:
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not write {path}"
    return path
