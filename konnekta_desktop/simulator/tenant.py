"""The simulated Konnekta tenant: a seeded generator of Danish users, numbers, queues and presence.

The same seed always gives the same tenant, so demos, screenshots and tests are repeatable.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from konnekta_desktop.konnekta.models import (
    Activity,
    Alias,
    Availability,
    Call,
    CallerIds,
    CallingDevice,
    Line,
    LineRole,
    LineType,
    Presence,
    QueueAgent,
    QueueStatus,
    Right,
    User,
    UserStatus,
    WaitingCall,
)

from .errors import NotFound

COUNTRY_CODE: Final = "45"

FIRST_NAMES: Final = (
    "Anne", "Kirsten", "Mette", "Hanne", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Lone",
    "Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Bente", "Ida", "Emma", "Sofie",
    "Freja", "Laura", "Julie", "Cecilie", "Mathilde", "Karen", "Inge", "Birgitte", "Signe", "Astrid",
    "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels", "Christian",
    "Martin", "Rasmus", "Anders", "Morten", "Jesper", "Mads", "Frederik", "Mikkel", "Kasper", "Jakob",
    "Oliver", "William", "Lucas", "Emil", "Magnus", "Torben", "Bo", "Ole", "Poul", "Steen",
)  # fmt: skip

LAST_NAMES: Final = (
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
    "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen",
    "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Holm", "Eriksen", "Kristiansen",
    "Clausen", "Simonsen", "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen",
    "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Jespersen", "Mogensen", "Skov", "Nørgaard",
    "Bertelsen", "Dahl", "Bak",
)  # fmt: skip

# (department, weight); the first three staff the queues.
DEPARTMENTS: Final = (
    ("Reception", 3),
    ("Kundeservice", 12),
    ("Salg", 12),
    ("Økonomi", 8),
    ("IT", 8),
    ("HR", 4),
    ("Ledelse", 3),
    ("Lager", 10),
    ("Marketing", 6),
    ("Udvikling", 10),
)

# (activity, availability Konnekta gives it when set there, weight at start-up)
ACTIVITIES: Final = (
    (Activity(id="act-available", name="Available"), Availability.AVAILABLE, 70),
    (Activity(id="act-busy", name="Busy"), Availability.UNAVAILABLE, 6),
    (Activity(id="act-meeting", name="In a meeting"), Availability.UNAVAILABLE, 8),
    (Activity(id="act-lunch", name="Lunch"), Availability.UNAVAILABLE, 3),
    (Activity(id="act-out-of-office", name="Out of office"), Availability.UNAVAILABLE, 3),
    (Activity(id="act-working-from-home", name="Working from home"), Availability.AVAILABLE, 6),
    (Activity(id="act-holiday", name="Holiday"), Availability.UNAVAILABLE, 3),
    (Activity(id="act-sick", name="Sick"), Availability.UNAVAILABLE, 1),
    (Activity(id="act-course", name="Course"), Availability.UNAVAILABLE, 1),
)

# Queue name, its number, and the department whose people answer it.
QUEUES: Final = (
    ("Reception", "+4570203040", "Reception"),
    ("Support", "+4570203041", "Kundeservice"),
    ("Sales", "+4570203042", "Salg"),
)
COMPANY_MAIN_NUMBER: Final = QUEUES[0][1]

# The monitoring-number table of the vendor page, as alias patterns: S = short alias, L = long alias.
ALIAS_PATTERNS: Final = ("", "S", "L", "SL", "LS", "SS", "LL")
_ALIAS_WEIGHTS: Final = (45, 25, 8, 6, 5, 6, 5)

_DIALLABLE: Final = re.compile(r"\+[1-9][0-9]{6,14}|[0-9]{2,6}")
_ASCII: Final = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e"})


@dataclass(slots=True, frozen=True)
class Queue:
    name: str
    number: str
    agents: tuple[str, ...]  # user ids


@dataclass(slots=True, frozen=True)
class QueueCall:
    """A call waiting in a queue: no agent has answered it yet (it may ring some of them)."""

    queue: str
    caller: str
    callback: bool
    since: float


@dataclass(slots=True, frozen=True)
class ConsultationOf:
    """What a consultation call is for: `user_id` holds `held_call_id` meanwhile."""

    user_id: str
    held_call_id: str


@dataclass(slots=True)
class Tenant:
    """Everything the PBX knows about one customer; the call engine changes it."""

    domain: str
    users: dict[str, User]
    activities: tuple[Activity, ...]
    activity_availability: dict[str, Availability]
    presence: dict[str, Presence]
    diversion: dict[str, str | None]
    caller_ids: dict[str, CallerIds]
    queues: dict[str, Queue]
    company_numbers: tuple[str, ...]
    calls: dict[str, dict[str, Call]] = field(default_factory=dict)  # call_id -> user_id -> leg
    logged_in: dict[str, set[str]] = field(default_factory=dict)  # queue -> agents logged in
    queue_calls: dict[str, QueueCall] = field(default_factory=dict)  # call_id -> waiting call
    consultations: dict[str, ConsultationOf] = field(default_factory=dict)  # by call_id
    _by_number: dict[str, str] = field(default_factory=dict)
    _next_user: int = 0

    def __post_init__(self) -> None:
        for user in self.users.values():
            self._index(user)
        self._next_user = len(self.users)
        for name, queue in self.queues.items():  # every agent starts logged in
            self.logged_in.setdefault(name, set(queue.agents))

    def _index(self, user: User) -> None:
        for line in user.lines:
            self._by_number[line.number] = user.id
            for alias in line.aliases:
                self._by_number[alias.number] = user.id

    def _unindex(self, user: User) -> None:
        for number in [n for n, uid in self._by_number.items() if uid == user.id]:
            del self._by_number[number]

    def user(self, user_id: str) -> User:
        try:
            return self.users[user_id]
        except KeyError:
            raise NotFound(f"no user with id {user_id!r}") from None

    def user_by_number(self, number: str) -> User | None:
        """The user who owns a line number, alias or short number (in any common spelling)."""
        user_id = self._by_number.get(normalise(number))
        return self.users.get(user_id) if user_id else None

    def queue_by_number(self, number: str) -> Queue | None:
        wanted = normalise(number)
        return next((q for q in self.queues.values() if q.number == wanted), None)

    def status(self, user_id: str) -> UserStatus:
        presence = self.presence[user_id]
        return UserStatus(
            user_id=user_id,
            activity_id=presence.activity_id,
            availability=presence.availability,
            diversion=self.diversion.get(user_id),
            caller_id=self.caller_ids[user_id].current,
        )

    def legs(self) -> list[Call]:
        return [leg for legs in self.calls.values() for leg in legs.values()]

    def queue(self, name: str) -> Queue:
        try:
            return self.queues[name]
        except KeyError:
            raise NotFound(f"no queue named {name!r}") from None

    def queue_status(self, name: str) -> QueueStatus:
        """The queue as the SMG API shows it: its agents and its waiting calls, oldest first."""
        queue = self.queue(name)
        logged_in = self.logged_in.get(name, set())
        waiting = sorted(
            ((call_id, call) for call_id, call in self.queue_calls.items() if call.queue == name),
            key=lambda item: item[1].since,  # stable: calls that came in together keep their order
        )
        return QueueStatus(
            name=queue.name,
            number=queue.number,
            agents=tuple(
                QueueAgent(user_id=agent, logged_in=agent in logged_in) for agent in queue.agents
            ),
            waiting=tuple(
                WaitingCall(
                    call_id=call_id,
                    caller=waiting_call.caller,
                    callback=waiting_call.callback,
                    waiting_since=waiting_call.since,
                )
                for call_id, waiting_call in waiting
            ),
        )

    def in_progress(self, call_id: str) -> bool:
        """Whether the call goes on: a user has a leg in it, or it waits in a queue."""
        return bool(self.calls.get(call_id)) or call_id in self.queue_calls

    def put_user(self, user: User) -> None:
        old = self.users.get(user.id)
        if old is not None:
            self._unindex(old)
        self.users[user.id] = user
        self._index(user)

    def drop_user(self, user_id: str) -> User:
        user = self.user(user_id)
        self._unindex(user)
        del self.users[user_id]
        for mapping in (self.presence, self.diversion, self.caller_ids):
            mapping.pop(user_id, None)
        self.queues = {
            name: Queue(q.name, q.number, tuple(a for a in q.agents if a != user_id))
            for name, q in self.queues.items()
        }
        for agents in self.logged_in.values():
            agents.discard(user_id)
        return user

    def new_user_id(self) -> str:
        self._next_user += 1
        while f"user-{self._next_user:05d}" in self.users:
            self._next_user += 1
        return f"user-{self._next_user:05d}"

    def free_number(self, rng: random.Random) -> str:
        while True:
            number = f"+{COUNTRY_CODE}33{rng.randrange(100000, 1000000)}"
            if number not in self._by_number:
                return number


def normalise(number: str) -> str:
    """E.164 for Danish numbers in any spelling (``0045 33 12 34 56``, ``33123456``); short stay short."""
    digits = re.sub(r"[\s\-().]", "", number)
    if digits.startswith("00"):
        return "+" + digits[2:]
    if len(digits) == 8 and digits.isdigit() and digits[0] != "0":
        return f"+{COUNTRY_CODE}{digits}"
    return digits


def is_diallable(number: str) -> bool:
    return _DIALLABLE.fullmatch(normalise(number)) is not None


def primary_number(user: User) -> str:
    return next(line.number for line in user.lines if line.role is LineRole.PRIMARY)


def mobile_number(user: User) -> str | None:
    return next((line.number for line in user.lines if line.type is LineType.MOBILE), None)


def generate_tenant(users: int = 50, seed: int = 1, *, domain: str = "demo.example.dk") -> Tenant:
    """A tenant of ``users`` people; the same seed always gives the same tenant."""
    if users < 1:
        raise ValueError("a tenant needs at least one user")
    rng = random.Random(seed)
    fixed_pool = iter(rng.sample(range(100000, 1000000), 2 * users + 10))
    # Mobile numbers lie in 20-29 and 40-59 million, apart from the 33 fixed block.
    mobile_pool = iter(rng.sample(range(30_000_000), users))
    short_width = 3 if users <= 300 else 4 if users <= 3000 else 5
    short_pool = iter(rng.sample(range(2 * 10 ** (short_width - 1), 10**short_width), 2 * users))
    department_names = [name for name, _ in DEPARTMENTS]
    department_weights = list(itertools.accumulate(weight for _, weight in DEPARTMENTS))
    activity_weights = list(itertools.accumulate(weight for _, _, weight in ACTIVITIES))
    alias_weights = list(itertools.accumulate(_ALIAS_WEIGHTS))
    queue_numbers = tuple(number for _, number, _ in QUEUES)
    queue_departments = {department for _, _, department in QUEUES}
    ascii_names: dict[tuple[str, str], str] = {}

    built: dict[str, User] = {}
    presence: dict[str, Presence] = {}
    diversion: dict[str, str | None] = {}
    caller_ids: dict[str, CallerIds] = {}
    usernames: set[str] = set()
    for index in range(users):
        user_id = f"user-{index + 1:05d}"
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        middle = rng.choice(LAST_NAMES) if rng.random() < 0.25 else ""
        name = " ".join(part for part in (first, middle, last) if part)
        local = ascii_names.get((first, last))
        if local is None:
            local = ascii_names[first, last] = f"{first}.{last}".lower().translate(_ASCII)
        username = _unique_username(local, domain, usernames)
        # The first users staff each queue, so that even a tiny tenant has agents.
        if index < len(QUEUES):
            department = QUEUES[index][2]
        else:
            department = _weighted(rng, department_names, department_weights)
        # The first users cover every row of the vendor's monitoring-number table.
        if index < len(ALIAS_PATTERNS):
            pattern = ALIAS_PATTERNS[index]
        else:
            pattern = _weighted(rng, ALIAS_PATTERNS, alias_weights)
        aliases = tuple(
            Alias(number=str(next(short_pool)), short_number=True)
            if kind == "S"
            else Alias(number=f"+{COUNTRY_CODE}33{next(fixed_pool)}")
            for kind in pattern
        )
        number = f"+{COUNTRY_CODE}33{next(fixed_pool)}"
        lines = [Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=number, aliases=aliases)]
        devices = [CallingDevice.LOCAL]
        has_mobile = index == 1 or rng.random() < 0.35
        drawn = next(mobile_pool)
        mobile = f"+{COUNTRY_CODE}{drawn + (20_000_000 if drawn < 10_000_000 else 30_000_000)}"
        if has_mobile:
            lines.append(Line(role=LineRole.SECONDARY, type=LineType.MOBILE, number=mobile))
            devices.append(CallingDevice.MOBILE)
        if rng.random() < 0.25:
            devices.append(CallingDevice.TEAMS)
        can_set_caller_id = index == 0 or (index != 3 and rng.random() < 0.85)
        in_queue = department in queue_departments
        built[user_id] = User(
            id=user_id,
            username=username,
            name=name,
            department=department,
            email=username,
            lines=tuple(lines),
            devices=tuple(devices),
            rights=(Right.SET_CALLER_ID,) if can_set_caller_id else (),
            wrap_up=in_queue and (index < len(QUEUES) or rng.random() < 0.8),
        )
        activity, availability, _ = _weighted(rng, ACTIVITIES, activity_weights)
        presence[user_id] = Presence(activity_id=activity.id, availability=availability)
        valid = (number, *queue_numbers)
        current = COMPANY_MAIN_NUMBER if can_set_caller_id and rng.random() < 0.15 else number
        caller_ids[user_id] = CallerIds(current=current, valid=valid)
        diversion[user_id] = None
        if index == 4 or (index > 4 and rng.random() < 0.04):
            diversion[user_id] = mobile if has_mobile else external_number(rng)

    queues = {
        name: Queue(name, number, tuple(u.id for u in built.values() if u.department == department))
        for name, number, department in QUEUES
    }
    return Tenant(
        domain=domain,
        users=built,
        activities=tuple(activity for activity, _, _ in ACTIVITIES),
        activity_availability={
            activity.id: availability for activity, availability, _ in ACTIVITIES
        },
        presence=presence,
        diversion=diversion,
        caller_ids=caller_ids,
        queues=queues,
        company_numbers=queue_numbers,
    )


def external_number(rng: random.Random) -> str:
    """A Danish number outside the tenant (the 87 block is never handed to users)."""
    return f"+{COUNTRY_CODE}87{rng.randrange(10**6):06d}"


def _weighted[T](rng: random.Random, items: Sequence[T], cumulative: list[int]) -> T:
    return items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def _unique_username(local: str, domain: str, taken: set[str]) -> str:
    candidate = f"{local}@{domain}"
    suffix = 1
    while candidate in taken:
        suffix += 1
        candidate = f"{local}{suffix}@{domain}"
    taken.add(candidate)
    return candidate
