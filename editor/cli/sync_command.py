"""The newsroom server on the command line: ``server``, ``login``, ``logout``, ``sync``,
``tokens``. The replica is the database of ``--db`` (or the configured one)."""

from __future__ import annotations

import argparse
import getpass
import os
import platform
import sys
from typing import TYPE_CHECKING, Any

from editor.cli.output import local_time, print_table
from editor.errors import ValidationError
from editor.i18n import _

if TYPE_CHECKING:
    from editor.cli.context import CommandContext

PASSWORD_ENV = "REDAKSI_PASSWORD"


def register(subparsers: Any) -> None:
    server = subparsers.add_parser(
        "server",
        help="run the newsroom server (replicas sync with it)",
        description=(
            "Serve the newsroom database (--db postgresql://...) to replicas over HTTP(S). "
            "Every change goes through the same rules as in the app."
        ),
    )
    server.add_argument("--host", default="127.0.0.1", help="address to listen on")
    server.add_argument("--port", type=int, default=8450, help="port (default 8450)")
    server.add_argument("--certfile", help="TLS certificate (PEM); with --keyfile")
    server.add_argument("--keyfile", help="TLS private key (PEM)")
    server.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL only)")
    server.add_argument(
        "--max-picture-mb",
        type=float,
        default=None,
        help="largest picture a replica may upload, in MB (default and at most 50)",
    )
    server.set_defaults(handler=server_command)

    login = subparsers.add_parser(
        "login",
        help="sign in to a newsroom server; this database becomes its replica",
        description=(
            f"Sign in with your handle and password (from {PASSWORD_ENV}, or asked). The "
            "token is kept in the system keyring, else in a private file."
        ),
    )
    login.add_argument("url", metavar="URL", help="the server, e.g. https://newsroom.example")
    login.add_argument("--handle", help="your handle (asked when missing)")
    login.add_argument("--cafile", help="the newsroom's own CA certificate (PEM)")
    login.add_argument("--label", default="", help="name of this computer (default: host name)")
    login.set_defaults(handler=login_command)

    logout = subparsers.add_parser("logout", help="revoke and forget this computer's sign-in")
    logout.set_defaults(handler=logout_command)

    sync = subparsers.add_parser(
        "sync", help="send local changes to the newsroom server and fetch others' changes"
    )
    sync.add_argument("--watch", action="store_true", help="keep syncing as changes happen")
    sync.add_argument("--status", action="store_true", help="only show what waits")
    sync.set_defaults(handler=sync_command)

    tokens = subparsers.add_parser("tokens", help="list or revoke sign-ins (admins: everyone's)")
    actions = tokens.add_subparsers(dest="tokens_action", metavar="ACTION")
    actions.add_parser("list", help="list sign-ins").set_defaults(handler=tokens_list_command)
    revoke = actions.add_parser("revoke", help="revoke a sign-in")
    revoke.add_argument("token", metavar="ID", help="the sign-in's id (or its first characters)")
    revoke.set_defaults(handler=tokens_revoke_command)
    tokens.set_defaults(handler=tokens_list_command)


def server_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.server.run import serve

    serve(
        context.settings.database_url,
        host=args.host,
        port=args.port,
        certfile=args.certfile,
        keyfile=args.keyfile,
        workers=args.workers,
        max_picture_mb=args.max_picture_mb,
    )
    return 0


def _ask(prompt: str, env: str | None = None, *, secret: bool = False) -> str:
    if env and os.environ.get(env) is not None:
        return os.environ[env]
    if not sys.stdin.isatty():
        raise ValidationError(
            _("{prompt} is needed: set {env}, or run the command in a terminal.").format(
                prompt=prompt, env=env or "--handle"
            )
        )
    return getpass.getpass(f"{prompt}: ") if secret else input(f"{prompt}: ")


def login_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.sync.replica import sign_in

    handle = args.handle or _ask(_("Handle"))
    password = _ask(_("Password"), PASSWORD_ENV, secret=True)
    result = sign_in(
        context.db,
        args.url,
        handle,
        password,
        label=args.label or platform.node(),
        cafile=args.cafile,
    )
    print(
        _("Signed in to {url} as {name} ({role}).").format(
            url=args.url, name=result.person.name, role=result.person.role
        )
    )
    if result.token_file is not None:
        print(
            _(
                "No system keyring here: the sign-in is kept in {path}, readable by you alone."
            ).format(path=result.token_file)
        )
    print(_("Run 'redaksi sync' to fetch the newsroom."))
    return 0


