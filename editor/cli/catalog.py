"""The newsroom's lists: ``sections`` and ``people``, each with an ``add`` action.

Adding is for admins: ``--as PERSON`` says who acts (signing in with a password as the
workflow commands do). A newsroom with no admin yet takes an add without ``--as``, so IT
can create the first admin; the core (editor.workflow.roles) decides.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from editor.cli.acting import actor_id_of, add_actor_option, role_help
from editor.cli.output import print_json, print_table
from editor.i18n import _
from editor.records import ROLES

if TYPE_CHECKING:
    from editor.cli.context import CommandContext

ADMINS = "an admin"
ADD_DESCRIPTION = (
    "Admins add people and sections: give --as PERSON. A newsroom with no admin yet takes "
    'this without --as, so that IT can add the first admin: people add "Nama" --role admin.'
)


def register(subparsers: Any) -> None:
    sections = subparsers.add_parser(
        "sections", help="list sections, or add one", description="The section tree."
    )
    sections.add_argument("--json", action="store_true", help="machine-readable output")
    sections.set_defaults(handler=list_sections_command)
    section_actions = sections.add_subparsers(dest="action", metavar="ACTION")
    add_section = section_actions.add_parser(
        "add", help="add a section (admins)", description=ADD_DESCRIPTION
    )
    add_section.add_argument("name", metavar="NAME")
    add_section.add_argument("--parent", help="parent section: name or path (e.g. berita)")
    add_section.add_argument("--slug", default="", help="URL slug (default: from the name)")
    add_actor_option(add_section, role_help(ADMINS))
    add_section.set_defaults(handler=add_section_command)

    people = subparsers.add_parser(
        "people", help="list people, or add one", description="Reporters, editors and admins."
    )
    people.add_argument("--json", action="store_true", help="machine-readable output")
    people.set_defaults(handler=list_people_command)
    people_actions = people.add_subparsers(dest="action", metavar="ACTION")
    add_person = people_actions.add_parser(
        "add", help="add a person (admins)", description=ADD_DESCRIPTION
    )
    add_person.add_argument("name", metavar="NAME")
    add_person.add_argument("--role", choices=ROLES, default="reporter")
    add_person.add_argument("--email", default=None)
    add_actor_option(add_person, role_help(ADMINS))
    add_person.set_defaults(handler=add_person_command)


def list_sections_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.sections import list_sections

    sections = list_sections(context.db)
    if getattr(args, "json", False):
        print_json(sections)
        return 0
    if not sections:
        print(_("No sections yet. Add one: redaksi sections add Berita"))
        return 0
    depth = {s.id: s.path.count("/") for s in sections}
    rows = [["  " * depth[s.id] + s.name, s.path] for s in sections]
    print_table(["SECTION", "PATH"], rows)
    return 0


def add_section_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.sections import add_section, find_section

    actor_id = actor_id_of(args, context)
    parent_id = find_section(context.db, args.parent).id if args.parent else None
    section = add_section(
        context.db, args.name, actor_id=actor_id, parent_id=parent_id, slug=args.slug
    )
    print(_("Added section {name} ({path}).").format(name=section.name, path=section.path))
    return 0


def list_people_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.people import list_people

    people = list_people(context.db)
    if getattr(args, "json", False):
        print_json(people)
        return 0
    if not people:
        print(_('Nobody yet. Add the first admin: redaksi people add "Nama Lengkap" --role admin'))
        return 0
    rows = [
        [p.name, p.handle, p.role, p.email or "", "" if p.active else "inactive"] for p in people
    ]
    print_table(["NAME", "HANDLE", "ROLE", "EMAIL", "STATE"], rows)
    return 0


def add_person_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.people import add_person

    actor_id = actor_id_of(args, context)
    person = add_person(context.db, args.name, actor_id=actor_id, role=args.role, email=args.email)
    print(
        _("Added {role} {name} (handle {handle}).").format(
            role=person.role, name=person.name, handle=person.handle
        )
    )
    return 0
