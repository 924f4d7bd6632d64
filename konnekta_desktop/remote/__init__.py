"""The company connector's side of the client API: one connector per tenant serves desktops.

`protocol.py` defines every message once; `server.py` serves them over a WebSocket at /client
(and /health); `service.py` runs a session with the client API as `konnekta-desktop server`.
See docs/client-api.md.
"""
