"""`konnekta-desktop server`: the company connector for one tenant, serving desktops over the
client API (docs/client-api.md). Qt-free; it runs where no window can be shown."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from .remote.server import DEFAULT_PORT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="konnekta-desktop server",
        description="Run the company connector for one tenant: the Konnekta session without a "
        "window, with the client API for desktops on its own port. Secrets come from "
        "--secrets-file, the environment (KONNEKTA_CLIENT_SECRET, KONNEKTA_PASSWORD) or the OS "
        "keyring, never from the settings file. Stops cleanly on SIGTERM or Ctrl+C.",
    )
    parser.add_argument(
        "--config-dir",
        type=Path,
        metavar="DIR",
        help="keep every file of this run (settings, store, logs) in DIR",
    )
    parser.add_argument(
        "--demo", action="store_true", help="run against the built-in Konnekta simulator"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="address the client API listens on (default 127.0.0.1: there is no authentication "
        "yet, so only this computer should reach it)",
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
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    if not 0 <= args.port <= 65535:
        build_parser().error("--port must be a port number from 0 to 65535")
    from .remote.service import ServerOptions, run_server
    from .runtime import LaunchOptions

    launch = LaunchOptions(
        demo=args.demo, config_dir=args.config_dir, users=args.users, seed=args.seed
    )
    options = ServerOptions(
        launch=launch, host=args.host, port=args.port, secrets_file=args.secrets_file
    )
    return run_server(options)
