"""Synchronise states on start-up and reconnect, in the configured direction.

Konnekta -> local: local states follow the mapped activities (unsent local changes are dropped).
Local -> Konnekta: each colleague whose local state differs from Konnekta gets the mapped activity
and availability, including changes made while disconnected. Requests run with bounded
concurrency; a colleague that fails is retried, and still-failing ones are reported by name.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from ..domain.refusals import Refused
from ..domain.states import SyncDirection
from ..konnekta.errors import KonnektaError
from .model import LiveModel
from .states import PresenceService
from .store import PendingChange

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SyncReport:
    direction: SyncDirection
    changed: int = 0
    unchanged: int = 0
    held: int = 0  # kept as Konnekta has them: a call or a wrap-up holds the user Unavailable
    failed: dict[str, str] = field(default_factory=dict)  # user name -> reason
    seconds: float = 0.0

    def summary(self) -> str:
        text = (
            f"State sync ({self.direction.value}): {self.changed} changed, "
            f"{self.unchanged} already in step, {self.held} held by a call or wrap-up, "
            f"{len(self.failed)} failed in {self.seconds:.2f} s"
        )
        if self.failed:
            text += "; failed: " + ", ".join(f"{n} ({r})" for n, r in sorted(self.failed.items()))
        return text


async def synchronise(
    direction: SyncDirection,
    presence: PresenceService,
    model: LiveModel,
    *,
    concurrency: int = 32,
    attempts: int = 3,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    held: Callable[[str], bool] = lambda _user_id: False,
) -> SyncReport:
    """Reconcile local states and Konnekta's presence in `direction`. Local -> Konnekta leaves
    alone the users `held` (a call or a pending wrap-up keeps them Unavailable: the wrap-up wins
    over the sync), whose unsent changes stay unsent for the next sync."""
    started = time.perf_counter()
    report = SyncReport(direction)
    if direction is SyncDirection.KONNEKTA_TO_LOCAL:
        report.changed = presence.adopt_konnekta()
        report.unchanged = len(model) - report.changed
    else:
        await _push_local(presence, model, report, concurrency, attempts, sleep, held)
    report.seconds = time.perf_counter() - started
    (log.warning if report.failed else log.info)("%s", report.summary())
    return report


async def _push_local(
    presence: PresenceService,
    model: LiveModel,
    report: SyncReport,
    concurrency: int,
    attempts: int,
    sleep: Callable[[float], Awaitable[None]],
    held: Callable[[str], bool],
) -> None:
    gate = asyncio.Semaphore(concurrency)
    api = presence.api
    # Only the changes known now are settled by this sync; one made meanwhile is sent on its own.
    unsent = presence.unsent_changes()
    settled: list[int] = []

    async def push(user_id: str) -> None:
        if held(user_id):
            report.held += 1
            return
        changes = unsent.get(user_id, [])
        ids = [change.id for change in changes]
        update = presence.desired_update(user_id)
        if update is None:
            report.unchanged += 1
            await send_settings(user_id, changes)
            settled.extend(ids)
            return
        colleague = model.get(user_id)
        name = colleague.user.name if colleague else user_id
        for attempt in range(1, attempts + 1):
            try:
                async with gate:
                    await api.set_presence(
                        user_id, activity_id=update.activity_id, availability=update.availability
                    )
            except KonnektaError as error:
                if attempt == attempts:
                    report.failed[name] = str(error)
                    return
                log.info(
                    "State sync for %s failed (attempt %d), retrying: %s", name, attempt, error
                )
                await sleep(0.2 * 2**attempt)
            else:
                report.changed += 1
                await send_settings(user_id, changes)
                settled.extend(ids)
                return

    async def send_settings(user_id: str, changes: list[PendingChange]) -> None:
        """The newest caller ID and forwarding set with the offline changes (by a template)."""
        caller_id = next((c.caller_id for c in reversed(changes) if c.caller_id), None)
        forwarding = next((c.forwarding for c in reversed(changes) if c.forwarding), None)
        try:
            async with gate:
                await presence.apply_settings(user_id, caller_id, forwarding)
        except Refused as error:
            log.warning("State sync could not set %s's caller ID or forwarding: %s", user_id, error)

    try:
        await asyncio.gather(*(push(colleague.id) for colleague in model))
    finally:
        # Also when the sync is cut short: what reached Konnekta is no longer pending.
        presence.mark_sent(settled)
