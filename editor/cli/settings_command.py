"""``redaksi config``: show the settings in effect, or change one in the user config file.

No role is checked here, on purpose. ``config set`` writes only this user's own file on
this workstation (editor.userconfig); nothing in the newsroom's database changes, and no
other workstation sees it. A role check could not protect a file its owner can edit in
any text editor, and it would need the database open, which ``database_url`` (the setting
that says which database to open) must not. Newsroom-wide values are IT's: the system
configuration (editor.sysconfig) presets and locks them, which ``save_user_setting``
enforces. Settings kept in the database for the whole newsroom would need
``manage_settings`` (editor.workflow.roles.managing); there are none yet.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from editor.i18n import _
from editor.userconfig import SETTING_KEYS, config_path, save_user_setting

if TYPE_CHECKING:
    from editor.cli.context import CommandContext


def register(subparsers: Any) -> None:
    config = subparsers.add_parser(
        "config",
        help="show or change your own settings (this workstation's config file)",
        description=f"Your settings live in {config_path()}. They are yours, so changing "
        "them needs no role; the settings your IT locks cannot be changed here.",
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
    print(
        _("Set {key} = {value} in {file}.").format(
            key=args.key, value=args.value, file=config_path()
        )
    )
    return 0
