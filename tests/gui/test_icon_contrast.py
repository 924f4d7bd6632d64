"""Operator polish, item 10: status icons nearly vanished on the selected row (1.1-1.8:1). On a
selected row an icon now sits on a white chip, which stands out from the selection's colour by
more than the 3:1 icons need, and the icon's own outline reads on the chip."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from konnekta_desktop.core.monitoring import PhoneStatus
from konnekta_desktop.ui.colours import contrast
from konnekta_desktop.ui.icons import availability_icon, phone_status_icon

pytestmark = pytest.mark.gui


ICONS = [*(status.value for status in PhoneStatus), "available", "unavailable"]


def made(name: str) -> QIcon:
    if name in ("available", "unavailable"):
        return availability_icon(name == "available")
    return phone_status_icon(PhoneStatus(name))


@pytest.mark.parametrize("name", ICONS)
def test_an_icon_on_a_selected_row_stands_out_from_the_selection(
    qapp: QApplication, name: str
) -> None:
    shown = made(name)
    selection = qapp.palette().color(QPalette.ColorRole.Highlight)
    image = shown.pixmap(20, 20, QIcon.Mode.Selected).toImage()
    corner = QColor.fromRgba(image.pixel(10, 1))  # the chip's edge, beside the icon
    assert corner.alpha() == 255  # drawn there: not the selection showing through
    assert contrast(corner, selection) >= 3.0
    darkest = min(
        (QColor.fromRgba(image.pixel(x, y)) for x in range(20) for y in range(20)),
        key=lambda colour: colour.lightnessF(),
    )
    assert contrast(darkest, QColor("#ffffff")) >= 3.0  # the icon itself reads on the chip
