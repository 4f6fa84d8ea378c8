"""The ``redaksi`` console script: a known subcommand runs the command line, anything else
opens the desktop app.

Qt is imported only on the GUI path, so ``redaksi list`` starts as fast as plain Python.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence

#: Options that belong to the command line even without a subcommand.
CLI_ONLY_OPTIONS = frozenset({"--version", "--help", "-h"})
#: Global options that take a value, so the value is not mistaken for a command.
OPTIONS_WITH_VALUE = frozenset({"--db"})


def first_command_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg == "--":
            return None
        if arg in OPTIONS_WITH_VALUE:
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def wants_command_line(argv: Sequence[str]) -> bool:
    from editor.cli import known_commands

    word = first_command_word(argv)
    if word is not None:
        return word in known_commands()
    return any(arg in CLI_ONLY_OPTIONS for arg in argv)


def _global_options(argv: Sequence[str]) -> list[str]:
    """Just the ``--db`` option(s) from ``argv``, to carry over into a fallback command."""
    kept: list[str] = []
    for index, arg in enumerate(argv):
        if arg in OPTIONS_WITH_VALUE and index + 1 < len(argv):
            kept += [arg, argv[index + 1]]
        elif arg.split("=", 1)[0] in OPTIONS_WITH_VALUE and "=" in arg:
            kept.append(arg)
    return kept


def gui_available() -> bool:
    """Whether this installation has the desktop app (a core-only install does not)."""
    return importlib.util.find_spec("ui.app") is not None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_command_line(args):
        from editor.cli import main as cli_main

        return cli_main(args)
    if not gui_available():
        from editor.cli import main as cli_main

        print(
            "redaksi: the desktop app is not part of this installation; "
            "showing the article list instead (see 'redaksi --help' for commands).",
            file=sys.stderr,
        )
        return cli_main([*_global_options(args), "list"])
    from ui.app import run_gui

    return int(run_gui(args))
