"""``redaksi config``: show the settings in effect, or change one in the user config file."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from editor.userconfig import SETTING_KEYS, config_path, save_user_setting

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    config = subparsers.add_parser(
        "config",
        help="show or change user settings",
        description=f"Settings live in {config_path()}.",
    )
    config.set_defaults(handler=show_config_command)
    actions = config.add_subparsers(dest="action", metavar="ACTION")
    setter = actions.add_parser("set", help="change one setting")
    setter.add_argument("key", choices=SETTING_KEYS, metavar="KEY", help=", ".join(SETTING_KEYS))
    setter.add_argument("value", metavar="VALUE")
    setter.set_defaults(handler=set_config_command)


def show_config_command(args: argparse.Namespace, context: CommandContext) -> int:
    print(f"# {config_path()}")
    for key, value in asdict(context.settings).items():
        print(f"{key} = {value}")
    return 0


def set_config_command(args: argparse.Namespace, context: CommandContext) -> int:
    save_user_setting(args.key, args.value)
    print(f"Set {args.key} = {args.value} in {config_path()}.")
    return 0
