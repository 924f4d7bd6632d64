"""`konnekta-desktop server`: the company connector for one tenant, serving desktops over the
client API (docs/client-api.md), and its operators' commands (`add-operator`, `list-operators`,
`revoke`, `audit`), which work beside a running connector. Qt-free; it runs where no window can
be shown."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .remote.operators import ENROLMENT_HOURS
from .remote.server import DEFAULT_PORT


def _place(parser: argparse.ArgumentParser, *, inner: bool = False) -> None:
    """--config-dir and --demo, which say whose store (and so whose operators) it is. Given
    after an operators' command as well as before it."""
    default = {"default": argparse.SUPPRESS} if inner else {}
    parser.add_argument(
        "--config-dir",
        type=Path,
        metavar="DIR",
        help="keep every file of this run (settings, store, logs) in DIR",
        **default,  # type: ignore[arg-type]
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the built-in Konnekta simulator",
        **default,  # type: ignore[arg-type]
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="konnekta-desktop server",
        description="Run the company connector for one tenant: the Konnekta session without a "
        "window, with the client API for desktops on its own port. Secrets come from "
        "--secrets-file, the environment (KONNEKTA_CLIENT_SECRET, KONNEKTA_PASSWORD) or the OS "
        "keyring, never from the settings file. Stops cleanly on SIGTERM or Ctrl+C.",
    )
    _place(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="address the client API listens on (default 127.0.0.1); any other needs "
        "--tls-cert and --tls-key, or --behind-proxy",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="P",
        help=f"TCP port of the client API (default {DEFAULT_PORT}; 0 takes a free one)",
    )
    parser.add_argument(
        "--secrets-file",
        type=Path,
        metavar="FILE",
        help="lines KONNEKTA_CLIENT_SECRET=... and KONNEKTA_PASSWORD=...; refused when other "
        "users can change it, or read it outside /run/secrets and /run/credentials",
    )
    parser.add_argument(
        "--users", type=int, default=60, metavar="N", help="with --demo: users in the tenant"
    )
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="with --demo: tenant seed")
    parser.add_argument("--tls-cert", type=Path, metavar="FILE", help="certificate chain (PEM)")
    parser.add_argument(
        "--tls-key", type=Path, metavar="FILE", help="its private key (PEM); read again on change"
    )
    parser.add_argument(
        "--behind-proxy",
        action="store_true",
        help="plain HTTP on --host: a reverse proxy in front terminates TLS",
    )
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin (https://host) whose pages may open the client API; none by default",
    )
    actions = parser.add_subparsers(dest="action", metavar="COMMAND")
    add = actions.add_parser("add-operator", help="print a one-time enrolment code for a desktop")
    add.add_argument("--user", required=True, help="the operator's Konnekta username")
    add.add_argument("--admin", action="store_true", help="may change the company's settings")
    add.add_argument(
        "--hours", type=float, default=ENROLMENT_HOURS, help="the code expires after this long"
    )
    actions.add_parser("list-operators", help="every operator, enrolled, invited or revoked")
    revoke = actions.add_parser("revoke", help="revoke an operator; their desktops are closed")
    revoke.add_argument("who", help="the operator's number (list-operators) or username")
    audit = actions.add_parser("audit", help="the commands desktops sent, oldest first")
    audit.add_argument("--days", type=float, default=1.0, help="of the last N days (default 1)")
    taking = actions.add_parser(
        "import", help="take a desktop's states, templates, history and company settings"
    )
    taking.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="DIR",
        help="the desktop's --config-dir (default: this user's desktop folders)",
    )
    for sub in (
        add,
        taking,
        *(actions.choices[n] for n in ("list-operators", "revoke", "audit")),
    ):
        _place(sub, inner=True)
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if not 0 <= args.port <= 65535:
        parser.error("--port must be a port number from 0 to 65535")
    if (args.tls_cert is None) != (args.tls_key is None):
        parser.error("--tls-cert and --tls-key go together")
    from .runtime import LaunchOptions

    launch = LaunchOptions(
        demo=args.demo, config_dir=args.config_dir, users=args.users, seed=args.seed
    )
    if args.action is not None:
        from .remote.operators_cli import run_action

        return run_action(args, launch)
    from .remote.service import ServerOptions, run_server

    options = ServerOptions(
        launch=launch,
        host=args.host,
        port=args.port,
        secrets_file=args.secrets_file,
        tls_cert=args.tls_cert,
        tls_key=args.tls_key,
        behind_proxy=args.behind_proxy,
        origins=frozenset(origin.rstrip("/") for origin in args.allow_origin),
    )
    return run_server(options)
