"""The dial bar: the number to dial or transfer to, how it will be dialled, the calling device and
the Dial button.

Enter in the number field and the Dial button ask for a dial (`dial_requested`); whether the number
or the selected colleague is dialled is the call commands' choice (`commands.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.numbers import NumberError
from ...domain.types import CallingDevice
from ..bridge import AppSession
from ..colours import text_style
from ..refusal_words import words
from ..texts import DEVICES, device_label

__all__ = ["DialBar"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate


class DialBar(QGroupBox):
    dial_requested = Signal()  # Enter in the number field, or the Dial button

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(translate("MainWindow", "Dial (F2)"), parent)
        self.session = session
        layout = QGridLayout(self)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("dialBar")
        self.number_edit.setPlaceholderText(
            translate("MainWindow", "Number to dial or transfer to")
        )
        self.number_edit.setAccessibleName(translate("MainWindow", "Number to dial"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.textChanged.connect(self.update_hint)
        self.number_edit.returnPressed.connect(self.dial_requested)
        self.number_hint = QLabel()
        self.number_hint.setAccessibleName(translate("MainWindow", "Number as it will be dialled"))
        self.number_hint.setMinimumWidth(140)
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(translate("MainWindow", "Calling device"))
        self.device_combo.setToolTip(
            translate("MainWindow", "Which of my phones the call starts from")
        )
        self._offered: tuple[CallingDevice, ...] = ()
        self.offer_devices(DEVICES)  # every device, until the operator is known
        self.dial_button = QPushButton(translate("MainWindow", "&Dial"))
        self.dial_button.setObjectName("dialButton")
        self.dial_button.setAccessibleName(translate("MainWindow", "Dial"))
        self.dial_button.setToolTip(
            translate("MainWindow", "Dial the number, or the selected colleague (Num ,)")
        )
        self.dial_button.clicked.connect(self.dial_requested)
        layout.addWidget(self.number_edit, 0, 0, 1, 2)
        layout.addWidget(self.dial_button, 0, 2)
        layout.addWidget(self.number_hint, 1, 0)
        layout.addWidget(self.device_combo, 1, 1, 1, 2)
        layout.setColumnStretch(0, 1)
        self.update_hint("")

    def current_device(self) -> CallingDevice:
        """The device chosen in the combo (Qt hands item data back as a plain string)."""
        data = self.device_combo.currentData()
        return CallingDevice(data) if data in set(CallingDevice) else CallingDevice.LOCAL

    def focus(self) -> None:
        self.number_edit.setFocus()
        self.number_edit.selectAll()

    def offer_devices(self, devices: Sequence[CallingDevice]) -> None:
        """Offer only these calling devices (the operator's own, once known), keeping the one
        chosen if it is among them, else the default device, else the first."""
        offered = tuple(device for device in DEVICES if device in devices) or DEVICES
        if offered == self._offered:
            return
        chosen = self.current_device() if self._offered else self.session.default_calling_device
        self._offered = offered
        self.device_combo.clear()
        for device in offered:
            self.device_combo.addItem(device_label(device), device)
        self._choose(chosen)

    def _choose(self, device: CallingDevice) -> None:
        wanted = device if device in self._offered else self.session.default_calling_device
        self.device_combo.setCurrentIndex(
            self._offered.index(wanted) if wanted in self._offered else 0
        )

    def follow_settings(self) -> None:
        """The default calling device and the number plan may have changed."""
        self._choose(self.session.default_calling_device)
        self.update_hint(self.number_edit.text())

    def update_hint(self, text: str) -> None:
        """Say how the typed number will be dialled, or that it is not a number yet."""
        if not text.strip():
            self.number_hint.setText(translate("MainWindow", "Enter dials, Esc clears"))
            self.number_hint.setStyleSheet("color: palette(placeholder-text);")
            return
        try:
            number = self.session.plan.normalise(text)
        except NumberError as error:
            self.number_hint.setText("⚠ " + translate("MainWindow", "not a number yet"))
            self.number_hint.setToolTip(words(error))
            text_style(self.number_hint, "problem")
            return
        self.number_hint.setText("→ " + self.session.plan.display(number))
        self.number_hint.setToolTip(
            translate("MainWindow", "Dials {number}").format(
                number=self.session.plan.dialable(number)
            )
        )
        text_style(self.number_hint, None)
