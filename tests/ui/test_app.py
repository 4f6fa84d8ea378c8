"""Starting the app: options, --screenshot in a real process, clear start-up errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui.app import find_article_id, parse_options, run_gui


def test_options_are_parsed_and_bad_ones_explained(capsys):
    options = parse_options(
        ["--db", "x.db", "--screenshot", "a.png", "--size", "1920x1080", "--theme", "dark"]
    )
    assert options.size == (1920, 1080)
    assert options.screenshot == Path("a.png")
    assert options.theme == "dark"
    assert run_gui(["--size", "huge"]) == 2
    assert "1366x768" in capsys.readouterr().err
    assert run_gui(["--view", "calendar"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_screenshot_writes_a_png_of_the_requested_size(demo_db, tmp_path):
    shot = tmp_path / "shots" / "main.png"
    article = demo_db.url  # the same file, opened by a second process
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ui.app import run_gui; sys.exit(run_gui(sys.argv[1:]))",
            "--db",
            article,
            "--screenshot",
            str(shot),
            "--size",
            "1000x700",
            "--lang",
            "id",
            "--theme",
            "dark",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1000, 700)
    # Dark theme: the window background (bottom-right corner, status bar) is dark.
    assert image.pixelColor(990, 690).lightness() < 100


def test_damaged_database_is_reported_without_a_traceback(tmp_path, capsys, qapp):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all" * 100)
    code = run_gui(["--db", str(broken), "--screenshot", str(tmp_path / "x.png")])
    assert code == 1
    err = capsys.readouterr().err
    assert "broken.db" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.png").exists()
    assert broken.read_bytes() == b"this is not a database at all" * 100


def test_article_can_be_named_by_the_start_of_its_id(demo_db):
    from editor.listing import list_articles

    wanted = list_articles(demo_db).items[0].id
    assert find_article_id(demo_db, wanted.hex[:10]) == wanted
    assert find_article_id(demo_db, str(wanted)) == wanted
    from editor.errors import NotFoundError

    with pytest.raises(NotFoundError, match="redaksi list"):
        find_article_id(demo_db, "zz-not-hex")


def test_start_up_loader_never_touches_qt(demo_db):
    """It runs beside the GUI thread while PySide6 sets up, which is not thread-safe."""
    script = (
        "import sys; from ui.app import StartupLoader; "
        "loader = StartupLoader(sys.argv[1], None); loader.run(); "
        "assert loader.error is None, loader.error; "
        "assert loader.prefetched.first_page.total > 0; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, demo_db.url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_newer_database_gets_a_clear_dialog_at_start(tmp_path, qapp, qt_messages):
    import sqlite3

    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
    before = newer.read_bytes()
    assert run_gui(["--db", str(newer)]) == 1
    kind, text = qt_messages[0]
    assert kind == "critical"
    assert "newer" in text.lower()
    assert newer.read_bytes() == before, "a newer database is never touched"


def test_a_damaged_system_config_stops_the_app_with_a_message_box(
    tmp_path, qapp, qt_messages, monkeypatch, capsys
):
    """Started from the menu nobody sees stderr: the refusal is a message box that names
    the file and the line, and no private database is opened in the newsroom's place."""
    system_file = tmp_path / "config.toml"
    newsroom = tmp_path / "kantor.db"
    system_file.write_text(
        f'database_url = "{newsroom}"\nlocked = ["database_url"]\nzone = Asia/Makassar\n'
    )
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(system_file))
    own = tmp_path / "own.db"
    assert run_gui(["--db", str(own)]) == 1
    [(kind, text)] = qt_messages
    assert kind == "critical"
    assert f"{system_file}" in text and "line 3" in text
    assert "ask your IT department" in text
    assert not newsroom.exists() and not own.exists()
    assert "ask your IT department" in capsys.readouterr().err


def test_settings_problems_at_start_are_shown_in_the_window(
    demo_db, tmp_path, qapp, monkeypatch, capsys
):
    """Started from the menu nobody sees stderr: what was ignored in the settings files
    (an unknown key IT wrote, a value IT locked) is shown above the article list too."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    system_file = tmp_path / "config.toml"
    system_file.write_text('zone = "Asia/Makassar"\ncolour = "merah"\nlocked = ["zone"]\n')
    monkeypatch.setenv("REDAKSI_SYSTEM_CONFIG", str(system_file))
    seen: list[str] = []

    def look(left: int = 2_000) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "mainWindow" and widget.list_pane.notice.isVisible():
                seen.append(widget.list_pane.notice.text())
                return
        if left:
            QTimer.singleShot(5, lambda: look(left - 1))

    QTimer.singleShot(0, look)
    shot = tmp_path / "shot.png"
    assert run_gui(["--db", demo_db.url, "--screenshot", str(shot), "--size", "1000x700"]) == 0
    assert seen and f"{system_file}: unknown setting 'colour' ignored" in seen[0]
    assert "unknown setting 'colour'" in capsys.readouterr().err
