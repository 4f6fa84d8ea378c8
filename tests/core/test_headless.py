"""The core never needs Qt: every editor module imports with the GUI libraries blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import editor

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'qtawesome', 'pyqtgraph', 'ui'}:
            raise ImportError('blocked in the headless test: ' + name)
sys.meta_path.insert(0, Block())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print('imported', len(sys.argv) - 1)
"""


def test_every_editor_module_imports_without_qt() -> None:
    names = [
        module.name
        for module in pkgutil.walk_packages(editor.__path__, "editor.")
        if not module.name.startswith("editor.migrations.")
    ]
    assert "editor.articles" in names
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *names], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(names)}"
