"""The Connection tab: either a company connector (its address, and enrolling this desktop with
the administrator's one-time code) or Konnekta directly: what the telephony provider hands over
(tenant, SMG address, login) and how this computer listens; the notice shown when no system
keyring can keep the secrets; and Test connection, which logs in with the values in the form,
apart from the running connector. While a connector address is filled in, only it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.interface import ConnectionParameters, Switchboard
from ...domain.refusals import Refused, WentWrong
from ...remote.client import client_url
from ...remote.device import DeviceTokens, enrol
from ...settings import Secret, SecretStore, Section, Settings, get_option
from ..colours import text_style
from ..refusal_words import words
from .common import BackgroundTasks
from .page import SettingsPage, fields_of, translate

__all__ = ["ConnectionPage", "parameters_of"]

# What the telephony provider hands over comes first; how this computer listens comes after.
_CONNECTION_ORDER: Final = (
    "connector_address",
    "tenant_domain",
    "smg_address",
    "issuer_uri",
    "client_id",
    "client_secret",
    "user",
    "password",
)


def _connection_fields() -> list[str]:
    names = fields_of(Section.CONNECTION)
    first = [name for name in _CONNECTION_ORDER if name in names]
    return first + [name for name in names if name not in first]


def parameters_of(settings: Settings) -> ConnectionParameters:
    """The login part of `settings`, as the connection test takes it."""
    return ConnectionParameters(
        issuer_uri=settings.issuer_uri,
        client_id=settings.client_id,
        client_secret=settings.client_secret.reveal(),
        user=settings.user,
        password=settings.password.reveal(),
        smg_address=settings.smg_address,
    )


class ConnectionPage(SettingsPage):
    """Every Connection option, the keyring notice, and Test connection."""

    def __init__(
        self,
        settings: Settings,
        session: Switchboard,
        secrets: SecretStore,
        current: Callable[[], Settings],
        parent: QWidget | None = None,
    ) -> None:
        """`current` gives the settings as the whole window shows them now (for the test)."""
        super().__init__(parent)
        self._session = session
        self._current = current
        self._secrets = secrets
        self._tasks = BackgroundTasks(self._test_failed)
        self._enrolling = BackgroundTasks(self._enrol_failed)
        form = QFormLayout()
        for name in _connection_fields():
            option = get_option(name)
            stored = option.secret and bool(getattr(settings, name))
            self.add_option(
                form,
                settings,
                name,
                secret_stored=stored,
                secret_in_keyring=secrets.available,
            )
            if name == "connector_address":
                form.addRow(self._enrol_row())
        self._form = form
        self.fields["connector_address"].on_change(self._follow_mode)

        self.keyring_notice = QLabel()
        self.keyring_notice.setObjectName("keyringNotice")
        self.keyring_notice.setWordWrap(True)
        self.session_only = QCheckBox(
            translate("SettingsPage", "Keep the Client Secret and Password for this session only")
        )
        self.session_only.setObjectName("sessionOnly")
        notice = QGroupBox(translate("SettingsPage", "No keyring"))
        notice_layout = QVBoxLayout(notice)
        notice_layout.addWidget(self.keyring_notice)
        notice_layout.addWidget(self.session_only)
        self.keyring_box = notice
        self.refresh_keyring_notice()

        self.test_button = QPushButton(translate("SettingsPage", "&Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.setToolTip(
            translate(
                "SettingsPage",
                "Log in with the values in this form and count Konnekta's users and activities.",
            )
        )
        self.test_button.clicked.connect(self.start_test)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)

        self._direct_only = [notice, self.test_button, self.test_result]
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(notice)
        layout.addLayout(test_row)
        layout.addStretch(1)
        self._follow_mode()

    # -- the company connector ---------------------------------------------------------------

    def _enrol_row(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.enrol_code = QLineEdit()
        self.enrol_code.setObjectName("enrolCode")
        self.enrol_code.setPlaceholderText(translate("SettingsPage", "Enrolment code"))
        self.enrol_code.setAccessibleName(translate("SettingsPage", "Enrolment code"))
        self.enrol_code.setToolTip(
            translate(
                "SettingsPage",
                "The one-time code your administrator gave you for this computer. It is used "
                "once; the connector then knows this computer by a token kept in the keyring.",
            )
        )
        self.enrol_button = QPushButton(translate("SettingsPage", "&Enrol"))
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.clicked.connect(self.start_enrolment)
        self.enrol_result = QLabel()
        self.enrol_result.setObjectName("enrolResult")
        self.enrol_result.setWordWrap(True)
        line.addWidget(self.enrol_code, 1)
        line.addWidget(self.enrol_button)
        column = QWidget()
        rows = QVBoxLayout(column)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addWidget(row)
        rows.addWidget(self.enrol_result)
        self._enrol_box = column
        return column

    def set_tenant_editable(self, editable: bool) -> None:
        """Konnekta's connection is the company's; the company connector this desktop uses and
        its enrolment stay the operator's own."""
        for name, field in self.fields.items():
            if name != "connector_address":
                field.editor.setEnabled(editable)
        self.test_button.setEnabled(editable)
        self.session_only.setEnabled(editable)

    def _follow_mode(self) -> None:
        """A connector address hides what only a direct connection needs, and vice versa."""
        through_connector = bool(self.fields["connector_address"].value())
        for name, field in self.fields.items():
            row = field.editor.parentWidget()  # the field's box in the form
            if name != "connector_address" and row is not None:
                self._form.setRowVisible(row, not through_connector)
        self._form.setRowVisible(self._enrol_box, through_connector)
        for widget in self._direct_only:
            widget.setVisible(not through_connector)

    def start_enrolment(self) -> None:
        address_field = self.fields["connector_address"]
        problem = address_field.check()
        code = self.enrol_code.text().strip()
        if problem is not None or not address_field.value() or not code or self._enrolling.busy:
            if not code:
                self._show_enrolment(
                    translate("SettingsPage", "Type the enrolment code first."), ok=False
                )
            return
        self.enrol_button.setEnabled(False)
        self._show_enrolment(translate("SettingsPage", "Enrolling…"), ok=True)
        self._enrolling.start(self._enrol(address_field.value(), code), "enrol")

    async def _enrol(self, address: str, code: str) -> None:
        location = client_url(address)
        answer = await enrol(location, code)
        note = DeviceTokens(self._secrets).keep(location, Secret(answer.token))
        self.enrol_button.setEnabled(True)
        self.enrol_code.clear()
        said = translate(
            "SettingsPage",
            "Enrolled as {user}. After OK, Konnekta Desktop connects through the company "
            "connector when it starts again.",
        ).format(user=answer.username)
        self._show_enrolment(said + (f" {words(note)}" if note is not None else ""), ok=True)

    def _show_enrolment(self, text: str, *, ok: bool) -> None:
        text_style(self.enrol_result, None if ok else "problem")
        self.enrol_result.setText(text)

    def refresh_keyring_notice(self) -> None:
        problem = self._secrets.problem
        self.keyring_box.setHidden(problem is None)
        self.keyring_notice.setText(
            translate(
                "SettingsPage",
                "No system keyring could be used, so the Client Secret and Password cannot be "
                "saved on this computer. Tick the box to keep them until the app closes, or "
                "install or unlock a keyring and save again.",
            )
            if problem
            else ""
        )

    def start_test(self) -> None:
        if self._tasks.busy:
            return
        problems = [problem for field in self.fields.values() if (problem := field.check())]
        if problems:
            text_style(self.test_result, "problem")
            self.test_result.setText(
                translate("SettingsPage", "Correct the fields marked in red first.")
            )
            return
        self.test_button.setEnabled(False)
        text_style(self.test_result, None)
        self.test_result.setText(translate("SettingsPage", "Logging in…"))
        self._tasks.start(self._test(self._current()), "test connection")

    async def _test(self, settings: Settings) -> None:
        result = await self._session.check_connection(parameters_of(settings))
        self.test_button.setEnabled(True)
        text_style(self.test_result, "good")
        self.test_result.setText(
            translate(
                "SettingsPage",
                "Connected: Konnekta lists {users} users and {activities} activities.",
            ).format(users=result.users, activities=result.activities)
        )

    def _enrol_failed(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        reason = error.why if isinstance(error, WentWrong | Refused) else None
        self._show_enrolment(
            translate("SettingsPage", "Not enrolled: {reason}").format(
                reason=words(reason) if reason is not None else type(error).__name__
            ),
            ok=False,
        )

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        text_style(self.test_result, "problem")
        self.test_result.setText(
            translate("SettingsPage", "The test failed: {reason}").format(
                reason=words(error)
                if isinstance(error, Refused)
                else str(error) or type(error).__name__
            )
        )
