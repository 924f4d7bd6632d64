"""The simulator's webhook sender keeps a bounded queue while deliveries fail."""

from __future__ import annotations

from konnekta_desktop.konnekta import signing
from konnekta_desktop.konnekta.events import UserRemoved, UserRemovedData
from konnekta_desktop.simulator.webhooks import MAX_PENDING_EVENTS, WebhookSender


async def test_a_long_outage_keeps_a_bounded_queue_of_the_newest_events() -> None:
    sender = WebhookSender(lambda: 1000.0, lambda: True)
    subscription = sender.subscribe("http://127.0.0.1:9/webhook", signing.new_secret(), 60)
    for n in range(MAX_PENDING_EVENTS + 5):
        sender.publish(
            UserRemoved(timestamp="2026-11-25T10:00:00Z", data=UserRemovedData(user_id=f"u{n}"))
        )
    queued = sender._subscriptions[subscription.id]
    assert len(queued.pending) == MAX_PENDING_EVENTS
    assert queued.dropped == 5
    assert b'"u5"' in queued.pending[0][1]
    await sender.close()
