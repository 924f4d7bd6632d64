"""Trying connection details before they are saved: log in apart from the running connection."""

from __future__ import annotations

from ..domain.interface import ConnectionCheck, ConnectionParameters
from ..domain.refusals import Command
from ..konnekta.api import SmgClient
from ..konnekta.auth import KonnektaAuth
from ..konnekta.http import make_http_client
from .commands import pbx_request

__all__ = ["check_connection"]


async def check_connection(parameters: ConnectionParameters) -> ConnectionCheck:
    """Log in with `parameters` and count the users and activities the PBX lists.

    Refuses (`PBX_FAILED`/`PBX_REFUSED`, for `CHECK_CONNECTION`) with the PBX's own words on what
    to check when the login or a request fails."""
    async with make_http_client() as http:
        auth = KonnektaAuth(
            parameters.issuer_uri.strip(),
            parameters.client_id.strip(),
            parameters.client_secret,
            parameters.user.strip(),
            parameters.password,
            http=http,
        )
        api = SmgClient(parameters.smg_address.strip(), auth, http=http, retries=1)
        try:
            users = await pbx_request(Command.CHECK_CONNECTION, api.users())
            activities = await pbx_request(Command.CHECK_CONNECTION, api.activities())
        finally:
            await auth.close()
    return ConnectionCheck(users=len(users), activities=len(activities))
