"""Entry script for the frozen app: the same command line as `konnekta-desktop`, and `--quit`.

`konnekta-desktop --quit [--config-dir DIR]` asks the switchboard running for this user (and that
config folder) to quit, over the channel a second launch hands its arguments over; it is what the
Windows installer and uninstaller run, since closing the window only hides it to the tray. It
exits 0 once no switchboard answers any more, 1 when one still does after the wait.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

QUIT_WAIT_SECONDS = 10.0


def quit_running(argv: Sequence[str]) -> int:
    """Hand `--quit` to the running switchboard (the real one and a demo), then wait until it no
    longer answers on that channel, which it closes last as it quits."""
    parser = argparse.ArgumentParser(prog="konnekta-desktop --quit")
    parser.add_argument("--config-dir", type=Path, metavar="DIR")
    parser.add_argument("--wait", type=float, default=QUIT_WAIT_SECONDS, metavar="SECONDS")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtNetwork import QLocalSocket

    from konnekta_desktop.app import QUIT_ARGUMENT
    from konnekta_desktop.runtime import LaunchOptions, app_paths
    from konnekta_desktop.ui.single_instance import SingleInstance, instance_key

    def answers(key: str) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(key)
        connected = socket.waitForConnected(200)
        socket.abort()  # says nothing: the running one ignores a connection that sends nothing
        return connected

    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    keys = [
        instance_key(app_paths(options).config_dir, demo=options.demo)
        for options in (
            LaunchOptions(config_dir=args.config_dir),
            LaunchOptions(config_dir=args.config_dir, demo=True),
        )
    ]
    asked = [key for key in keys if SingleInstance(key).hand_off([QUIT_ARGUMENT], 1000)]
    deadline = time.monotonic() + args.wait
    while asked := [key for key in asked if answers(key)]:
        if time.monotonic() > deadline:
            print("konnekta-desktop --quit: the switchboard is still running", file=sys.stderr)
            return 1
        time.sleep(0.1)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--quit"]:
        return quit_running(arguments[1:])
    from konnekta_desktop.cli import main as cli_main

    return cli_main(arguments)


if __name__ == "__main__":
    sys.exit(main())
