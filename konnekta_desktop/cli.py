"""The command line: the switchboard (default), --headless, --demo, a number to dial, and the simulator."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="konnekta-desktop",
        description="Switchboard for the Dstny Konnekta cloud PBX. "
        "Run 'konnekta-desktop simulator --help' for the built-in Konnekta simulator.",
    )
    parser.add_argument("--version", action="version", version=f"konnekta-desktop {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="run against the built-in Konnekta simulator"
    )
    parser.add_argument(
        "--headless", action="store_true", help="run the connector without a window; log to stderr"
    )
    parser.add_argument(
        "--config-dir",
        type=Path,
        metavar="DIR",
        help="keep every file of this run (settings, store, logs) in DIR",
    )
    parser.add_argument(
        "--users", type=int, default=60, metavar="N", help="with --demo: users in the tenant"
    )
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="with --demo: tenant seed")
    parser.add_argument(
        "--connect",
        metavar="URL",
        help="run the switchboard window against a company connector (konnekta-desktop server) "
        "at URL, such as https://connector.example.com (plain http only on this computer), "
        "instead of Konnekta",
    )
    parser.add_argument(
        "--enrol",
        metavar="CODE",
        help="with --connect, the first time: the one-time enrolment code from the connector's "
        "administrator; the device token it gives is kept in the OS keyring",
    )
    parser.add_argument(
        "--exit-when-connected",
        action="store_true",
        help="exit with status 0 once connected and loaded (a smoke test for installed builds)",
    )
    parser.add_argument(
        "target",
        nargs="?",
        help="a number, or a tel: or callto: address, to dial from the running switchboard",
    )
    return parser


def display_available(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a window can be shown: always on Windows and macOS; on Linux and the other Unixes
    when there is an X11 or Wayland display, or Qt is told to draw elsewhere (offscreen, say)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["simulator"]:
        from .simulator.server import main as simulator_main

        return simulator_main(args_list[1:])
    if args_list[:1] == ["server"]:
        from .server_cli import main as server_main

        return server_main(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.enrol is not None and args.connect is None:
        parser.error("--enrol goes with --connect: the code enrols this desktop at that connector")
    if args.connect is not None:
        from .domain.refusals import Reason, WentWrong, english, why
        from .remote.client import client_url

        if args.demo or args.headless:
            parser.error(english(why(Reason.CONNECT_ALONE)))
        try:
            client_url(args.connect)
        except WentWrong as problem:
            parser.error(english(problem.why))
    from .runtime import LaunchOptions

    options = LaunchOptions(
        demo=args.demo,
        config_dir=args.config_dir,
        users=args.users,
        seed=args.seed,
        exit_when_connected=args.exit_when_connected,
        target=args.target,
        connect=args.connect,
        enrol=args.enrol,
    )
    if args.headless:
        from .headless import run_headless

        return run_headless(options)
    if not display_available():
        # Qt would abort with its own message and a core dump; say what to do instead, on
        # stderr and in the log.
        from . import logs
        from .domain.refusals import Reason, WentWrong, english, why
        from .runtime import app_paths

        said = english(why(Reason.NO_DISPLAY))
        print(f"konnekta-desktop: {said}", file=sys.stderr)
        with contextlib.suppress(WentWrong):
            logs.setup(app_paths(options).log_dir, stderr=False)
            logging.getLogger(__name__).error("Cannot start: %s", said)
        return 2
    from .app import run_gui

    return run_gui(options)


if __name__ == "__main__":
    sys.exit(main())
