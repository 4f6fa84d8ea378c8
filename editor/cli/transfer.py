"""Moving articles in and out as Markdown files: ``import`` and ``export-md``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help="import Markdown articles",
        description=(
            "Import Markdown files (with a front-matter header) or folders of them. "
            "Importing a file again updates its article instead of adding a copy."
        ),
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.set_defaults(handler=import_command)

    exporting = subparsers.add_parser(
        "export-md",
        help="export articles as Markdown files",
        description="Write every article (not the trash) as a Markdown file into DIR.",
    )
    exporting.add_argument("out_dir", type=Path, metavar="DIR")
    exporting.set_defaults(handler=export_command)


def import_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.importer import import_paths

    # A wrong path among good ones must not stop the good ones from importing.
    missing = [path for path in args.paths if not path.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    present = [path for path in args.paths if path.exists()]
    if not present:
        return 1
    report = import_paths(context.db, present, zone=context.settings.zone)
    for problem in report.problems:
        print(str(problem), file=sys.stderr)
    for imported in report.created:
        print(f"  + {imported.headline or '(untitled)'}  ({imported.path})")
    for imported in report.updated:
        print(f"  ~ {imported.headline or '(untitled)'}  ({imported.path})")
    print(f"Imported: {report.summary()}.")
    if report.problems or missing:
        print(
            "redaksi: the files listed above were not imported; fix them and import again.",
            file=sys.stderr,
        )
        return 1
    return 0


def export_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.exporter import export_markdown

    report = export_markdown(context.db, args.out_dir)
    written = getattr(report, "written", None)
    count = len(written) if written is not None else getattr(report, "count", None)
    where = args.out_dir.resolve()
    print(
        f"Exported {count} articles to {where}." if count is not None else f"Exported to {where}."
    )
    return 0
