"""The Qt user interface: switchboard window, tray, item models, dialogs and the bridge from the core.

Only this package and `konnekta_desktop.app` import Qt; the core reaches it through `bridge.Bridge`.
"""