def logout_command(_args: argparse.Namespace, context: CommandContext) -> int:
    from editor.sync.replica import remote_config, sign_out

    config = remote_config(context.db)
    if config is None:
        print(_("Not signed in to a newsroom server."))
        return 0
    revoked = sign_out(context.db)
    if revoked:
        print(_("Signed out of {url}; the sign-in is revoked.").format(url=config.url))
    else:
        print(
            _(
                "Forgotten on this computer; the server could not be told, so ask an admin "
                "to revoke it (redaksi tokens revoke)."
            )
        )
    return 0


def _print_report(report: Any) -> None:
    print(
        _(
            "Sent {pushed} change(s): {applied} applied, {merged} merged, {conflicts} in "
            "conflict, {refused} refused. Received {pulled} change(s)."
        ).format(
            pushed=report.pushed,
            applied=report.applied,
            merged=report.merged,
            conflicts=report.conflicts,
            refused=report.refused,
            pulled=report.pulled,
        )
    )
    if report.pictures_up or report.pictures_down:
        print(
            _("Pictures: {up} sent ({sent} MB), {down} received ({received} MB).").format(
                up=report.pictures_up,
                sent=f"{report.bytes_up / 2**20:.1f}",
                down=report.pictures_down,
                received=f"{report.bytes_down / 2**20:.1f}",
            )
        )
    for notice in report.notices:
        print(f"  {notice.kind}: {notice.message}")


def sync_command(args: argparse.Namespace, context: CommandContext) -> int:
    from editor.sync.replica import Replica

    with Replica(context.db) as replica:
        status = replica.status()
        if status.remote is None:
            raise ValidationError(
                _("Single-user database: nothing to sync. Sign in first: redaksi login URL.")
            )
        if args.status:
            print(
                _(
                    "{url} as {handle}: {pending} change(s) waiting, {conflicts} conflict(s)."
                ).format(
                    url=status.remote.url,
                    handle=status.remote.handle,
                    pending=status.pending,
                    conflicts=status.conflicts,
                )
            )
            return 0
        report = replica.sync()
        _print_report(report)
        while args.watch:
            if replica.wait_for_changes() or replica.status().pending:
                _print_report(replica.sync())
    return 1 if report.refused else 0


def _server_for(context: CommandContext) -> Any:
    from editor.sync import credentials
    from editor.sync.remote import RemoteServer
    from editor.sync.replica import remote_config

    config = remote_config(context.db)
    if config is None:
        raise ValidationError(_("Not signed in to a newsroom server: redaksi login URL."))
    token = credentials.load_token(config.url, config.handle)
    return RemoteServer(config.url, token=token, cafile=config.cafile)


def tokens_list_command(_args: argparse.Namespace, context: CommandContext) -> int:
    from datetime import datetime

    with _server_for(context) as server:
        tokens = server.tokens()
    zone = context.settings.zone

    def when(value: str | None) -> str:
        return local_time(datetime.fromisoformat(value), zone) if value else ""

    rows = [
        [
            t["id"][:8],
            t["handle"],
            t["label"],
            when(t["created_at"]),
            when(t["last_used_at"]),
            when(t["revoked_at"]) or _("active"),
        ]
        for t in tokens
    ]
    print_table(["ID", "WHO", "COMPUTER", "SIGNED IN", "LAST USED", "REVOKED"], rows)
    return 0


def tokens_revoke_command(args: argparse.Namespace, context: CommandContext) -> int:
    with _server_for(context) as server:
        wanted = args.token.strip().lower()
        matches = [t for t in server.tokens() if t["id"].startswith(wanted)]
        if len(wanted) < 4 or len(matches) != 1:
            raise ValidationError(
                _("'{token}' names no single sign-in: give more of its id.").format(
                    token=args.token
                )
            )
        revoked = server.revoke(matches[0]["id"])
    print(_("Revoked {handle}'s sign-in on {label}.").format(**revoked))
    return 0
