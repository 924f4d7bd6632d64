"""The admin's commands beside the connector: `konnekta-desktop server add-operator |
list-operators | revoke | audit` on the connector's store file (the same --config-dir, or
--demo, as the connector), while the connector runs or not; and `import`, a desktop's files
into the connector's (with the connector stopped)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import datetime
from typing import TextIO

from ..core.store_file import StoreError
from ..domain.interface import Role
from ..runtime import STORE_FILE, LaunchOptions, app_paths
from ..settings import AppPaths
from .importing import import_desktop
from .operators import Operator, Operators

__all__ = ["run_action"]


def _when(at: float | None) -> str:
    if at is None:
        return "-"
    return datetime.fromtimestamp(at).astimezone().strftime("%Y-%m-%d %H:%M")


def _row(operator: Operator) -> str:
    return (
        f"{operator.id:>4}  {operator.username:<32} {operator.role.value:<13} "
        f"{operator.state:<9} {_when(operator.enrolled_at):<16} {operator.device}"
    )


def run_action(args: argparse.Namespace, launch: LaunchOptions, out: TextIO | None = None) -> int:
    """0 when done; 1 when there was nothing to do (an unknown operator); 2 when the store
    cannot be used. `out` is stdout unless given (looked up now: a default bound at import
    would keep the stream of whoever imported this first)."""
    out = out if out is not None else sys.stdout
    if args.action == "import":
        return _import(args, launch, out)
    path = app_paths(launch).data_dir / STORE_FILE
    try:
        operators = Operators.open(path, patient=True)
    except StoreError as problem:
        print(f"Cannot use {path}: {problem}", file=sys.stderr)
        return 2
    try:
        return _act(args, operators, out)
    finally:
        operators.close()


def _import(args: argparse.Namespace, launch: LaunchOptions, out: TextIO) -> int:
    source = AppPaths.for_dir(args.source) if args.source is not None else AppPaths.default()
    try:
        imported = import_desktop(source, app_paths(launch))
    except (OSError, ValueError, sqlite3.Error, StoreError) as problem:
        print(f"Nothing imported: {problem}", file=sys.stderr)
        return 2
    for table, count in imported.rows.items():
        print(f"{table:<14} {count:>7} rows", file=out)
    print(f"Settings taken: {', '.join(imported.settings) or 'none (the same)'}", file=out)
    print(f"The desktop's files in {source.config_dir} are left as they were.", file=out)
    return 0


def _act(args: argparse.Namespace, operators: Operators, out: TextIO) -> int:
    if args.action == "add-operator":
        role = Role.ADMINISTRATOR if args.admin else Role.OPERATOR
        invitation = operators.invite(args.user, role, args.hours)
        print(
            f"Operator {invitation.operator.id}: {invitation.operator.username} ({role.value}).\n"
            f"One-time enrolment code, valid until {_when(invitation.expires_at)}:\n\n"
            f"    {invitation.code}\n\n"
            "On the operator's computer: konnekta-desktop --connect <connector address> "
            f"--enrol {invitation.code}",
            file=out,
        )
        return 0
    if args.action == "list-operators":
        print(
            f"{'id':>4}  {'username':<32} {'role':<13} {'state':<9} {'enrolled':<16} device",
            file=out,
        )
        for operator in operators.all():
            print(_row(operator), file=out)
        return 0
    if args.action == "revoke":
        revoked = operators.revoke(args.who)
        if not revoked:
            print(f"No operator {args.who!r} that is not revoked already.", file=sys.stderr)
            return 1
        for operator in revoked:
            print(f"Revoked: {_row(operator)}", file=out)
        print("A running connector closes their connections within seconds.", file=out)
        return 0
    since = time.time() - args.days * 86_400
    for entry in operators.audit(since=since, most=100_000):
        print(
            f"{_when(entry.at)}  {entry.username:<24} {entry.command:<16} {entry.outcome:<22} "
            f"{entry.arguments}",
            file=out,
        )
    return 0
