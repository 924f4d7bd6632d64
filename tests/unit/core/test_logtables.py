"""The start-up log tables that operators and support search the log for."""

from __future__ import annotations

from konnekta_desktop.core import logtables
from konnekta_desktop.domain import Activity, Alias, Line, LineRole, LineType, User

ANNA = User(
    id="u1",
    username="anna@example.dk",
    name="Anna Holm",
    lines=(
        Line(
            role=LineRole.PRIMARY,
            type=LineType.FIXED,
            number="+4532123456",
            aliases=(Alias(number="201", short_number=True),),
        ),
        Line(role=LineRole.SECONDARY, type=LineType.MOBILE, number="+4520304050"),
    ),
)


def test_presence_activity_ids_lists_every_activity_with_id_and_name() -> None:
    text = logtables.presence_activity_ids(
        [Activity(id="act-lunch", name="Lunch"), Activity(id="act-away", name="Away")]
    )
    lines = text.splitlines()
    assert lines[0] == "LogPresenceActivityIds (2 rows)"
    assert [cell.strip() for cell in lines[1].split("|")] == ["id", "name"]
    assert [cell.strip() for cell in lines[3].split("|")] == ["act-lunch", "Lunch"]
    assert [cell.strip() for cell in lines[4].split("|")] == ["act-away", "Away"]


def test_monitored_number_list_has_a_row_per_line_with_its_monitoring_number() -> None:
    lines = logtables.monitored_number_list([ANNA]).splitlines()
    assert lines[0] == "LogMonitoredNumberList (2 rows)"
    rows = [[cell.strip() for cell in line.split("|")] for line in lines[3:]]
    assert rows == [
        ["Anna Holm", "anna@example.dk", "primary", "+4532123456", "201", "Fixed"],
        ["Anna Holm", "anna@example.dk", "secondary", "+4520304050", "+4520304050", "Mobile"],
    ]


def test_columns_line_up_whatever_the_cell_widths() -> None:
    text = logtables.table("T", ("a", "bb"), [("long value", "x"), ("y", "z")])
    body = text.splitlines()[1:]
    assert len({line.index("|") for line in body if "|" in line}) == 1


def test_tenant_domain_names_the_service_account_and_users_outside_it() -> None:
    """Reference-page fidelity, defect 10 (Tenant Domain: the domain of the tenant's usernames):
    the setting was never used. Users and the service account outside it are warned about."""
    users = [
        User(id=f"u{i}", username=f"person{i}@{domain}", name=f"Person {i}")
        for i, domain in enumerate(["acme.dk", "ACME.dk", *["other.dk"] * 6])
    ]
    warnings = logtables.tenant_domain_warnings("acme.dk", "switchboard@elsewhere.dk", users)
    assert warnings[0].startswith("The service account switchboard@elsewhere.dk is not in")
    assert warnings[1].startswith(
        "6 users are not in the Tenant Domain acme.dk (person2@other.dk, person3@other.dk,"
    )
    assert warnings[1].count("@other.dk") == 5  # the first few, then "..."
    assert logtables.tenant_domain_warnings("acme.dk", "switchboard@acme.dk", users[:2]) == []
    assert logtables.tenant_domain_warnings("", "anyone@anywhere", users) == []
