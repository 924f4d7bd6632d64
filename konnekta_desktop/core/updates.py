"""The session's one stream of numbered `Update`s to the UI (and the company connector's clients).

While a batch of PBX events is delivered, what it changes (colleagues and calls, queues, shown
states, wrap-ups that became pending) is gathered and goes out as one update when the batch is
done; a change outside a batch (a mapping, a local state, the connection, a recall) is an update
of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from ..domain.colleagues import ModelChange
from ..domain.interface import Update, UpdateListener
from ..domain.wrapups import WrapUpSession

__all__ = ["UpdateStream", "tell", "update_of"]

log = logging.getLogger(__name__)


class UpdateStream:
    def __init__(self) -> None:
        self._listeners: list[UpdateListener] = []
        self._seq = 0
        self._batching = False
        self._batch_change: ModelChange | None = None
        self._shown: set[str] = set()
        self._wrapups: list[WrapUpSession] = []
        self._done: list[str] = []

    def subscribe(self, listener: UpdateListener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- what changed ------------------------------------------------------------------------

    def begin_batch(self) -> None:
        """From now until `end_batch`, changes are gathered into one update."""
        self._batching = True

    def end_batch(self) -> None:
        self._batching = False
        gathered, self._batch_change = self._batch_change, None
        wrapups, self._wrapups = tuple(self._wrapups), []
        done, self._done = tuple(self._done), []
        if gathered is not None or self._shown or wrapups or done:
            self.publish(colleagues=gathered, wrapups=wrapups, wrapups_done=done)

    def model_changed(self, change: ModelChange) -> None:
        if self._batching:
            self._batch_change = change
        else:
            self.publish(colleagues=change)

    def shown_changed(self, user_ids: set[str]) -> None:
        if self._batching:
            self._shown |= user_ids
        else:
            self.publish(shown=user_ids)

    def wrapup_opened(self, wrapup: WrapUpSession) -> None:
        if self._batching:
            self._wrapups.append(wrapup)
        else:
            self.publish(wrapups=(wrapup,))

    def wrapup_done(self, call_id: str) -> None:
        if self._batching:
            self._done.append(call_id)
        else:
            self.publish(wrapups_done=(call_id,))

    # -- out ---------------------------------------------------------------------------------

    def publish(
        self,
        *,
        colleagues: ModelChange | None = None,
        shown: set[str] | None = None,
        **told: Any,
    ) -> None:
        """One numbered update to every listener, with the shown states gathered in a batch;
        `told`: the rest of `Update`'s fields (status, wrap-ups, recall...)."""
        changed = frozenset(self._shown | (shown or set()))
        self._shown = set()
        self._seq += 1
        tell(self._listeners, update_of(self._seq, colleagues, changed, **told))


def update_of(
    seq: int, colleagues: ModelChange | None, shown: frozenset[str], **told: Any
) -> Update:
    """The update numbered `seq`: what changed in the model (the queues with it), and the rest
    of `Update`'s fields as given."""
    queues = colleagues is not None and colleagues.queues_changed
    return Update(seq=seq, colleagues=colleagues, shown=shown, queues=queues, **told)


def tell(listeners: list[UpdateListener], update: Update) -> None:
    """Give `update` to every listener; one that fails is logged and the rest still hear it."""
    for listener in list(listeners):
        try:
            listener(update)
        except Exception:
            log.exception("An update listener failed")
