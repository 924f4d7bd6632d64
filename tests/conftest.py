"""Shared test set-up: Qt runs offscreen, and no test touches the real keyring or config folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
