"""``redaksi demo``: fill the database with the demo newsroom (safe to run again)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="load the demo newsroom",
        description=(
            "Add demo sections, people and articles. Running it again adds nothing twice."
        ),
    )
    demo.set_defaults(handler=demo_command)


def demo_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.demo import load_demo

    report = load_demo(context.db)
    for line in report.lines():
        print(line)
    return 0
