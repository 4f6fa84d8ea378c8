"""The editorial workflow on the command line: status changes, audit, review, corrections.

``--as PERSON`` says who acts (id, handle or name). A person with a password must give
it: from ``REDAKSI_PASSWORD``, or typed when asked on a terminal. The core checks every
permission; a refusal prints why and exits with 1, and the audit log keeps it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from editor.cli.output import local_time, print_json, print_table
from editor.errors import ValidationError
from editor.i18n import _, ngettext
from editor.records import ROLES, STATUSES, status_label
from editor.time_range import in_range

if TYPE_CHECKING:
    import uuid

    from editor.cli.context import CommandContext
    from editor.records import PersonRecord
    from editor.workflow.spelling_item import WordExceptions

PASSWORD_ENV = "REDAKSI_PASSWORD"
NEW_PASSWORD_ENV = "REDAKSI_NEW_PASSWORD"
TARGETS = [s for s in STATUSES if s != "trashed"]
#: Where a sign-in came from, for the audit log.
WHERE = "command line"


def register(subparsers: Any) -> None:
    status = subparsers.add_parser(
        "status",
        help="move an article to another status (submit, approve, publish...)",
        description=(
            "Move an article through the workflow as PERSON. The same permission checks as "
            "in the app apply; publishing and scheduling run the pre-publish checklist."
        ),
    )
    status.add_argument("id", metavar="ID", help="article id, or a unique prefix of it")
    status.add_argument("--to", required=True, choices=TARGETS, metavar="STATUS", help="new status")
    _add_actor(status)
    status.add_argument("--note", default="", help="why (needed for sent_back, killed, corrected)")
    status.add_argument("--at", metavar="TIME", help="publish time when scheduling (ISO 8601)")
    status.add_argument("--override", metavar="REASON", help="editors: publish past the checklist")
    status.set_defaults(handler=status_command)

    audit = subparsers.add_parser(
        "audit", help="show the audit log", description="Status changes and refusals, newest first."
    )
    audit.add_argument("id", nargs="?", metavar="ID", help="only this article")
    audit.add_argument("--limit", type=int, default=50, help="entries to show (default 50)")
    audit.add_argument("--json", action="store_true", help="machine-readable output")
    audit.set_defaults(handler=audit_command)

    checklist = subparsers.add_parser("checklist", help="show an article's pre-publish checklist")
    checklist.add_argument("id", metavar="ID")
    checklist.set_defaults(handler=checklist_command)

    lock = subparsers.add_parser("lock", help="show who is editing an article")
    lock.add_argument("id", metavar="ID")
    lock.set_defaults(handler=lock_command)
    takeover = subparsers.add_parser(
        "takeover", help="editors: take an article over from whoever is editing it"
    )
    takeover.add_argument("id", metavar="ID")
    _add_actor(takeover)
    takeover.set_defaults(handler=takeover_command)

    comment = subparsers.add_parser("comment", help="comment on an article or a passage of it")
    comment.add_argument("id", metavar="ID")
    comment.add_argument("text", metavar="TEXT")
    comment.add_argument("--quote", default="", help="the passage of the body, exactly")
    _add_actor(comment)
    comment.set_defaults(handler=comment_command)
    listing = subparsers.add_parser("comments", help="list an article's review comments")
    listing.add_argument("id", metavar="ID")
    listing.add_argument("--open", action="store_true", help="only unresolved comments")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=comments_command)
    resolve = subparsers.add_parser("resolve", help="mark a review comment resolved")
    resolve.add_argument("id", metavar="ID", help="the article")
    resolve.add_argument("number", type=int, metavar="N", help="the comment's number in 'comments'")
    _add_actor(resolve)
    resolve.set_defaults(handler=resolve_command)

    changes = subparsers.add_parser(
        "changes", help="what changed since the reporter last submitted an article"
    )
    changes.add_argument("id", metavar="ID")
    changes.set_defaults(handler=changes_command)

    correct = subparsers.add_parser("correct", help="editors: add a correction note")
    correct.add_argument("id", metavar="ID")
    correct.add_argument("--note", required=True, help="the correction, as readers will see it")
    correct.add_argument("--at", metavar="TIME", help="time of the correction (default: now)")
    _add_actor(correct)
    correct.set_defaults(handler=correct_command)

    role = subparsers.add_parser("role", help="admins: give a person another role")
    role.add_argument("person", metavar="PERSON")
    role.add_argument("role", choices=ROLES)
    _add_actor(role)
    role.set_defaults(handler=role_command)
    password = subparsers.add_parser(
        "passwd",
        help="set a person's password",
        description=f"Reads the new password from {NEW_PASSWORD_ENV}, or asks twice.",
    )
    password.add_argument("person", metavar="PERSON")
    password.add_argument(
        "--as",
        dest="actor",
        metavar="PERSON",
        help="who sets it: the person (with the current password) or an admin; "
        "needed once a password is set",
    )
    password.set_defaults(handler=password_command)


def _add_actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as", dest="actor", required=True, metavar="PERSON", help="who acts: id, handle or name"
    )


def acting_person(context: CommandContext, key: str) -> PersonRecord:
    """The person named by ``--as``; signed in with their password if they have one.

    In a newsroom that signs in with passwords, a person without one cannot act (the core
    refuses and audits it); a wrong or empty password is refused and audited.
    """
    from editor.errors import PermissionDenied
    from editor.people import find_person
    from editor.workflow.passwords import authenticate, has_password, sign_in_refusal

    person = find_person(context.db, key)
    if not has_password(context.db, person.id):
        refusal = sign_in_refusal(context.db, person, where=WHERE)
        if refusal:
            raise PermissionDenied(refusal)
        return person
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise ValidationError(
                _(
                    "{name} signs in with a password: set {password_env}, or run the command "
                    "in a terminal to be asked for it."
                ).format(name=person.name, password_env=PASSWORD_ENV)
            )
        password = getpass.getpass(f"Password for {person.handle}: ")
    return authenticate(context.db, person.handle, password, where=WHERE)


def parse_time(text: str, zone: str) -> datetime:
    """ISO 8601; a time without a zone is read in the newsroom's zone."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError(
            _(
                "Cannot read '{text}' as a time. Write it like 2026-01-17T08:00 "
                "(newsroom time, {zone}) or 2026-01-17T08:00+07:00."
            ).format(text=text, zone=zone)
        ) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return in_range(value, shown=text)


