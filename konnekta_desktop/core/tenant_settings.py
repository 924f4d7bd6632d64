"""Company settings changed from a desktop (an administrator's, through the company connector):
numbers, state sync and the mapping tables. Each value is checked as the Settings window checks
it; the connection and the secrets are not changed this way (they are the connector's own), nor
the operator's own settings. The settings file is written without the secrets, which stay where
they came from (`save_settings` without a secret store)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..domain.refusals import Reason, Refused
from ..settings import Settings
from ..settings.schema import OPTIONS, Owner, Section
from ..settings.validation import convert_value, value_problem

__all__ = ["CHANGEABLE", "changed_settings"]

_CHANGEABLE = {
    option.name: option
    for option in OPTIONS
    if option.owner is Owner.TENANT
    and not option.secret
    and option.section is not Section.CONNECTION
}


CHANGEABLE = frozenset(_CHANGEABLE)
"""The names of the company settings a desktop may change."""


def changed_settings(current: Settings, values: Mapping[str, object]) -> Settings:
    """`current` with `values` in place; `Refused` naming the first that is not a company
    setting a desktop may change, or is wrong."""
    converted: dict[str, Any] = {}
    for name, value in values.items():
        option = _CHANGEABLE.get(name)
        if option is None:
            detail = f"{name[:60]} is not a company setting that a desktop changes"
            raise Refused(Reason.MESSAGE_FIELDS_WRONG, detail=detail)
        problem = value_problem(option, value)
        if problem is not None:
            raise Refused(problem.reason, problem.cause, **dict(problem.params))
        converted[name], _ = convert_value(option, value)
    return current.replace(**converted)
