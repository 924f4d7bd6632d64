"""Text colours that say "problem" or "done", readable on the palette in use.

A fixed red on a light window falls to about 2.5:1 on a dark one. These pick, from the
palette's window colour, the shade that keeps WCAG AA (4.5:1 for text) on light and dark
palettes alike; `contrast` measures it (the tests walk the windows with it).
"""

from __future__ import annotations

from typing import Final, Literal

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["Meaning", "contrast", "is_dark", "text_colour", "text_style"]

type Meaning = Literal["problem", "good"]

# (on a light window, on a dark window)
_SHADES: Final[dict[str, tuple[str, str]]] = {
    "problem": ("#b71c1c", "#ff8a80"),
    "good": ("#1b5e20", "#81c784"),
}


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    return _luminance(palette.color(QPalette.ColorRole.Window)) < 0.2


def text_colour(meaning: Meaning, palette: QPalette | None = None) -> str:
    palette = palette or QApplication.palette()
    light, dark = _SHADES[meaning]
    return dark if is_dark(palette) else light


def text_style(widget: QWidget, meaning: Meaning | None) -> None:
    """Colour the widget's text for `meaning` on its palette (None: the palette's own)."""
    if meaning is None:
        widget.setStyleSheet("")
        return
    widget.setStyleSheet(f"color: {text_colour(meaning, widget.palette())};")
