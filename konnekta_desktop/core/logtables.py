"""The start-up log tables operators search for: LogPresenceActivityIds and LogMonitoredNumberList."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..domain.types import Activity, User
from .monitoring import monitoring_number


def table(title: str, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain-text table, one row a line, columns padded to their widest cell."""
    body = [list(header), *(list(row) for row in rows)]
    widths = [max(len(row[i]) for row in body) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in body]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return f"{title} ({len(body) - 1} rows)\n" + "\n".join(line.rstrip() for line in lines)


def presence_activity_ids(activities: Iterable[Activity]) -> str:
    return table("LogPresenceActivityIds", ("id", "name"), ((a.id, a.name) for a in activities))


def monitored_number_list(users: Iterable[User]) -> str:
    rows = (
        (user.name, user.username, line.role.value, line.number, monitoring_number(line), line.type)
        for user in users
        for line in user.lines
    )
    header = ("user", "username", "line", "line number", "monitored number", "line type")
    return table("LogMonitoredNumberList", header, rows)
