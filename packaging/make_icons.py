"""Renders resources/icons/app.svg into the Windows .ico and macOS .icns the spec picks up.

Run before PyInstaller on Windows and macOS: `uv run python packaging/make_icons.py`.
Writes build/icons/konnekta-desktop.{ico,icns,png} (build output, not committed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
TARGET = ROOT / "build" / "icons"


def render(size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    TARGET.mkdir(parents=True, exist_ok=True)
    written = []
    for name, size, fmt in (
        ("konnekta-desktop.ico", 256, "ico"),
        ("konnekta-desktop.icns", 1024, "icns"),
        ("konnekta-desktop.png", 512, "png"),
    ):
        path = TARGET / name
        if not render(size).save(str(path)):  # the format follows the suffix
            print(f"make_icons: could not write {path} (no Qt image plugin for {fmt})")
            return 1
        written.append(f"{path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    print("make_icons: wrote " + ", ".join(written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
