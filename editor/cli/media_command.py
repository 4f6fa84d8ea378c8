"""``redaksi media``: the newsroom's pictures. List and search them, add files, describe.

Adding copies each file into the media library (the database), so the picture travels
with the newsroom: an article then names it by the reference this prints
(``media:<sha256>``), as its lead image or in its body as ``![alt](media:…)``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option
from editor.cli.output import print_json, print_table
from editor.i18n import _, ngettext

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    media = subparsers.add_parser(
        "media",
        help="the media library: list or search pictures, add files, describe them",
        description="The newsroom's pictures, stored once each in the database.",
    )
    media.add_argument("--json", action="store_true", help="machine-readable output")
    media.set_defaults(handler=list_media_command, words=[])
    actions = media.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list pictures, or search them by words")
    listing.add_argument(
        "words",
        nargs="*",
        help="only pictures whose caption, credit, alt text or file name hold these words",
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=list_media_command)

    add = actions.add_parser(
        "add",
        help="copy picture files into the library",
        description="Each file is checked (JPEG, PNG, WebP or GIF, at most 50 MB and 70 "
        "million pixels); a bad one is named with the reason and the others are added.",
    )
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    _description_options(add)
    add.set_defaults(handler=add_media_command)

    describe = actions.add_parser(
        "describe", help="change a picture's caption, credit, alt text or licence"
    )
    describe.add_argument("picture", metavar="PICTURE", help="media:… reference or hash prefix")
    _description_options(describe)
    describe.set_defaults(handler=describe_media_command)

    show = actions.add_parser("show", help="one picture's description")
    show.add_argument("picture", metavar="PICTURE", help="media:… reference or hash prefix")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=show_media_command)

    replace = actions.add_parser(
        "replace",
        help="a new version of a picture for every article that shows it",
        description="The file joins the library with the old picture's description where "
        "it has none, and every article showing the old picture (lead image or body) shows "
        "the new one. Refused whole when the person may not edit one of those articles.",
    )
    replace.add_argument("picture", metavar="PICTURE", help="media:… reference or hash prefix")
    replace.add_argument("file", type=Path, metavar="FILE")
    add_actor_option(replace)
    replace.set_defaults(handler=replace_media_command)


def _description_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--caption", default=None)
    parser.add_argument("--credit", default=None, help='who took it, e.g. "NATO" or "Antara"')
    parser.add_argument("--alt", default=None, help="what the picture shows, for screen readers")
    parser.add_argument("--license", default=None, help='e.g. "CC BY 4.0" or "staff photo"')
    add_actor_option(parser)


def list_media_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.media.library import search_media

    found = search_media(context.db, " ".join(args.words))
    if args.json:
        print_json(found)
        return 0
    if not found:
        print(_("No pictures. Add some: redaksi media add FILE --as PERSON"))
        return 0
    rows = [
        [
            p.short,
            f"{p.width}x{p.height}",
            p.original_name,
            p.caption,
            p.credit,
            "" if p.has_bytes else _("not fetched yet"),
        ]
        for p in found
    ]
    print_table(["PICTURE", "PIXELS", "FILE", "CAPTION", "CREDIT", "STATE"], rows)
    return 0


def add_media_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.media.intake import NotAPicture
    from editor.media.library import add_file

    actor_id = actor_id_of(args, context)
    failed = 0
    for path in args.files:
        try:
            added = add_file(
                context.db,
                path,
                actor_id=actor_id,
                caption=args.caption or "",
                credit=args.credit or "",
                alt_text=args.alt or "",
                license=args.license or "",
            )
        except NotAPicture as refused:
            failed += 1
            print(_("skipped: {reason}").format(reason=refused))
            continue
        record = added.record
        text = (
            _("added {name} as {ref} ({width}x{height})")
            if added.new
            else _("already in the library: {name} is {ref} ({width}x{height})")
        )
        print(text.format(name=path, ref=record.ref, width=record.width, height=record.height))
    return 1 if failed else 0


def describe_media_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.media.library import describe_media, find_media

    picture = find_media(context.db, args.picture)
    record = describe_media(
        context.db,
        picture.sha256,
        actor_id=actor_id_of(args, context),
        caption=args.caption,
        credit=args.credit,
        alt_text=args.alt,
        license=args.license,
    )
    print(_("{ref} described.").format(ref=record.ref))
    return 0


def show_media_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.media.library import find_media

    picture = find_media(context.db, args.picture)
    if args.json:
        print_json(picture)
        return 0
    from editor.media.usage import articles_using

    uses = articles_using(context.db, picture.sha256)
    rows = [
        [_("reference"), picture.ref],
        [_("file"), picture.original_name],
        [_("type"), picture.mime],
        [_("size"), f"{picture.size:,} B"],
        [_("pixels"), f"{picture.width}x{picture.height}"],
        [_("caption"), picture.caption],
        [_("credit"), picture.credit],
        [_("alt text"), picture.alt_text],
        [_("licence"), picture.license],
        *([_("used in"), f"{use.headline} ({use.article_id})"] for use in uses),
    ]
    print_table(["", ""], rows)
    return 0


def replace_media_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.media.intake import read_picture
    from editor.media.library import find_media
    from editor.media.usage import replace_media

    old = find_media(context.db, args.picture)
    done = replace_media(
        context.db, old.sha256, read_picture(args.file), actor_id=actor_id_of(args, context)
    )
    print(
        ngettext(
            "{old} replaced by {ref} in {count} article.",
            "{old} replaced by {ref} in {count} articles.",
            len(done.articles),
        ).format(old=old.ref, ref=done.record.ref, count=len(done.articles))
    )
    return 0
