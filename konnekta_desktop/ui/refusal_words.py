"""The operator's words for every reason of `domain/refusals.py`, in the app's language.

The catalogue holds each reason's English wording, marked for lupdate; here it is translated
and its parameters filled in, catalogue words among them (the command, the server, a setting's
label) in the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.refusals import Refused, Why, fill
from ..domain.types import CallingDevice
from .texts import device_label

__all__ = ["words"]


def _translate(text: str, context: str) -> str:
    return QCoreApplication.translate(context, text)


def _device(value: str) -> str:
    return device_label(CallingDevice(value))


def words(said: Refused | Why) -> str:
    """The reason as the operator reads it, in the app's language."""
    if isinstance(said, Refused):
        said = said.why
    return fill(said, _translate, words, _device)
