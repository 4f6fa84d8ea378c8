"""``redaksi demo``: fill an empty database with the demo newsroom (safe to run again)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="load the demo newsroom into an empty database",
        description=(
            "Add demo sections, people and articles to an empty database (its people sign "
            "in without passwords, so it is refused in a newsroom that already has people "
            "or articles). Running it again on the demo's own database adds nothing twice. "
            "Every load is in the audit log."
        ),
    )
    demo.set_defaults(handler=demo_command)


def demo_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.demo import load_demo

    report = load_demo(context.db)
    for line in report.lines():
        print(line)
    return 0
