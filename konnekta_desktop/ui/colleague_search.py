"""Finding a colleague by what the operator types: which colleagues match, and in which order.

Qt-free, so the rules can be read and tested on their own. A colleague matches when every typed
word is part of their name, department or one of their numbers. The matches are ranked so that the
top one is the colleague the operator most likely means, because a key pressed right after typing
acts on it:

0. the typed digits are one of the colleague's numbers, whole (national or international form, or
   the short number);
1. the name's first word starts with the first typed word ("hans" finds Hans Berg);
2. a later word of the name starts with it ("fre" finds Anders Frederiksen, after Frede Holm);
3. a word of the department starts with it;
4. any other match ("hans" in Johansen).

Ties go alphabetically by the name's last word, then by the grid's own order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..core.monitoring import mobile_line, monitoring_number
from ..domain.colleagues import Colleague
from ..domain.numbers import NumberPlan
from ..domain.types import LineType

__all__ = [
    "Searchable",
    "digits",
    "filter_words",
    "fixed_number",
    "last_word",
    "mobile_number",
    "narrows",
    "ranking",
    "searchable",
]

_NOT_DIGIT = re.compile(r"\D")

EXACT_NUMBER, FIRST_NAME, LATER_NAME, DEPARTMENT, ELSEWHERE = range(5)


def fixed_number(colleague: Colleague) -> str:
    """The number the grid shows for a colleague: the first Fixed line's monitoring number."""
    for line in colleague.user.lines:
        if line.type is LineType.FIXED:
            return monitoring_number(line)
    return ""


def mobile_number(colleague: Colleague) -> str:
    """The number the grid's Mobile column shows: the first Mobile line's."""
    line = mobile_line(colleague.user)
    return line.number if line is not None else ""


def digits(number: str) -> str:
    rest = number[1:] if number.startswith("+") else number
    return rest if rest.isdecimal() else _NOT_DIGIT.sub("", number)


def filter_words(text: str) -> tuple[str, ...]:
    """The words typed into the filter, as the filter compares them ("+45" is read as "45")."""
    return tuple(text.casefold().replace("+", " ").split())


def narrows(old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether every row that contains all `new` words also contains all `old` ones: each old
    word is part of a new word ("ann" -> "anne", "anne" -> "anne s")."""
    return bool(old) and all(any(word in longer for longer in new) for word in old)


class Searchable(NamedTuple):
    """What the filter looks in for one colleague, built once per load or change.

    `text`: name, department, and the digits of the numbers the grid shows (fixed, mobile,
    forwarding; an international one also after the international prefix, as it may be typed
    "0045..." as well as "+45...", which the filter reads as "45..."). `name` and `department`:
    each word after a space, so " " + a typed word finds a word that starts with it. `numbers`:
    each way one of the colleague's own numbers may be typed whole, as digits between spaces
    (international with and without the international prefix, national for the own country,
    each line's number, aliases and short number). All casefolded."""

    text: str
    name: str
    department: str
    numbers: str


def searchable(colleague: Colleague, plan: NumberPlan) -> Searchable:
    user = colleague.user
    prefix, own = plan.international_prefix, plan.international_code
    name, department = user.name.casefold(), user.department.casefold()
    keys = [""]
    for line in user.lines:
        for number in (line.number, *(alias.number for alias in line.aliases)):
            found = digits(number)
            keys.append(found)
            if number.startswith("+"):
                keys.append(prefix + found)
                if found.startswith(own):
                    keys.append(found[len(own) :])
    keys.append("")
    parts = [name, department]
    for number in (fixed_number(colleague), mobile_number(colleague), colleague.diversion or ""):
        if number:
            found = digits(number)
            parts.append(found)
            if number.startswith("+"):
                parts.append(prefix + found)
    return Searchable(" ".join(parts), " " + name, " " + department, " ".join(keys))


def ranking(words: Sequence[str]) -> Callable[[Searchable], int]:
    """The tier of a colleague who matches `words` (0 is best; see the module's docstring)."""
    typed = "".join(words)
    whole = f" {typed} " if typed.isdecimal() else None
    word = " " + words[0]

    def tier(found: Searchable) -> int:
        if whole is not None and whole in found.numbers:
            return EXACT_NUMBER
        if found.name.startswith(word):
            return FIRST_NAME
        if word in found.name:
            return LATER_NAME
        if word in found.department:
            return DEPARTMENT
        return ELSEWHERE

    return tier


def last_word(found: Searchable) -> str:
    return found.name[found.name.rfind(" ") + 1 :]
