"""The Qt-free domain of the switchboard: numbers, monitoring, presence, wrap-up, appointments, store.

Nothing in this package imports Qt; the UI reaches it through one bridge in `konnekta_desktop.ui`.
"""
