"""Moving articles in and out as Markdown files: ``import`` and ``export-md``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option
from editor.cli.articles import parse_statuses as _statuses
from editor.errors import ValidationError
from editor.i18n import _

if TYPE_CHECKING:
    from editor.cli.context import CommandContext
    from editor.import_report import ImportReport


def register(subparsers: Any) -> None:
    importing = subparsers.add_parser(
        "import",
        help="import Markdown articles or a WordPress export",
        description=(
            "Import Markdown files (with a front-matter header), folders of them, or a "
            "WordPress export (.xml) as "
            "PERSON, with the same rules as saving and changing status: a reporter imports "
            "new articles and their own drafts, and cannot publish. Importing a file again "
            "updates its article instead of adding a copy. Every change is audited."
        ),
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument(
        "--map-section",
        action="append",
        default=[],
        metavar="NAME=SECTION",
        help=(
            "put what a file calls NAME (a category or section) in SECTION, such as "
            "post=berita (repeatable); unknown names become new sections when an admin imports"
        ),
    )
    importing.add_argument(
        "--sections-from-folders",
        action="store_true",
        help=(
            "put each Markdown file whose header names no 'section' in the section its "
            "folders spell (content/berita/dunia/ → berita/dunia), made when missing"
        ),
    )
    importing.add_argument(
        "--uploads",
        type=Path,
        metavar="DIR",
        help=(
            "for a WordPress export (.xml): a copy of the site's wp-content/uploads folder, "
            "whose pictures come into the media library"
        ),
    )
    add_actor_option(
        importing, "who imports (id, handle or name); needed once the newsroom has people"
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


def _section_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, section = pair.partition("=")
        if not sep or not name.strip() or not section.strip():
            raise ValidationError(
                _("--map-section needs NAME=SECTION, such as post=berita (got '{pair}').").format(
                    pair=pair
                )
            )
        mapping[name.strip()] = section.strip()
    return mapping


def _progress_line() -> Callable[[int, int], None] | None:
    """A counter on one terminal line; nothing when the output goes to a file or a pipe."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            end = "\n" if done == total else ""
            line = _("Importing {done}/{total}").format(done=done, total=total)
            print(f"\r{line}", end=end, file=sys.stderr, flush=True)

    return show


def print_report(report: ImportReport) -> None:
    """The report's lines (editor.import_report); a refused file's reasons to stderr."""
    from editor.import_report import report_lines

    for line in report_lines(report):
        print(line.text, file=sys.stderr if line.problem else sys.stdout)


def import_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.importer import import_paths
    from editor.wordpress.importer import import_wordpress, is_wordpress_export

    section_map = _section_map(args.map_section)
    # A wrong path among good ones must not stop the good ones from importing.
    missing = [path for path in args.paths if not path.exists()]
    for path in missing:
        print(_("{path}: no such file or folder").format(path=path), file=sys.stderr)
    present = [path for path in args.paths if path.exists()]
    if not present:
        return 1
    common: dict[str, Any] = {
        "zone": context.settings.zone,
        "actor_id": actor_id_of(args, context),
        "section_map": section_map,
        "progress": _progress_line(),
    }
    exports = [path for path in present if is_wordpress_export(path)]
    files = [path for path in present if path not in exports]
    by_folders = args.sections_from_folders
    reports = (
        [import_paths(context.db, files, sections_from_folders=by_folders, **common)]
        if files
        else []
    )
    for export in exports:
        reports.append(import_wordpress(context.db, export, uploads=args.uploads, **common))
    for report in reports:
        print_report(report)
    if any(report.problems for report in reports) or missing:
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
