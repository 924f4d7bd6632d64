"""Moved to `konnekta_desktop.domain.numbers`; this name goes once every import uses it."""

from ..domain.numbers import MAX_SHORT_NUMBER_LENGTH, NumberError, NumberPlan

__all__ = ["MAX_SHORT_NUMBER_LENGTH", "NumberError", "NumberPlan"]
