"""``python -m konnekta_desktop.simulator``: the same as ``konnekta-desktop simulator``."""

from __future__ import annotations

import sys

from .server import main

sys.exit(main())
