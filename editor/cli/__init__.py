"""The ``redaksi`` command line: one argparse parser built from a module per command group.

Each module in ``COMMAND_GROUPS`` exposes ``register(subparsers)``; every subcommand it adds
sets ``handler=func`` where ``func(args, context) -> int``. Command modules import the core
services inside their handlers, so building the parser (which the launcher does to tell a
command from a GUI argument) stays cheap.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from editor.cli.context import CommandContext
from editor.errors import RedaksiError
from editor.i18n import _, command_line_language, current_language, set_language

#: Modules that add subcommands, in the order they appear in ``redaksi --help``.
COMMAND_GROUPS: tuple[str, ...] = (
    "editor.cli.articles",
    "editor.cli.catalog",
    "editor.cli.media_command",
    "editor.cli.transfer",
    "editor.cli.package_command",
    "editor.cli.demo_command",
    "editor.cli.settings_command",
    "editor.cli.views",
    "editor.cli.publish",
    "editor.cli.workflow",
    "editor.cli.sync_command",
    "editor.cli.spelling_command",
)

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
DB_HELP = (
    "database to use: a postgresql://user@host/name URL, an sqlite:///path URL or a file path "
    "(default: database_url from the user config, else redaksi.db in the user data folder)"
)


def _version() -> str:
    from editor import __version__

    return str(__version__)


class _VersionAction(argparse._VersionAction):
    """``--version``, with the version looked up only when it is asked for."""

    def __call__(self, parser: Any, namespace: Any, values: Any, option_string: Any = None) -> None:
        self.version = f"redaksi {_version()}"
        super().__call__(parser, namespace, values, option_string)


def _add_db_option_everywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--db`` follow any subcommand too, not only precede it.

    The subcommand copy uses SUPPRESS as its default so that, when absent, it does not
    overwrite a ``--db`` given before the subcommand.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                if "--db" not in subparser._option_string_actions:
                    subparser.add_argument(
                        "--db", metavar="URL", default=argparse.SUPPRESS, help=DB_HELP
                    )
                _add_db_option_everywhere(subparser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redaksi",
        description="Redaksi newsroom editor. Without a command it opens the desktop app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--db", metavar="URL", default=None, help=DB_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_GROUPS:
        importlib.import_module(module_name).register(subparsers)
    _add_db_option_everywhere(parser)
    return parser


#: The parser built for each interface language: the launcher asks for the command names
#: and the command then parses with it, so one start builds it once, not twice.
_parsers: dict[str, argparse.ArgumentParser] = {}


def _parser() -> argparse.ArgumentParser:
    language = current_language()
    if language not in _parsers:
        _parsers[language] = build_parser()
    return _parsers[language]


def known_commands() -> set[str]:
    """Names of every subcommand, so the launcher can tell a command from a GUI option."""
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _error(message: str) -> None:
    print(f"redaksi: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code (0 ok, 1 user error, 2 usage error).

    Messages follow the interface language the GUI saved (or REDAKSI_LANG); the previous
    language is restored after, for callers that run several commands in one process.
    """
    previous = current_language()
    set_language(command_line_language())
    try:
        return _run(argv)
    finally:
        set_language(previous)


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exit_request:  # --help, --version and usage errors
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_USAGE
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    context = CommandContext(database_url=args.db)
    try:
        return int(handler(args, context))
    except RedaksiError as error:
        _error(str(error))
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        _error(_("interrupted."))
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error worth a traceback.
        _silence_stdout()
        return EXIT_OK
    except Exception as error:
        from sqlalchemy.exc import DBAPIError

        if not isinstance(error, DBAPIError):
            raise
        if "readonly" in str(error.orig).replace(" ", "").lower():
            _error(
                _(
                    "the database cannot be written: the file, or the folder it is in, is "
                    "read-only for you. Nothing was changed. Make both writable (chmod u+w) "
                    "or ask their owner."
                )
            )
            return EXIT_USER_ERROR
        # The server went away or refused a statement after the database was opened.
        _error(
            _("the database reported an error; nothing more was changed: {error}").format(
                error=error.orig
            )
        )
        return EXIT_USER_ERROR
    finally:
        context.close()