def _article(context: CommandContext, typed: str) -> uuid.UUID:
    from editor.cli.lookup import resolve_article_id

    return resolve_article_id(context.db, typed)


def _personal_exceptions(article_id: uuid.UUID) -> WordExceptions:
    """This person's own dictionary and the words they ignored in the article in the app."""
    from editor.spelling.ignored import load_ignored
    from editor.spelling.personal import load_personal_words
    from editor.workflow.spelling_item import WordExceptions

    return WordExceptions.of(load_personal_words(), load_ignored(article_id))


def status_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.checklist import checklist_for, warning_items
    from editor.workflow.transitions import CHECKED_TARGETS, change_status

    article_id = _article(context, args.id)
    actor = acting_person(context, args.actor)
    when = parse_time(args.at, context.settings.zone) if args.at else None
    if when is not None and args.to != "scheduled":
        raise ValidationError(_("--at is the publish time for --to scheduled only."))
    record = change_status(
        context.db,
        article_id,
        args.to,
        actor_id=actor.id,
        note=args.note,
        override_reason=args.override,
        scheduled_at=when,
        exceptions=_personal_exceptions(article_id),
    )
    if args.to in CHECKED_TARGETS:
        for item in warning_items(
            checklist_for(context.db, record, _personal_exceptions(record.id))
        ):
            print(_("redaksi: warning: {problem}").format(problem=item.problem), file=sys.stderr)
    headline = record.headline or _("Untitled")
    if record.status == "scheduled":
        line = _("“{headline}” is now {status} for {when}.").format(
            headline=headline,
            status=status_label(record.status),
            when=local_time(record.scheduled_at, context.settings.zone),
        )
    else:
        line = _("“{headline}” is now {status}.").format(
            headline=headline, status=status_label(record.status)
        )
    print(line)
    if args.override:
        print(_("The checklist override and its reason are in the audit log."))
    return 0


