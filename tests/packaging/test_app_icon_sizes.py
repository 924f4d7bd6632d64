"""The Windows .ico and macOS .icns that packaging/make_icons.py writes carry every standard size,
each a faithful rendering of resources/icons/app.svg (they held one size each, so Windows and
macOS scaled a single image for every place an icon is shown)."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]

ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 96, 128, 256]  # Windows at 100-200 % scaling
ICNS_SIZES = {  # 16, 32, 128, 256 and 512 points at 1x and 2x, as iconutil names them
    b"ic04": 16,
    b"ic11": 32,
    b"ic05": 32,
    b"ic12": 64,
    b"ic07": 128,
    b"ic13": 256,
    b"ic08": 256,
    b"ic14": 512,
    b"ic09": 512,
    b"ic10": 1024,
}

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "packaging" / "make_icons.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def icons(make_icons: ModuleType, qapp: QApplication, tmp_path: Path) -> Path:
    assert make_icons.main(tmp_path) == 0
    return tmp_path


def argb_pixels(image: QImage) -> list[int]:
    return [image.pixel(x, y) for y in range(image.height()) for x in range(image.width())]


def unpack_channel(data: bytes, start: int, length: int) -> tuple[bytes, int]:
    """One icns channel out of its run-length coding; returns it and where the next begins."""
    out = bytearray()
    while len(out) < length:
        lead = data[start]
        if lead < 0x80:
            out += data[start + 1 : start + 2 + lead]
            start += 2 + lead
        else:
            out += bytes([data[start + 1]]) * (lead - 0x80 + 3)
            start += 2
    return bytes(out), start


def test_the_windows_icon_holds_every_standard_size(icons: Path, make_icons: ModuleType) -> None:
    data = (icons / "konnekta-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        size = width or 256
        sizes.append(size)
        assert (height or 256, planes, bits) == (size, 1, 32)
        blob = data[offset : offset + length]
        if blob.startswith(b"\x89PNG"):
            image = QImage.fromData(blob, "PNG")
        else:  # a 32-bit BMP: header, the pixels bottom-up (BGRA), then the AND mask
            header_size, bmp_width, bmp_height = struct.unpack_from("<Iii", blob)
            assert (header_size, bmp_width, bmp_height) == (40, size, 2 * size)
            rows = [blob[40 + 4 * size * y : 40 + 4 * size * (y + 1)] for y in range(size)]
            pixels = b"".join(reversed(rows))
            image = QImage(pixels, size, size, QImage.Format.Format_ARGB32).copy()
            assert len(blob) == 40 + 4 * size * size + ((size + 31) // 32) * 4 * size
        assert argb_pixels(image) == argb_pixels(make_icons.render(size)), size
    assert sizes == ICO_SIZES


def test_the_macos_icon_holds_every_standard_size(icons: Path, make_icons: ModuleType) -> None:
    data = (icons / "konnekta-desktop.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    found: dict[bytes, int] = {}
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack_from(">I", data, position + 4)
        body = data[position + 8 : position + length]
        if body.startswith(b"ARGB"):
            size = ICNS_SIZES[kind]
            planes, start = [], 4
            for _ in range(4):
                plane, start = unpack_channel(body, start, size * size)
                planes.append(plane)
            assert start == len(body)
            alpha, red, green, blue = planes
            pixels = [
                alpha[i] << 24 | red[i] << 16 | green[i] << 8 | blue[i] for i in range(size * size)
            ]
            image_size = size
            assert pixels == argb_pixels(make_icons.render(size))
        else:
            image = QImage.fromData(body, "PNG")
            assert image.width() == image.height()
            image_size = image.width()
            assert argb_pixels(image.convertToFormat(QImage.Format.Format_ARGB32)) == argb_pixels(
                make_icons.render(image_size)
            )
        found[kind] = image_size
        position += length
    assert found == ICNS_SIZES
