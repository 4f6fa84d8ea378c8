"""``redaksi publish``: build the finished site into a folder (incremental unless --full)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.i18n import _
from editor.time_range import DateOutOfRange, in_range

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def _aware_time(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"cannot read {text!r} as a time: write ISO 8601, e.g. 2026-01-17T03:36:00+07:00"
        ) from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no time zone: add one, e.g. 2026-01-17T03:36:00+07:00 or ...Z"
        )
    try:
        return in_range(value, shown=text)
    except DateOutOfRange as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any) -> None:
    publish = subparsers.add_parser(
        "publish",
        help="publish the site into a folder",
        description=(
            "Write every published article, the home, section, tag, Populer and UPDATE "
            "pages, feeds, sitemaps and ninjs copies into DIR. Only what changed since the "
            "last publish is rewritten unless --full is given; the new site replaces the old "
            "one in a single step."
        ),
    )
    publish.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="site folder (default: publish_dir of the system-wide configuration)",
    )
    publish.add_argument("--base-url", metavar="URL", help="the site's address (canonical links)")
    publish.add_argument("--full", action="store_true", help="rebuild every file")
    publish.add_argument(
        "--due",
        action="store_true",
        help="first publish the scheduled articles whose time has come, audited (for cron)",
    )
    publish.add_argument(
        "--now",
        type=_aware_time,
        metavar="ISO",
        help="build the site as it stood at this earlier time (tests, checks): nothing "
        "stored changes and the scheduler does not run; a time to come is refused",
    )
    publish.add_argument(
        "--sidebar",
        choices=("embed", "ssi"),
        default="embed",
        help="embed the Populer/UPDATE lists in every page, or include one shared fragment "
        "with a server-side include (default: embed)",
    )
    publish.add_argument(
        "--media", type=Path, metavar="DIR", help="folder lead image paths are relative to"
    )
    publish.add_argument(
        "--window",
        choices=("24h", "7d", "30d"),
        default="7d",
        help="the page views the Populer list counts (default: 7d)",
    )
    publish.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    publish.set_defaults(handler=publish_command)


def publish_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.config import default_data_dir
    from editor.publish.site import publish_site
    from editor.rankings import window_named

    media = args.media if args.media is not None else default_data_dir() / "media"
    out = args.out if args.out is not None else _preset_publish_dir()
    if args.now is not None:
        _check_clock_override(args)
    if args.due:
        from editor.workflow.scheduler import publish_due

        publish_due(context.db, now=datetime.now(UTC))
    report = publish_site(
        context.db,
        context.settings,
        out,
        base_url=args.base_url,
        full=args.full,
        now=args.now,
        sidebar_mode=args.sidebar,
        media_dir=media,
        popular_window=window_named(args.window),
        # A clock override changes nothing stored: only the real clock publishes what is due.
        run_scheduler=args.now is None,
    )
    lines = report.lines()
    if not args.quiet:
        print(lines[0])
    for line in lines[1:]:
        print(line, file=sys.stderr)
    return 0


def _check_clock_override(args: argparse.Namespace) -> None:
    """``--now`` is for looking back (tests, checks), never ahead, never with the scheduler."""
    from editor.errors import ValidationError

    if args.due:
        raise ValidationError(
            _(
                "--due publishes what the real clock says is due; it does not take --now. "
                "Leave out --now."
            )
        )
    if args.now > datetime.now(UTC):
        raise ValidationError(
            _(
                "--now {now} has not come yet. A publish never shows what is not public yet "
                "(embargoed or scheduled articles), and the scheduler publishes only on the "
                "real clock. Leave out --now, or give a time already past."
            ).format(now=args.now.isoformat())
        )


def _preset_publish_dir() -> Path:
    from editor.errors import ValidationError
    from editor.sysconfig import load_system_config

    system = load_system_config()
    system.require_usable()
    folder = system.publish_dir
    if folder is None:
        raise ValidationError(
            _(
                "Say where to publish: redaksi publish --out DIR (or set publish_dir in "
                "the system-wide configuration)."
            )
        )
    return folder
