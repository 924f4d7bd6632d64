"""Availability is told by shape too, not by colour alone (Operator polish, item 10: the same
circle in red and green, 1.3:1 apart, told nothing to a colour-blind operator)."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from konnekta_desktop.ui.icons import availability_icon


def lightness_pattern(available: bool, size: int = 24) -> list[bool]:
    """Which pixels are light, drawn as a colour-blind eye or a grey printout sees them."""
    image = availability_icon(available).pixmap(size, size).toImage()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [grey.pixelColor(x, y).lightness() > 200 for y in range(size) for x in range(size)]


def test_the_two_dots_differ_in_grey_by_their_mark(qapp: QApplication) -> None:
    available, unavailable = lightness_pattern(True), lightness_pattern(False)
    inside = [i for i in range(24 * 24) if 7 <= i // 24 <= 16 and 7 <= i % 24 <= 16]
    differing = sum(available[i] != unavailable[i] for i in inside)
    assert differing >= 8  # a check mark against a bar, not one circle twice


def test_the_tray_icon_marks_availability_by_shape_too(qapp: QApplication) -> None:
    from konnekta_desktop.domain.status import Connection
    from konnekta_desktop.ui.icons import tray_icon

    for connection in Connection:
        images = [
            tray_icon(connection, available)
            .pixmap(32, 32)
            .toImage()
            .convertToFormat(QImage.Format.Format_Grayscale8)
            for available in (True, False)
        ]
        corner = [(x, y) for x in range(19, 31) for y in range(1, 13)]  # the mark's corner
        differing = sum(
            (images[0].pixelColor(x, y).lightness() > 160)
            != (images[1].pixelColor(x, y).lightness() > 160)
            for x, y in corner
        )
        assert differing >= 6, connection
