"""The local webhook listener that receives Konnekta's telephony and user events."""

from .server import ListenerStats, WebhookListener
from .thread import ListenerThread

__all__ = ["ListenerStats", "ListenerThread", "WebhookListener"]
