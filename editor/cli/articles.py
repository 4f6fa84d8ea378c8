"""Reading articles from the command line: ``list``, ``show`` and ``search``."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from editor.cli.output import highlight, is_terminal, local_time, print_json, print_table
from editor.errors import ValidationError
from editor.i18n import _
from editor.records import SORT_KEYS, STATUSES
from editor.time_range import day_in_range

if TYPE_CHECKING:
    from editor.cli.context import CommandContext
    from editor.records import ArticleQuery

DATE_FIELDS = ("updated_at", "created_at", "published_at", "scheduled_at")
ID_WIDTH = 8


def register(subparsers: Any) -> None:
    listing = subparsers.add_parser(
        "list",
        help="list articles (filter, sort, page)",
        description=(
            "List articles, newest change first. TIME is when an article was published, or "
            "when it last changed if it is not published, in the newsroom's zone."
        ),
    )
    listing.add_argument(
        "--status",
        action="append",
        metavar="STATUS",
        help=f"only this status (repeat or comma-separate): {', '.join(STATUSES)}",
    )
    listing.add_argument("--section", help="only this section (and its subsections): name or path")
    listing.add_argument("--author", help="only articles with this person in the byline")
    listing.add_argument("--tag", help="only articles with this tag")
    listing.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="on or after")
    listing.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="on or before")
    listing.add_argument(
        "--date-field",
        choices=DATE_FIELDS,
        default=None,
        help="which time --from/--to apply to (default: published_at, else updated_at)",
    )
    listing.add_argument("--sort", choices=SORT_KEYS, default="updated_at")
    order = listing.add_mutually_exclusive_group()
    order.add_argument("--asc", dest="descending", action="store_false", help="ascending order")
    order.add_argument("--desc", dest="descending", action="store_true", help="descending order")
    listing.set_defaults(descending=None)
    listing.add_argument("--limit", type=_positive, default=50, help="rows to show (default 50)")
    listing.add_argument("--offset", type=_not_negative, default=0, help="rows to skip")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=list_command)

    show = subparsers.add_parser(
        "show", help="show one article", description="Show an article's metadata and body."
    )
    show.add_argument("id", metavar="ID", help="article id, or a unique prefix of it")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(handler=show_command)

    search = subparsers.add_parser(
        "search", help="full-text search", description="Search headlines, leads and bodies."
    )
    search.add_argument("words", nargs="+", metavar="WORD")
    search.add_argument("--limit", type=_positive, default=20, help="hits to show (default 20)")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.set_defaults(handler=search_command)


def _positive(text: str) -> int:
    value = _not_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("cannot be negative")
    return value


def _day_start(text: str, zone: str) -> datetime:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("'{text}' is not a date; write it as YYYY-MM-DD.").format(text=text)
        ) from None
    return datetime.combine(day_in_range(day), time(0, 0), tzinfo=ZoneInfo(zone))


def parse_statuses(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    statuses = tuple(s.strip() for value in values for s in value.split(",") if s.strip())
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise ValidationError(
            _("Unknown status {unknown}. Choose from: {statuses}.").format(
                unknown=", ".join(unknown), statuses=", ".join(STATUSES)
            )
        )
    return statuses


def build_query(args: argparse.Namespace, context: CommandContext) -> ArticleQuery:
    """Turn ``list`` options into an ArticleQuery; names are looked up in the database."""
    from editor.people import find_person
    from editor.records import ArticleQuery
    from editor.sections import find_section

    zone = context.settings.zone
    statuses = parse_statuses(args.status)
    date_field = args.date_field or (
        "published_at" if statuses and set(statuses) <= {"published", "corrected"} else "updated_at"
    )
    date_from = _day_start(args.date_from, zone) if args.date_from else None
    # --to is inclusive: everything before the start of the next day.
    date_to = _day_start(args.date_to, zone) + timedelta(days=1) if args.date_to else None
    if date_from and date_to and date_to <= date_from:
        raise ValidationError(_("--to is before --from; swap them."))
    descending = args.descending if args.descending is not None else args.sort != "headline"
    return ArticleQuery(
        statuses=statuses,
        section_id=find_section(context.db, args.section).id if args.section else None,
        author_id=find_person(context.db, args.author).id if args.author else None,
        tag=args.tag,
        date_from=date_from,
        date_to=date_to,
        date_field=date_field,
        sort=args.sort,
        descending=descending,
        offset=args.offset,
        limit=args.limit,
    )


def list_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.listing import list_articles

    query = build_query(args, context)
    page = list_articles(context.db, query)
    if args.json:
        print_json({"total": page.total, "offset": page.offset, "items": page.items})
        return 0
    if not page.items:
        if page.total == 0:
            print(_("No articles match."))
        else:
            print(_("No rows past {offset}.").format(offset=page.offset))
        return 0
    zone = context.settings.zone
    rows = []
    for item in page.items:
        shown = item.published_at or item.updated_at
        rows.append(
            [
                str(item.id)[:ID_WIDTH],
                item.status,
                item.section_name,
                local_time(shown, zone),
                item.byline,
                item.headline or _("(untitled)"),
            ]
        )
    print_table(["ID", "STATUS", "SECTION", "TIME", "BYLINE", "HEADLINE"], rows)
    last = page.offset + len(page.items)
    print(
        "\n"
        + _("{first}–{last} of {total} articles.").format(
            first=page.offset + 1, last=last, total=page.total
        ),
        end="",
    )
    if last < page.total:
        print(_(" Next page: --offset {last}").format(last=last), end="")
    print()
    return 0


def show_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.articles import get_article
    from editor.cli.lookup import resolve_article_id

    article = get_article(context.db, resolve_article_id(context.db, args.id))
    if args.json:
        print_json({**asdict(article), "bylines": [p.name for p in article.bylines]})
        return 0
    zone = context.settings.zone
    fields = [
        ("ID", str(article.id)),
        ("Status", article.status),
        ("Section", article.section_path),
        ("Byline", ", ".join(p.name for p in article.bylines)),
        ("Kicker", article.kicker),
        ("Published", local_time(article.published_at, zone)),
        ("Scheduled", local_time(article.scheduled_at, zone)),
        ("Embargo until", local_time(article.embargo_until, zone)),
        ("Updated", local_time(article.updated_at, zone)),
        ("Version", str(article.version)),
        ("Language", article.language),
        ("Words", str(article.word_count)),
        ("Tags", ", ".join(article.tags)),
        ("Slug", article.slug),
        ("Image", article.lead_image),
        ("Caption", article.lead_image_caption),
        ("Credit", article.lead_image_credit),
        ("Source", article.source_key or ""),
    ]
    print(article.headline or _("(untitled)"))
    print("=" * min(len(article.headline or _("(untitled)")), 79))
    width = max(len(name) for name, _ in fields)
    for name, value in fields:
        if value:
            print(f"{name + ':':<{width + 1}} {value}")
    if article.lead:
        print(f"\n{article.lead}")
    print()
    print(article.body)
    return 0


def search_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.search import search_articles

    words = " ".join(args.words)
    hits = search_articles(context.db, words, limit=args.limit)
    if args.json:
        print_json(hits)
        return 0
    if not hits:
        print(_("Nothing found for “{words}”.").format(words=words))
        return 0
    terminal = is_terminal()
    for number, hit in enumerate(hits, start=1):
        print(
            f"{number}. {hit.headline or _('(untitled)')}  [{hit.status}]  {str(hit.id)[:ID_WIDTH]}"
        )
        print(f"   {highlight(hit.snippet, terminal=terminal)}")
    return 0
