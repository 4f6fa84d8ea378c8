"""``redaksi views``: import page views (CSV, access logs) and show the Populer ranking."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option
from editor.i18n import _

if TYPE_CHECKING:
    from editor.cli.context import CommandContext
    from editor.views import ViewImportReport

#: Bad lines printed per import; the rest are only counted, so a broken log stays readable.
SHOWN_PROBLEMS = 20


def register(subparsers: Any) -> None:
    views = subparsers.add_parser(
        "views",
        help="import page views and show the most-read articles",
        description="Page views feed the Populer ranking on the published site.",
    )
    commands = views.add_subparsers(dest="views_command", metavar="COMMAND", required=True)
    importing = commands.add_parser(
        "import",
        help="count page views from CSV files or web-server access logs",
        description=(
            "Count page views from CSV files (article URL or id, date or hour, views; with a "
            "header row) or access logs in the combined format (nginx, Apache; .gz too). "
            "Bots, assets, errors and non-article pages are skipped. Importing a file again "
            "counts nothing twice; a rotated log counts only lines not seen before; a CSV "
            "row replaces the earlier CSV total for the same article and hour."
        ),
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importing.add_argument(
        "--zone",
        default="UTC",
        help="time zone of CSV times written without an offset (default: UTC)",
    )
    add_actor_option(
        importing,
        "who imports (id, handle or name): an editor or admin; needed once the newsroom has people",
    )
    importing.set_defaults(handler=import_command)
    top = commands.add_parser("popular", help="list the most-read public articles")
    top.add_argument("--window", default="7d", help="24h, 7d or 30d (default: 7d)")
    top.add_argument("--limit", type=int, default=10, help="how many (default: 10)")
    top.set_defaults(handler=popular_command)


def print_report(report: ViewImportReport) -> None:
    for path in report.files_imported:
        print(_("imported {path}").format(path=path))
    for path, why in report.files_already_imported:
        print(_("skipped {path}: {why}").format(path=path, why=why))
    for path, why in report.files_failed:
        print(f"redaksi: {path}: {why}", file=sys.stderr)
    counted = report.views_counted
    print(
        _("{lines_read} lines read, {counted} views counted").format(
            lines_read=report.lines_read, counted=counted
        )
    )
    for reason, count in sorted(report.skipped.items(), key=lambda item: (-item[1], item[0])):
        print(_("  skipped ({reason}): {count}").format(reason=_(reason), count=count))
    if report.unknown_articles:
        print(
            _("{unknown_articles} URLs or ids match no article, most frequent:").format(
                unknown_articles=len(report.unknown_articles)
            )
        )
        for target, count in report.unknown_articles.most_common(10):
            print(f"  {count:>6}  {target}")
        if report.unknown_not_kept:
            print(
                _("  and {count} more lines naming other unknown URLs").format(
                    count=report.unknown_not_kept
                )
            )
    for problem in report.problems[:SHOWN_PROBLEMS]:
        print(f"redaksi: {problem}", file=sys.stderr)
    hidden = len(report.problems) + report.problems_not_kept - SHOWN_PROBLEMS
    if hidden > 0:
        print(
            _("redaksi: ... and {hidden} more lines with problems").format(hidden=hidden),
            file=sys.stderr,
        )


def import_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.views.acting import import_views_as

    actor_id = actor_id_of(args, context)
    report = import_views_as(context.db, args.files, actor_id=actor_id, zone=args.zone)
    print_report(report)
    return 1 if report.files_failed else 0


def popular_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.cli.output import local_time, print_table
    from editor.models import utcnow
    from editor.rankings import popular, window_named

    try:
        window = window_named(args.window)
    except ValueError as error:
        print(f"redaksi: {error}", file=sys.stderr)
        return 2
    zone = context.settings.zone
    ranked = popular(context.db, now=utcnow(), window=window, limit=args.limit, zone=zone)
    if not ranked:
        print(_("No public article has views in the last {window}.").format(window=args.window))
        return 0
    rows = [
        [str(item.views), local_time(item.published_at, zone), item.headline] for item in ranked
    ]
    print_table(["VIEWS", "PUBLISHED", "HEADLINE"], rows)
    return 0
