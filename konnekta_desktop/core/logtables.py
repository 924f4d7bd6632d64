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


def tenant_domain_warnings(domain: str, service_user: str, users: Iterable[User]) -> list[str]:
    """What does not belong to the Tenant Domain (the part after '@' in the tenant's usernames):
    the service account, and users, with a count and the first few usernames. Empty when all
    belong, or when no domain is set."""
    wanted = domain.strip().casefold()
    if not wanted:
        return []

    def outside(username: str) -> bool:
        return username.rpartition("@")[2].casefold() != wanted

    warnings = []
    if outside(service_user):
        warnings.append(
            f"The service account {service_user} is not in the Tenant Domain {domain}: check "
            "Settings > Connection (User, Tenant Domain)."
        )
    strangers = [user.username for user in users if outside(user.username)]
    if strangers:
        shown = ", ".join(strangers[:5]) + (", ..." if len(strangers) > 5 else "")
        warnings.append(
            f"{len(strangers)} users are not in the Tenant Domain {domain} ({shown}): is the "
            "Tenant Domain in Settings > Connection right?"
        )
    return warnings


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
