"""Moving articles in and out as Markdown files: ``import`` and ``export-md``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.articles import parse_statuses as _statuses
from editor.i18n import _

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help="import Markdown articles",
        description=(
            "Import Markdown files (with a front-matter header) or folders of them as "
            "PERSON, with the same rules as saving and changing status: a reporter imports "
            "new articles and their own drafts, and cannot publish. Importing a file again "
            "updates its article instead of adding a copy. Every change is audited."
        ),
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument(
        "--as",
        dest="actor",
        metavar="PERSON",
        help="who imports (id, handle or name); needed once the newsroom has people",
    )
    importing.set_defaults(handler=import_command)

    exporting = subparsers.add_parser(
        "export-md",
        help="export articles as Markdown files",
        description=(
            "Write articles (all but the trash, unless filtered) as Markdown files with a "
            "front-matter header into DIR. Exporting again rewrites only what changed."
        ),
    )
    exporting.add_argument("out_dir", type=Path, metavar="DIR")
    exporting.add_argument(
        "--status", action="append", metavar="STATUS", help="only this status (repeatable)"
    )
    exporting.add_argument("--section", help="only this section (and its subsections)")
    exporting.set_defaults(handler=export_command)


def import_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.cli.workflow import acting_person
    from editor.importer import import_paths

    # A wrong path among good ones must not stop the good ones from importing.
    missing = [path for path in args.paths if not path.exists()]
    for path in missing:
        print(_("{path}: no such file or folder").format(path=path), file=sys.stderr)
    present = [path for path in args.paths if path.exists()]
    if not present:
        return 1
    actor = acting_person(context, args.actor) if args.actor else None
    report = import_paths(
        context.db,
        present,
        zone=context.settings.zone,
        actor_id=actor.id if actor is not None else None,
    )
    for problem in report.problems:
        print(str(problem), file=sys.stderr)
    for imported in report.created:
        print(f"  + {imported.headline or _('(untitled)')}  ({imported.path})")
    for imported in report.updated:
        print(f"  ~ {imported.headline or _('(untitled)')}  ({imported.path})")
    print(_("Imported: {report}.").format(report=report.summary()))
    if report.problems or missing:
        print(
            _("redaksi: the files listed above were not imported; fix them and import again."),
            file=sys.stderr,
        )
        return 1
    return 0


def export_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.exporter import export_markdown
    from editor.records import ArticleQuery
    from editor.sections import find_section

    query = ArticleQuery(
        statuses=_statuses(args.status),
        section_id=find_section(context.db, args.section).id if args.section else None,
    )
    report = export_markdown(context.db, args.out_dir, query, zone=context.settings.zone)
    for problem in report.problems:
        print(_("redaksi: not exported: {problem}").format(problem=problem), file=sys.stderr)
    print(
        _("Exported to {out_dir}: {report}.").format(
            out_dir=args.out_dir.resolve(), report=report.summary()
        )
    )
    return 1 if report.problems else 0
