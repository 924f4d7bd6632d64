"""Everything that knows Konnekta's wire format: login, the SMG REST API and webhook events.

Konnekta's API is not public; `docs/konnekta-openapi.yaml` is our model of it and this package is
the one adapter to it. When the real API differs, the fix belongs in those two places.
"""
