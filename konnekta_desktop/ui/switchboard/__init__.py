"""The switchboard window as a package of panels.

`window.py` puts them together: the message bar, the dial bar, Me, the colleague grid, the call
panel and the status bar; the call commands (`commands.py`) carry out what the panels ask for; the
wrap-up dialogs and the Help menu have a module each.
"""

from .commands import colleague_number
from .window import APP_NAME, MainWindow

__all__ = ["APP_NAME", "MainWindow", "colleague_number"]
