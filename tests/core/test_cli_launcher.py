"""The ``redaksi`` console script: commands go to the CLI, everything else to the GUI."""

from __future__ import annotations

import subprocess
import sys
import types
from importlib.machinery import ModuleSpec

import pytest

from ui import launcher


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        ([], None),
        (["list"], "list"),
        (["--db", "x.db", "list", "--json"], "list"),
        (["--db=x.db", "show", "abcd"], "show"),
        (["--db", "list"], None),  # "list" is the database here, not the command
        (["--screenshot", "shot.png"], "shot.png"),
        (["--", "list"], None),
    ],
)
def test_first_command_word(argv, word):
    assert launcher.first_command_word(argv) == word


@pytest.mark.parametrize(
    ("argv", "cli"),
    [
        (["list"], True),
        (["--db", "x.db", "demo"], True),
        (["--version"], True),
        (["--help"], True),
        (["-h"], True),
        ([], False),
        (["--db", "x.db"], False),
        (["--screenshot", "shot.png"], False),
        (["article.md"], False),
    ],
)
def test_wants_command_line(argv, cli):
    assert launcher.wants_command_line(argv) is cli


@pytest.fixture
def fake_gui(monkeypatch):
    calls: list[list[str]] = []
    app = types.ModuleType("ui.app")
    app.__spec__ = ModuleSpec("ui.app", None)

    def run_gui(argv: list[str]) -> int:
        calls.append(list(argv))
        return 7

    app.run_gui = run_gui
    monkeypatch.setitem(sys.modules, "ui.app", app)
    monkeypatch.setattr(launcher, "gui_available", lambda: True)
    return calls


def test_everything_but_a_command_goes_to_the_gui_unchanged(fake_gui):
    assert launcher.main(["--db", "x.db", "--screenshot", "shot.png"]) == 7
    assert fake_gui == [["--db", "x.db", "--screenshot", "shot.png"]]


def test_a_command_never_reaches_the_gui(fake_gui, sqlite_url, capsys):
    assert launcher.main(["--db", sqlite_url, "list"]) == 0
    assert fake_gui == []
    assert capsys.readouterr().out.strip() == "No articles match."


def test_version(capsys):
    from editor import __version__

    assert launcher.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"redaksi {__version__}"


def test_without_the_desktop_app_it_explains_and_lists(monkeypatch, sqlite_url, capsys):
    monkeypatch.setattr(launcher, "gui_available", lambda: False)
    from editor.cli import main

    assert main(["--db", sqlite_url, "demo"]) == 0
    capsys.readouterr()
    assert launcher.main(["--db", sqlite_url]) == 0
    out, err = capsys.readouterr()
    assert "desktop app is not part of this installation" in err
    assert "Hadapi Ancaman China dan Rusia" in out


def test_commands_never_import_qt(sqlite_url):
    script = (
        "import sys\n"
        "from ui.launcher import main\n"
        f"code = main(['--db', {sqlite_url!r}, 'list'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(code, qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "0 []"


def test_a_listing_builds_the_parser_once_and_skips_what_it_does_not_use(sqlite_url):
    """``redaksi list`` pays neither for a second parser nor for python-slugify's tables
    nor for reading the package metadata for its version."""
    script = (
        "import sys\n"
        "import editor.cli\n"
        "built = []\n"
        "real = editor.cli.build_parser\n"
        "editor.cli.build_parser = lambda: built.append(1) or real()\n"
        "from ui.launcher import main\n"
        f"code = main(['--db', {sqlite_url!r}, 'list'])\n"
        "print(code, len(built), 'slugify' in sys.modules, '__version__' in vars(editor))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "0 1 False False"
