"""A secret string (client secret, password, token) that never shows itself in repr, str or logs.

Call `reveal()` only at the one place the value is really needed (the login request).
"""

from __future__ import annotations

import hmac
from typing import NoReturn, final


@final
class Secret:
    """A secret string (client secret, password) that never shows itself in repr, str or logs.

    Call `reveal()` at the one place the value is really needed (the login request).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str = "") -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __reduce__(self) -> NoReturn:
        raise TypeError("A Secret is never pickled, so that it cannot end up in a file")
