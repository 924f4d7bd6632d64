"""The local webhook listener that receives Konnekta's telephony and user events."""

from .connections import ConnectionLimits
from .server import ListenerStats, WebhookListener
from .thread import ListenerThread

__all__ = ["ConnectionLimits", "ListenerStats", "ListenerThread", "WebhookListener"]