def audit_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.audit import audit_log

    article_id = _article(context, args.id) if args.id else None
    entries = audit_log(context.db, article_id, limit=args.limit)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print(_("The audit log is empty.") if article_id is None else _("Nothing recorded yet."))
        return 0
    zone = context.settings.zone
    rows = []
    for entry in entries:
        change = f"{entry.from_status} → {entry.to_status}" if entry.to_status else ""
        subject = "" if article_id else f"{entry.headline[:40]}  "
        rows.append(
            [
                local_time(entry.at, zone),
                entry.actor,
                entry.action,
                change,
                entry.outcome,
                subject + entry.note.replace("\n", " | "),
            ]
        )
    print_table(["TIME", "WHO", "ACTION", "CHANGE", "OUTCOME", "NOTE"], rows)
    return 0


def checklist_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.articles import get_article
    from editor.workflow.checklist import checklist_for

    record = get_article(context.db, _article(context, args.id))
    items = checklist_for(context.db, record, _personal_exceptions(record.id))
    for item in items:
        mark = "x" if item.ok else (" " if item.blocking else "!")
        print(f"[{mark}] {item.key}" + ("" if item.ok else f": {item.problem}"))
    missing = sum(not item.ok and item.blocking for item in items)
    warned = sum(not item.ok and not item.blocking for item in items)
    if warned and not missing:
        print(
            ngettext(
                "Ready to publish, with {count} warning.",
                "Ready to publish, with {count} warnings.",
                warned,
            ).format(count=warned)
        )
    elif missing:
        print(
            ngettext("{count} item missing.", "{count} items missing.", missing).format(
                count=missing
            )
        )
    else:
        print(_("Ready to publish."))
    return 0 if not missing else 1


def lock_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.locks import current_lock

    lock = current_lock(context.db, _article(context, args.id))
    if lock is None:
        print(_("Nobody is editing it."))
        return 0
    since = local_time(lock.acquired_at, context.settings.zone)
    print(
        _("{lock} / {lock_en}, since {since}.").format(
            lock=lock.describe("id"), lock_en=lock.describe("en"), since=since
        )
    )
    return 0


def takeover_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.locks import release_lock, take_over

    article_id = _article(context, args.id)
    actor = acting_person(context, args.actor)
    result = take_over(context.db, article_id, actor_id=actor.id, workstation="command line")
    # The command line edits nothing itself: it frees the article for the taker's app.
    release_lock(context.db, article_id, session_id=result.lock.session_id)
    if result.previous is None:
        print(_("Nobody was editing it; it is free."))
    else:
        print(
            _("Taken over from {holder_name}; the article is free to open.").format(
                holder_name=result.previous.holder_name
            )
        )
    if result.kept is not None:
        print(
            _("Their unsaved text is kept as revision {number}.").format(number=result.kept.number)
        )
    return 0


def comment_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.comments import add_comment

    article_id = _article(context, args.id)
    actor = acting_person(context, args.actor)
    comment = add_comment(
        context.db, article_id, actor_id=actor.id, text=args.text, quote=args.quote
    )
    if comment.quote:
        print(_("Comment added on “{quote}”.").format(quote=comment.quote))
    else:
        print(_("Comment added."))
    return 0


