"""The app adds no people or sections behind the role check.

Today no window creates either (admins use ``redaksi people add`` / ``sections add``), and
Preferences writes only the user's own file, which needs no role (editor/cli/settings_command.py
says why). This keeps it so: a pane that adds people or sections must call the checked
``add_person`` / ``add_section`` with the signed-in person, never the system's
``create_*``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ui

UNCHECKED = {
    "editor.people": {"create_person", "ensure_person"},
    "editor.sections": {"create_section"},
    "editor.models": {"Person", "Section"},
}
#: Builds a throwaway newsroom in a temporary file for the docs' pictures: the system,
#: not a user acting on a real newsroom.
SYSTEM_TOOLS = {"workflow/screenshots.py", "spelling/screenshots.py"}


def unchecked_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in UNCHECKED:
            names = {alias.name for alias in node.names}
            found |= {f"{node.module}.{name}" for name in names & UNCHECKED[node.module]}
    return found


def test_the_guard_sees_an_unchecked_import() -> None:
    source = "def f():\n    from editor.people import create_person, find_person\n"
    assert unchecked_imports(source) == {"editor.people.create_person"}


def test_the_app_creates_people_and_sections_only_through_the_role_check() -> None:
    root = Path(ui.__file__).parent
    offenders = {
        str(path.relative_to(root)): found
        for path in sorted(root.rglob("*.py"))
        if str(path.relative_to(root)) not in SYSTEM_TOOLS
        and (found := unchecked_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}
