"""``redaksi package``: story packages for when there is no network at all.

``package export ID… -o story.redaksi.zip`` writes the articles with their pictures, base
version and checksums; ``package import FILE`` takes one in through the sync's merge
(editor.packages).
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option
from editor.i18n import N_, _

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    package = subparsers.add_parser(
        "package",
        help="story packages: carry articles in a zip file when there is no network",
        description="Write articles into a story package, or take one in.",
    )
    actions = package.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write articles, their pictures, base version and checksums into a zip",
    )
    export.add_argument("articles", nargs="+", metavar="ID", help="article id or id prefix")
    export.add_argument("-o", "--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=export_command)
    take = actions.add_parser(
        "import",
        help="take a package in: new articles are added, known ones merged",
        description="The package is checked whole first: a damaged or changed one is "
        "refused and nothing is imported. Each article then goes through the same merge as "
        "a sync; a clash keeps both texts.",
    )
    take.add_argument("file", type=Path, metavar="FILE")
    add_actor_option(
        take, "who imports it (id, handle or name); on a replica, the person signed in"
    )
    take.set_defaults(handler=import_command)


def export_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.cli.lookup import resolve_article_id
    from editor.packages.writer import export_package

    ids = [resolve_article_id(context.db, typed) for typed in args.articles]
    written = export_package(context.db, ids, args.out, zone=context.settings.zone)
    print(
        _("wrote {path}: {articles} articles, {pictures} pictures, {size:,} bytes").format(
            path=written.path,
            articles=len(written.articles),
            pictures=written.pictures,
            size=written.size,
        )
    )
    return 0


def _actor(args: argparse.Namespace, context: CommandContext) -> uuid.UUID | None:
    """The ``--as`` person, else on a replica the person signed in to the server."""
    from editor.sync.replica import remote_config

    if args.actor:
        return actor_id_of(args, context)
    config = remote_config(context.db)
    return config.person_id if config is not None else None


OUTCOMES = {
    "created": N_("added as a new draft"),
    "applied": N_("updated"),
    "merged": N_("merged with the newsroom's changes"),
    "conflict": N_("in conflict: both texts kept, open it to choose"),
    "refused": N_("refused"),
}


def import_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.packages.merge_in import import_package

    report = import_package(context.db, args.file, actor_id=_actor(args, context))
    for article in report.articles:
        outcome = _(OUTCOMES.get(article.outcome, article.outcome))
        if article.again:
            outcome = _("imported before; nothing changed")
        line = f"{str(article.id)[:8]}  {article.headline}: {outcome}"
        print(line + (f" ({article.reason})" if article.reason else ""))
    if report.pictures_added:
        print(_("{count} pictures added to the media library").format(count=report.pictures_added))
    return 1 if report.refused else 0