def comments_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.comments import comments

    found = comments(context.db, _article(context, args.id))
    numbered = [(n, c) for n, c in enumerate(found, start=1) if not (args.open and c.resolved)]
    if args.json:
        print_json([{"number": n, **_comment_json(c)} for n, c in numbered])
        return 0
    if not numbered:
        print(_("No comments."))
        return 0
    for number, comment in numbered:
        state = (
            _("resolved by {name}").format(name=comment.resolved_by)
            if comment.resolved
            else _("open")
        )
        when = local_time(comment.created_at, context.settings.zone)
        print(f"{number}. {comment.author}, {when} [{state}]")
        if comment.quote:
            if comment.start is None:
                place = _("no longer in the text")
            else:
                place = _("at {offset}").format(offset=comment.start)
            print(_("   on “{quote}” ({place})").format(quote=comment.quote, place=place))
        print(f"   {comment.text}")
    return 0


def _comment_json(comment: Any) -> dict[str, Any]:
    from dataclasses import asdict

    return {**asdict(comment), "end": comment.end, "resolved": comment.resolved}


def resolve_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.comments import comments, resolve_comment

    article_id = _article(context, args.id)
    actor = acting_person(context, args.actor)
    found = comments(context.db, article_id)
    if not 1 <= args.number <= len(found):
        raise ValidationError(
            _("The article has {count} comment(s); give a number from 'redaksi comments'.").format(
                count=len(found)
            )
        )
    resolve_comment(context.db, found[args.number - 1].id, actor_id=actor.id)
    print(_("Comment {number} resolved.").format(number=args.number))
    return 0


def changes_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.comments import changes_since_submission

    changes = changes_since_submission(context.db, _article(context, args.id))
    if changes is None:
        print(_("It has not been submitted yet."))
        return 0
    when = local_time(changes.submitted.created_at, context.settings.zone)
    print(
        _("Since the submission of {when} (revision {number}):").format(
            when=when, number=changes.submitted.number
        )
    )
    for field in changes.diff.fields:
        print(f"  {field.name}: {field.old!r} → {field.new!r}")
    for hunk in changes.diff.body:
        if hunk.op != "equal":
            for line in hunk.old_lines:
                print(f"- {line}")
            for line in hunk.new_lines:
                print(f"+ {line}")
    if not changes.diff.fields and all(h.op == "equal" for h in changes.diff.body):
        print(_("  nothing changed."))
    return 0


def correct_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.workflow.corrections import add_correction

    article_id = _article(context, args.id)
    actor = acting_person(context, args.actor)
    when = parse_time(args.at, context.settings.zone) if args.at else None
    correction = add_correction(context.db, article_id, actor_id=actor.id, note=args.note, now=when)
    print(
        _("Correction added at {corrected_at}.").format(
            corrected_at=local_time(correction.corrected_at, context.settings.zone)
        )
    )
    return 0


def role_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.people import find_person
    from editor.workflow.editing import set_role

    actor = acting_person(context, args.actor)
    person = find_person(context.db, args.person)
    updated = set_role(context.db, person.id, args.role, actor_id=actor.id)
    print(_("{name} is now {role}.").format(name=updated.name, role=updated.role))
    return 0


def _new_password() -> str:
    password = os.environ.get(NEW_PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise ValidationError(
            _("Set {new_password_env}, or run in a terminal to type it.").format(
                new_password_env=NEW_PASSWORD_ENV
            )
        )
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise ValidationError(_("The two passwords differ; nothing was changed. Try again."))
    return first


def password_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.people import find_person
    from editor.workflow.passwords import has_password, set_password

    person = find_person(context.db, args.person)
    if args.actor is None and has_password(context.db, person.id):
        raise ValidationError(
            _(
                "{name} already has a password. Add --as: {handle} with the current "
                "password (in {password_env}), or an admin."
            ).format(name=person.name, handle=person.handle, password_env=PASSWORD_ENV)
        )
    actor = acting_person(context, args.actor) if args.actor else None
    set_password(context.db, person.id, _new_password(), actor_id=actor.id if actor else None)
    print(_("Password set for {handle}.").format(handle=person.handle))
    return 0
