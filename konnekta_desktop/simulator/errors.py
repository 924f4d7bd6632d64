"""Refusals of the simulated PBX; the SMG routes turn each into its HTTP status and ApiError."""

from __future__ import annotations


class SimulatorError(Exception):
    """A command the PBX refuses; the message says what was wrong (shown to the app's operator)."""

    status = 400
    code = "bad_request"


class NotFound(SimulatorError):
    status = 404
    code = "not_found"


class Forbidden(SimulatorError):
    status = 403
    code = "forbidden"


class Unprocessable(SimulatorError):
    status = 422
    code = "unprocessable"
