"""The Numbers tab: the international prefix and code of the operator's country, with a live
example of how numbers are shown with them.
"""

from __future__ import annotations

import phonenumbers
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...domain.numbers import NumberError, NumberPlan
from ...settings import Section, Settings
from .page import SettingsPage, fields_of, translate

__all__ = ["NumbersPage", "number_examples"]


def number_examples(prefix: str, code: str) -> list[tuple[str, str]]:
    """(number as written internationally, as the app shows it) for a number of the own country
    and a foreign one; raises `NumberError` when prefix or code are not usable."""
    plan = NumberPlan(prefix.strip(), code.strip())
    own = phonenumbers.example_number_for_type(
        plan.region, phonenumbers.PhoneNumberType.FIXED_LINE
    ) or phonenumbers.example_number(plan.region)
    foreign_text = "+298123456" if plan.international_code != "298" else "+4533123456"
    foreign = phonenumbers.parse(foreign_text, None)
    examples = []
    for number in (own, foreign):
        if number is None:
            continue
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        examples.append((written, plan.display(e164)))
    return examples


class NumbersPage(SettingsPage):
    """International prefix and code, with a live example of how numbers are shown."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        for name in fields_of(Section.NUMBERS):
            self.add_option(form, settings, name).on_change(self.update_example)
        self.example = QLabel()
        self.example.setObjectName("numberExample")
        self.example.setWordWrap(True)
        self.example.setAccessibleName(translate("SettingsPage", "Example"))
        form.addRow(translate("SettingsPage", "Example:"), self.example)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.update_example()

    def update_example(self) -> None:
        values = self.values()
        try:
            examples = number_examples(values["international_prefix"], values["international_code"])
        except NumberError:
            self.example.setText(
                translate("SettingsPage", "(correct the fields above to see an example)")
            )
            return
        lines = [
            translate("SettingsPage", "{number} shows as {shown}").format(
                number=written, shown=shown
            )
            for written, shown in examples
        ]
        self.example.setText("; ".join(lines))
