"""Spelling from the command line: ``check`` an article or a Markdown file, and keep the
newsroom's ``words`` list (and its rupiah style).

``redaksi check`` prints one line per problem, like a compiler, and exits with 1 when it
found any, so a newsroom's scripts and CI can stop on them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option, role_help
from editor.cli.output import print_json, print_table
from editor.errors import ValidationError
from editor.i18n import _, ngettext

if TYPE_CHECKING:
    from editor.cli.context import CommandContext
    from editor.spelling.checker import Located

CHECK_DESCRIPTION = (
    "Check the spelling and house style (PUEBI and the newsroom's rules) of articles or "
    "Markdown files, with the newsroom's word list. Code, links, addresses and front "
    "matter are skipped. One line per problem: WHERE:LINE:COLUMN: kind: text -> fix "
    "(reason). Exit status 1 when anything was found."
)
EDITORS = "an editor or admin"
WORDS_DESCRIPTION = (
    "The newsroom's word list: names, places and abbreviations the spell checker takes "
    "as written here (and hints when written in another case). Editors and admins change "
    "it with --as PERSON; it reaches every workstation with the newsroom's data."
)


def register(subparsers: Any) -> None:
    check = subparsers.add_parser(
        "check", help="check spelling and house style", description=CHECK_DESCRIPTION
    )
    check.add_argument("targets", nargs="+", metavar="ID|FILE", help="article id or .md file")
    check.add_argument("--lang", choices=("id", "en"), help="language (default: the article's)")
    check.add_argument(
        "--suggest", action="store_true", help="suggest spellings for misspelt words (slower)"
    )
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=check_command)

    words = subparsers.add_parser(
        "words", help="the newsroom's word list for spelling", description=WORDS_DESCRIPTION
    )
    words.add_argument("--json", action="store_true", help="machine-readable output")
    words.set_defaults(handler=list_words_command)
    actions = words.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="list the words")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=list_words_command)
    add = actions.add_parser("add", help="add words (editors)")
    add.add_argument("words", nargs="+", metavar="WORD")
    add_actor_option(add, role_help(EDITORS))
    add.set_defaults(handler=add_words_command)
    remove = actions.add_parser("remove", help="remove a word (editors)")
    remove.add_argument("word", metavar="WORD")
    add_actor_option(remove, role_help(EDITORS))
    remove.set_defaults(handler=remove_word_command)
    currency = actions.add_parser(
        "currency",
        help="show or set how rupiah amounts are written",
        description="puebi: Rp4,5 triliun (PUEBI); spaced: Rp 4,5 triliun (a common house style).",
    )
    currency.add_argument("style", nargs="?", choices=("puebi", "spaced"))
    add_actor_option(currency, role_help(EDITORS))
    currency.set_defaults(handler=currency_command)
    checklist = actions.add_parser(
        "checklist",
        help="show or set whether spelling problems stop a publish",
        description=(
            "block: unresolved spelling and house-style problems stop a publish like any "
            "other missing checklist item (editors may override with a reason); warn: they "
            "are shown before a publish (the default); off: they are not counted."
        ),
    )
    checklist.add_argument("rule", nargs="?", choices=("block", "warn", "off"))
    add_actor_option(checklist, role_help(EDITORS))
    checklist.set_defaults(handler=checklist_rule_command)


def _located_line(where: str, found: Located) -> str:
    problem = found.problem
    fix = f" -> {' / '.join(f.strip() or f for f in problem.fixes)}" if problem.fixes else ""
    kind = _("spelling") if problem.kind == "spelling" else _("style")
    place = f"{where}:{found.line}:{found.column}"
    return f"{place}: {kind}: {problem.text.strip()}{fix} ({problem.reason})"


def _file_text(path: Path) -> tuple[str, str | None]:
    """The file's text and the language its front matter names, if any."""
    from editor.frontmatter import FrontMatterError, decode, parse
    from editor.importer import MAX_FILE_BYTES
    from editor.outside_files import UnreadableFile, read_regular

    try:
        text = decode(read_regular(path, MAX_FILE_BYTES))
    except UnreadableFile as error:
        raise ValidationError(f"{path} {error.reason}") from None
    try:
        fields = parse(text).fields
    except FrontMatterError:
        fields = {}
    language = fields.get("language") or fields.get("lang")
    return text, str(language) if isinstance(language, str) else None


