"""The option labels, descriptions and section headings listed for translation."""

from __future__ import annotations

import pytest

from konnekta_desktop.settings import OPTIONS, Section
from konnekta_desktop.ui.settings.labels import SOURCE_TEXTS

pytestmark = pytest.mark.gui


def test_every_option_label_and_description_is_listed_for_translation() -> None:
    texts = set(SOURCE_TEXTS)
    for option in OPTIONS:
        assert option.label in texts, option.name
        assert option.description in texts, option.name
    for section in Section:
        assert section.heading in texts
