"""What packaging/README.md tells the people who install the app on a Mac."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[2] / "packaging" / "README.md"


def test_it_says_how_to_open_an_unsigned_app_on_current_macos() -> None:
    """Right-click > Open no longer lets an unsigned app through since macOS 15."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "System Settings > Privacy & Security" in text
    assert "**Open Anyway**" in text
    assert "(fine for testing: right-click > Open)" not in text


def test_it_says_how_to_make_the_app_the_one_for_calls_on_a_mac() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "**Default for calls**" in text
    assert "**FaceTime > Settings**" in text
