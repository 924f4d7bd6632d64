"""The seeded tenant generator: repeatable per seed, realistic Danish shapes, fast for big tenants."""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from konnekta_desktop.konnekta.models import CallingDevice, LineRole, LineType, Right
from konnekta_desktop.simulator.tenant import (
    ALIAS_PATTERNS,
    FIRST_NAMES,
    LAST_NAMES,
    generate_tenant,
    normalise,
)

DANISH_NUMBER = re.compile(r"\+45[2-9][0-9]{7}")


def _pattern(aliases: tuple[object, ...]) -> str:
    return "".join("S" if a.short_number else "L" for a in aliases)  # type: ignore[attr-defined]


def test_same_seed_gives_the_same_tenant() -> None:
    first, second = generate_tenant(200, seed=5), generate_tenant(200, seed=5)
    assert first.users == second.users
    assert first.presence == second.presence
    assert first.diversion == second.diversion
    assert first.caller_ids == second.caller_ids
    assert first.queues == second.queues


def test_another_seed_gives_another_tenant() -> None:
    assert generate_tenant(50, seed=1).users != generate_tenant(50, seed=2).users


def test_default_tenant_has_fifty_users() -> None:
    assert len(generate_tenant().users) == 50


def test_names_are_danish_and_usernames_unique_in_the_tenant_domain() -> None:
    tenant = generate_tenant(3000, seed=3, domain="firma.example.dk")
    names = [u.name for u in tenant.users.values()]
    assert all(n.split()[0] in FIRST_NAMES and n.split()[-1] in LAST_NAMES for n in names)
    assert any(c in "".join(names) for c in "æøåÆØÅ")
    usernames = [u.username for u in tenant.users.values()]
    assert len(set(usernames)) == len(usernames)
    assert all(re.fullmatch(r"[a-z.0-9]+@firma\.example\.dk", u) for u in usernames)


def test_every_user_has_one_primary_fixed_line_and_a_local_device() -> None:
    for user in generate_tenant(500, seed=4).users.values():
        primaries = [line for line in user.lines if line.role is LineRole.PRIMARY]
        assert len(primaries) == 1
        assert primaries[0].type is LineType.FIXED
        assert DANISH_NUMBER.fullmatch(primaries[0].number)
        assert CallingDevice.LOCAL in user.devices


def test_every_number_and_alias_is_unique_across_the_tenant() -> None:
    tenant = generate_tenant(5000, seed=9)
    numbers = [
        number
        for user in tenant.users.values()
        for line in user.lines
        for number in (line.number, *(a.number for a in line.aliases))
    ]
    numbers += [q.number for q in tenant.queues.values()]
    assert len(numbers) == len(set(numbers))


def test_alias_patterns_cover_every_row_of_the_monitoring_number_table() -> None:
    tenant = generate_tenant(7, seed=1)
    patterns = [_pattern(u.lines[0].aliases) for u in tenant.users.values()]
    assert patterns == list(ALIAS_PATTERNS)
    big = Counter(_pattern(u.lines[0].aliases) for u in generate_tenant(2000).users.values())
    assert set(big) == set(ALIAS_PATTERNS)
    assert big["S"] > big["SS"]  # a single short alias is common, several are rarer


def test_short_aliases_are_short_and_long_aliases_are_danish_numbers() -> None:
    for user in generate_tenant(200, seed=2).users.values():
        for alias in user.lines[0].aliases:
            if alias.short_number:
                assert re.fullmatch(r"[2-9][0-9]{2}", alias.number)
            else:
                assert DANISH_NUMBER.fullmatch(alias.number)


def test_mobile_lines_are_secondary_and_come_with_a_mobile_device() -> None:
    users = list(generate_tenant(1000, seed=6).users.values())
    with_mobile = [u for u in users if len(u.lines) == 2]
    assert 0.2 < len(with_mobile) / len(users) < 0.5
    for user in users:
        has_mobile_line = any(line.type is LineType.MOBILE for line in user.lines)
        assert has_mobile_line == (CallingDevice.MOBILE in user.devices)
    for user in with_mobile:
        assert user.lines[1].role is LineRole.SECONDARY
        assert re.fullmatch(r"\+45[245][0-9]{7}", user.lines[1].number)
    assert any(CallingDevice.TEAMS in u.devices for u in users)


def test_most_but_not_all_users_may_set_their_caller_id() -> None:
    users = list(generate_tenant(1000, seed=6).users.values())
    share = sum(Right.SET_CALLER_ID in u.rights for u in users) / len(users)
    assert 0.75 < share < 0.95


def test_valid_caller_ids_are_the_own_number_and_company_numbers() -> None:
    tenant = generate_tenant(100, seed=8)
    for user in tenant.users.values():
        ids = tenant.caller_ids[user.id]
        assert ids.valid[0] == user.lines[0].number
        assert set(ids.valid[1:]) == set(tenant.company_numbers)
        assert ids.current in ids.valid


def test_queues_have_numbers_agents_and_agents_do_wrap_up() -> None:
    tenant = generate_tenant(3, seed=1)  # even a tiny tenant staffs every queue
    assert set(tenant.queues) == {"Reception", "Support", "Sales"}
    assert all(q.agents and DANISH_NUMBER.fullmatch(q.number) for q in tenant.queues.values())
    big = generate_tenant(500, seed=1)
    agents = {a for q in big.queues.values() for a in q.agents}
    wrap_up = {u.id for u in big.users.values() if u.wrap_up}
    assert wrap_up
    assert wrap_up <= agents


def test_activities_and_initial_presence_are_realistic() -> None:
    tenant = generate_tenant(500, seed=1)
    names = {a.name for a in tenant.activities}
    assert {"Available", "Busy", "In a meeting", "Lunch", "Out of office", "Holiday"} <= names
    assert all(a.id.startswith("act-") for a in tenant.activities)
    for presence in tenant.presence.values():
        assert presence.availability is tenant.activity_availability[str(presence.activity_id)]
    activities = Counter(p.activity_id for p in tenant.presence.values())
    assert activities.most_common(1)[0][0] == "act-available"
    assert len(activities) > 4


def test_a_few_users_are_forwarded() -> None:
    tenant = generate_tenant(1000, seed=1)
    forwarded = [n for n in tenant.diversion.values() if n]
    assert 0 < len(forwarded) < 100
    assert all(DANISH_NUMBER.fullmatch(n) for n in forwarded)


def test_users_are_found_by_line_alias_short_number_and_national_spelling() -> None:
    tenant = generate_tenant(7, seed=1)
    for user in tenant.users.values():
        line = user.lines[0]
        assert tenant.user_by_number(line.number) == user
        assert tenant.user_by_number("00" + line.number[1:]) == user
        assert tenant.user_by_number(line.number[3:]) == user  # 8 digits, as dialled in Denmark
        for alias in line.aliases:
            assert tenant.user_by_number(alias.number) == user
    assert tenant.user_by_number("+4511111111") is None


@pytest.mark.parametrize(
    ("spelled", "e164"),
    [("33 12 34 56", "+4533123456"), ("0045 3312 3456", "+4533123456"), ("211", "211")],
)
def test_numbers_normalise_to_e164_and_short_numbers_stay_short(spelled: str, e164: str) -> None:
    assert normalise(spelled) == e164


@pytest.mark.slow
def test_twenty_thousand_users_are_generated_in_under_two_seconds() -> None:
    started = time.perf_counter()
    tenant = generate_tenant(20_000, seed=1)
    elapsed = time.perf_counter() - started
    assert len(tenant.users) == 20_000
    assert elapsed < 2.0, f"took {elapsed:.2f} s"
