"""A Konnekta PBX simulator: Keycloak-like login, the SMG API, a call engine and signed webhooks.

It serves the API exactly as `docs/konnekta-openapi.yaml` describes it, for the demo, training,
support and tests. Start it in-process with `Simulator`, or from the command line with `main`.
"""

from __future__ import annotations

from .control import Faults
from .errors import Forbidden, NotFound, SimulatorError, Unprocessable
from .server import ReceivedCommand, Simulator, main
from .tenant import Queue, Tenant, generate_tenant

__all__ = [
    "Faults",
    "Forbidden",
    "NotFound",
    "Queue",
    "ReceivedCommand",
    "Simulator",
    "SimulatorError",
    "Tenant",
    "Unprocessable",
    "generate_tenant",
    "main",
]
