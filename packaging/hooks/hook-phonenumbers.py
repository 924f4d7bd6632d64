"""Replaces the contributed phonenumbers hook: only number metadata, no geocoder/carrier/tz data.

The app parses and formats numbers; it never asks where a number is or which carrier it has, so
about 20 MB of geocoding data stay out of the bundle.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules(
    "phonenumbers.shortdata"
)
