"""Renders resources/icons/app.svg into the Windows .ico and macOS .icns the spec picks up.

Run before PyInstaller on Windows and macOS: `uv run python packaging/make_icons.py`.
Writes build/icons/konnekta-desktop.{ico,icns,png} (build output, not committed).

Each icon carries every standard size, each rendered from the SVG (Qt's image writers store one
image per file, so the containers are written here):
- .ico: 16, 20, 24, 32, 40, 48, 64, 96, 128 and 256 pixels (Explorer, the taskbar and the title
  bar at 100-200 % scaling); 32-bit BMP images below 256, PNG at 256, as Windows' own icons.
- .icns: 16, 32, 128, 256 and 512 points at 1x and 2x (16 to 1024 pixels), as Apple's iconutil
  writes them: ARGB for 16 and 32 at 1x, PNG for the rest.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
TARGET = ROOT / "build" / "icons"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
# OSType -> pixels, in the order iconutil writes them.
ICNS_TYPES = (
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),  # 128 pt
    (b"ic13", 256),  # 128 pt @2x
    (b"ic08", 256),  # 256 pt
    (b"ic04", 16),  # 16 pt (ARGB)
    (b"ic14", 512),  # 256 pt @2x
    (b"ic09", 512),  # 512 pt
    (b"ic10", 1024),  # 512 pt @2x
    (b"ic11", 32),  # 16 pt @2x
    (b"ic05", 32),  # 32 pt (ARGB)
)
ICNS_ARGB = frozenset({b"ic04", b"ic05"})


def render(size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    # Straight (not premultiplied) alpha, as both containers store it.
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    if not writer.write(image):
        raise OSError(f"Qt could not encode a PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def _bgra_rows(image: QImage) -> list[bytes]:
    """Each row as blue, green, red, alpha bytes (QImage's ARGB32 in little-endian memory)."""
    width = image.width()
    rows = []
    for y in range(image.height()):
        pixels = [image.pixel(x, y) for x in range(width)]  # 0xAARRGGBB
        rows.append(struct.pack(f"<{width}I", *pixels))
    return rows


def ico_bitmap(image: QImage) -> bytes:
    """A 32-bit BMP icon image: the header, the pixels bottom-up, then an empty AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(reversed(_bgra_rows(image)))
    mask_row = ((size + 31) // 32) * 4  # 1 bit a pixel, rows padded to 32 bits
    return header + pixels + bytes(mask_row * size)


def ico(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    images = [
        (size, png(render(size)) if size >= 256 else ico_bitmap(render(size))) for size in sizes
    ]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = [], []
    for size, blob in images:
        side = 0 if size >= 256 else size  # 0 means 256
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset))
        data.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(data)


def packbits_literal(channel: bytes) -> bytes:
    """An icns channel in its run-length coding, as literal runs of up to 128 bytes."""
    out = bytearray()
    for start in range(0, len(channel), 128):
        run = channel[start : start + 128]
        out.append(len(run) - 1)
        out += run
    return bytes(out)


def icns_argb(image: QImage) -> bytes:
    """'ARGB' and the alpha, red, green and blue planes, each run-length coded."""
    rows = b"".join(_bgra_rows(image))
    blue, green, red, alpha = (rows[i::4] for i in range(4))
    return b"ARGB" + b"".join(packbits_literal(plane) for plane in (alpha, red, green, blue))


def icns(types: tuple[tuple[bytes, int], ...] = ICNS_TYPES) -> bytes:
    chunks = []
    for kind, size in types:
        image = render(size)
        data = icns_argb(image) if kind in ICNS_ARGB else png(image)
        chunks.append(kind + struct.pack(">I", 8 + len(data)) + data)
    body = b"".join(chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(target: Path = TARGET) -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in (
        ("konnekta-desktop.ico", ico()),
        ("konnekta-desktop.icns", icns()),
        ("konnekta-desktop.png", png(render(512))),
    ):
        path = target / name
        path.write_bytes(content)
        written.append(f"{path} ({len(content)} bytes)")
    print("make_icons: wrote " + ", ".join(written))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
