"""``--as PERSON``: who a command that changes the newsroom acts as.

The person is named by id, handle or name and signs in as the workflow commands do
(:func:`editor.cli.workflow.acting_person`, with a password where they have one). Without
``--as`` the core applies its own rule, such as a newsroom with nobody in it yet taking
the change unsigned, so the option is never required here.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

    from editor.cli.context import CommandContext

#: The option's help where anyone allowed by the core may act.
ANYONE_ACTS = "who acts (id, handle or name); needed once the newsroom has people"


def role_help(role: str) -> str:
    """The option's help for a change to the newsroom's lists, made by ``role``."""
    return f"who acts (id, handle or name): {role}; needed once the newsroom has an admin"


def add_actor_option(parser: argparse.ArgumentParser, help: str = ANYONE_ACTS) -> None:
    parser.add_argument("--as", dest="actor", metavar="PERSON", help=help)


def actor_id_of(args: argparse.Namespace, context: CommandContext) -> uuid.UUID | None:
    """The signed-in ``--as`` person, or None to let the core apply its rule."""
    from editor.cli.workflow import acting_person

    return acting_person(context, args.actor).id if args.actor else None