def check_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.articles import get_article
    from editor.cli.lookup import resolve_article_id
    from editor.spelling.checker import make_checker
    from editor.spelling.words import currency_style, newsroom_words

    accepted, currency = newsroom_words(context.db), currency_style(context.db)
    results: list[dict[str, Any]] = []
    told: set[str] = set()
    total = 0
    for target in args.targets:
        path = Path(target)
        if path.suffix.lower() in (".md", ".markdown") or path.exists():
            text, language = _file_text(path)
            language = args.lang or (language if language in ("id", "en") else "id")
            checker, messages = make_checker(language, accepted=accepted, currency=currency)
            found = checker.check_document(text)
            where = str(path)
        else:
            record = get_article(context.db, resolve_article_id(context.db, target))
            checker, messages = make_checker(
                args.lang or record.language, accepted=accepted, currency=currency
            )
            found = checker.check_article(record)
            where = str(record.id)[:8]
        for message in messages:
            if message not in told:
                told.add(message)
                print(_("redaksi: warning: {problem}").format(problem=message), file=sys.stderr)
        total += len(found)
        for item in found:
            problem = item.problem
            fixes = list(problem.fixes)
            if args.suggest and problem.kind == "spelling":
                fixes = checker.suggestions(problem.text)
            shown = item if fixes == list(problem.fixes) else _with_fixes(item, fixes)
            label = where if item.field == "body" else f"{where} {item.field}"
            if args.json:
                results.append(
                    {
                        "target": target,
                        "field": item.field,
                        "line": item.line,
                        "column": item.column,
                        "kind": problem.kind,
                        "rule": problem.rule,
                        "text": problem.text,
                        "fixes": fixes,
                        "reason": problem.reason,
                    }
                )
            else:
                print(_located_line(label, shown))
    if args.json:
        print_json(results)
    elif total:
        message = ngettext("{count} problem found.", "{count} problems found.", total)
        print(message.format(count=total), file=sys.stderr)
    return 1 if total else 0


def _with_fixes(item: Located, fixes: list[str]) -> Located:
    from dataclasses import replace

    return replace(item, problem=replace(item.problem, fixes=tuple(fixes)))


def list_words_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.cli.output import local_time
    from editor.spelling.words import currency_style, list_words

    words = list_words(context.db)
    if getattr(args, "json", False):
        print_json(words)
        return 0
    if not words:
        print(
            _(
                "The newsroom's word list is empty. Add words: "
                "redaksi words add KPK Polri --as EDITOR"
            )
        )
    else:
        zone = context.settings.zone
        print_table(
            ["WORD", "ADDED BY", "ADDED"],
            [[w.word, w.added_by, local_time(w.added_at, zone)] for w in words],
        )
    print(_("Rupiah style: {style}.").format(style=currency_style(context.db)))
    _print_checklist_rule(context)
    return 0


def add_words_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.spelling.words import add_words

    added = add_words(context.db, args.words, actor_id=actor_id_of(args, context))
    if added:
        print(_("Added to the newsroom's word list: {words}.").format(words=", ".join(added)))
    else:
        print(_("Nothing to add: the newsroom's word list has them already."))
    return 0


def remove_word_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.spelling.words import remove_word

    remove_word(context.db, args.word, actor_id=actor_id_of(args, context))
    print(_("Removed “{word}” from the newsroom's word list.").format(word=args.word))
    return 0


def currency_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.spelling.words import currency_style, set_currency_style

    if args.style:
        set_currency_style(context.db, args.style, actor_id=actor_id_of(args, context))
    print(_("Rupiah style: {style}.").format(style=currency_style(context.db)))
    return 0


def _print_checklist_rule(context: CommandContext) -> None:
    from editor.workflow.spelling_item import spelling_rule

    print(
        _("Spelling in the pre-publish checklist: {rule}.").format(rule=spelling_rule(context.db))
    )


def checklist_rule_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.spelling_item import set_spelling_rule

    if args.rule:
        set_spelling_rule(context.db, args.rule, actor_id=actor_id_of(args, context))
    _print_checklist_rule(context)
    return 0
