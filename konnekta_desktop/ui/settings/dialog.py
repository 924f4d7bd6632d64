"""The settings window: one tab per area, OK / Apply / Cancel, validation before anything is saved.

Apply checks every option first and refuses a wrong value with a message naming the field. The
settings file gets every option except the secrets, which go to the keyring (or, without one and
with the operator's consent, are kept for this session only). A change that needs a new login asks
the session to reconnect; any other change is handed to the session as it is. On the first run
(settings incomplete) the window opens on the Connection tab and says what to fill in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import msgspec
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...autostart import AutostartError, apply_start_at_login
from ...core.tenant_settings import CHANGEABLE
from ...domain.interface import Role
from ...domain.refusals import Refused, WentWrong
from ...domain.status import Connection
from ...settings import (
    AppPaths,
    Owner,
    SecretStore,
    Settings,
    SettingsSaveError,
    changed_options,
    get_option,
    load_settings,
    needs_reconnect,
    save_settings,
    validate,
)
from ..bridge import AppSession
from ..colours import text_style
from ..refusal_words import words
from .appointments import AppointmentsPage
from .calling import CallingPage
from .common import BackgroundTasks
from .connection import ConnectionPage
from .drafts import ListsDraft
from .labels import option_label
from .mappings import MappingsPage
from .numbers import NumbersPage
from .page import SettingsPage
from .states import StatesPage

__all__ = ["SettingsDialog"]

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """The settings of `session`, edited and applied through the application interface and
    the session's `SettingsDoor`. `settings_applied` carries the new `Settings` once the session
    uses them, for the parts of the app that follow settings."""

    settings_applied = Signal(object)
    # A note that must outlive the dialog (a restart is needed), for the window to show.
    note_for_later = Signal(str)

    def __init__(
        self,
        session: AppSession,
        parent: QWidget | None = None,
        *,
        secrets: SecretStore | None = None,
        paths: AppPaths | None = None,
        first_run: bool = False,
        start_at_login: Callable[[bool], None] = apply_start_at_login,
    ) -> None:
        """`first_run`: the settings are incomplete; explain, and mark what to fill in.
        `start_at_login(enabled)` turns the system's login item on or off when its box changes."""
        super().__init__(parent)
        self._start_at_login = start_at_login
        self._session = session
        self.secrets: SecretStore = secrets or session.secrets or SecretStore()
        self.paths: AppPaths = paths or session.paths or AppPaths.default()
        settings = session.settings
        if settings is None:
            settings, _ = load_settings(self.paths, self.secrets)
        self.settings: Settings = settings
        self._tasks = BackgroundTasks(self._apply_failed)
        self._close_after_apply = False

        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.connection = ConnectionPage(settings, session, self.secrets, self.current_settings)
        self.numbers = NumbersPage(settings)
        # The lists' edits wait here until OK or Apply; Cancel drops them (one rule, every tab).
        self.lists = ListsDraft(session)
        self.states = StatesPage(settings, self.lists)
        self.mappings = MappingsPage(settings, self.lists)
        self.calling = CallingPage(settings, session)
        self.appointments = AppointmentsPage(self.lists)
        self.states.templates_changed.connect(self._templates_changed)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.connection, self.tr("&Connection"))
        self.tabs.addTab(self.numbers, self.tr("&Numbers"))
        self.tabs.addTab(self.states, self.tr("&States and sync"))
        self.tabs.addTab(self.mappings, self.tr("&Mappings"))
        self.tabs.addTab(self.calling, self.tr("Calling and &wrap-up"))
        self.tabs.addTab(self.appointments, self.tr("&Appointments"))

        self.first_run_notice = QLabel(
            self.tr(
                "<b>Welcome to Konnekta Desktop.</b> To connect the switchboard to Konnekta, fill "
                "in the connection details from your telephony provider: the fields marked in "
                "red are still missing. <i>Test connection</i> checks them; OK saves them and "
                "connects."
            )
        )
        self.first_run_notice.setObjectName("firstRunNotice")
        self.first_run_notice.setWordWrap(True)
        self.first_run_notice.setStyleSheet(
            "#firstRunNotice { background: #e7f5ff; color: #212529; border: 1px solid #1c7ed6;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.first_run_notice.setAccessibleName(self.tr("What to do first"))
        self.first_run_notice.setVisible(first_run)

        self.status = QLabel()
        self.status.setObjectName("settingsStatus")
        self.status.setWordWrap(True)
        self.status.setHidden(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self._apply_clicked)

        # The tenant's settings are the company's: an operator without the administrator's role
        # sees them, and changes only their own (calling device, wrap-up, language).
        self.tenant_notice = QLabel(
            self.tr(
                "Connection, numbers, states, mappings and appointments are your company's "
                "settings; ask your administrator to change them."
            )
        )
        self.tenant_notice.setObjectName("tenantNotice")
        self.tenant_notice.setWordWrap(True)
        tenant_only = session.role is not Role.ADMINISTRATOR
        self._own_only = tenant_only  # then only the operator's own options are checked
        self.tenant_notice.setVisible(tenant_only)
        for page in (self.numbers, self.states, self.mappings, self.appointments):
            page.setEnabled(not tenant_only)
        self.connection.set_tenant_editable(not tenant_only)

        layout = QVBoxLayout(self)
        layout.addWidget(self.first_run_notice)
        layout.addWidget(self.tenant_notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        if first_run:
            self.setWindowTitle(self.tr("Settings: connect to Konnekta"))
            self.tabs.setCurrentWidget(self.connection)
            self.refused()  # marks the missing fields in red

    # -- pieces ------------------------------------------------------------------------------

    @property
    def pages(self) -> tuple[SettingsPage, ...]:
        return (
            self.connection,
            self.numbers,
            self.states,
            self.mappings,
            self.calling,
            self.appointments,
        )

    @property
    def apply_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        assert button is not None
        return button

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def current_settings(self) -> Settings:
        """The settings as the window shows them now (not yet validated or saved)."""
        values: dict[str, Any] = {}
        for page in self.pages:
            values.update(page.values())
        return self.settings.replace(**values)

    def _page_of(self, name: str) -> SettingsPage | None:
        for page in self.pages:
            if name in page.fields or name in page.values():
                return page
        return None

    def _say(self, text: str, *, problem: bool = False) -> None:
        text_style(self.status, "problem" if problem else None)
        self.status.setText(text)
        self.status.setHidden(not text)

    def _templates_changed(self) -> None:
        self.mappings.reload()
        self.appointments.reload_templates()

    # -- applying ----------------------------------------------------------------------------

    def _apply_clicked(self) -> None:
        self._start_apply(close=False)

    def _ok(self) -> None:
        self._start_apply(close=True)

    def _start_apply(self, *, close: bool) -> None:
        if self._tasks.busy:
            return
        self._close_after_apply = close
        self.buttons.setEnabled(False)
        self._tasks.start(self._apply_and_finish(), "apply settings")

    async def _apply_and_finish(self) -> None:
        try:
            applied = await self.apply()
        finally:
            self.buttons.setEnabled(True)
        if applied and self._close_after_apply:
            self.accept()

    def _apply_failed(self, error: BaseException) -> None:
        log.error("Applying the settings failed", exc_info=error)
        self._say(
            self.tr("The settings could not be applied: {reason}").format(
                reason=str(error) or type(error).__name__
            ),
            problem=True,
        )

    def refused(self) -> list[str]:
        """Validate every option the operator may change as the window shows it; mark the
        fields; return the messages. An operator without the administrator's role is not held
        up by the company's settings, which they cannot change (on a company connector's desktop
        the connection fields are empty: the connector has them)."""
        new = self.current_settings()
        errors = [
            error
            for error in validate(new)
            if error.field is not None
            and not (self._own_only and get_option(error.field).owner is Owner.TENANT)
        ]
        messages = {error.field: words(error.why) for error in errors}
        fields = {name: field for page in self.pages for name, field in page.fields.items()}
        for name, field in fields.items():
            field.show_problem(messages.get(name))
        if errors:
            assert errors[0].field is not None
            first_page = self._page_of(errors[0].field)
            if first_page is not None:
                self.tabs.setCurrentWidget(first_page)
        return [words(error.why) for error in errors]

    async def apply(self) -> bool:
        """Validate, save and take the settings into use; False (with a message) when refused."""
        problems = self.refused()
        if problems:
            more = len(problems) - 1
            text = self.tr("Not saved: {problem}").format(problem=problems[0])
            if more == 1:
                text += " " + self.tr("(One more field needs correcting.)")
            elif more:
                text += " " + self.tr("({count} more fields need correcting.)").format(count=more)
            self._say(text, problem=True)
            return False
        new = self.current_settings()
        old = self.settings
        secrets_changed = new.client_secret != old.client_secret or new.password != old.password
        if (
            secrets_changed
            and not self.secrets.available
            and not self.connection.session_only.isChecked()
        ):
            self.tabs.setCurrentWidget(self.connection)
            self._say(
                self.tr(
                    "Not saved: there is no system keyring to keep the Client Secret and Password "
                    "in. Tick 'Keep the Client Secret and Password for this session only' on the "
                    "Connection tab, or install or unlock a keyring."
                ),
                problem=True,
            )
            return False
        try:
            save_settings(self.paths, new, self.secrets, previous=old)
        except SettingsSaveError as error:
            self._say(words(error.why), problem=True)
            return False
        try:
            await self._company_settings(old, new)
            await self.lists.apply()
        except (WentWrong, Refused) as error:  # the connector keeps them, or a name taken
            self._say(words(error.why), problem=True)
            return False
        self.connection.refresh_keyring_notice()
        self.settings = new
        notes = [self.tr("Settings saved.")]
        if secrets_changed and self.secrets.problem:
            # The keyring may also fail during this save: the store then keeps them in memory.
            notes.append(words(self.secrets.problem))
        if new.language != old.language:
            restart = self.tr("The new language shows after restarting the app.")
            notes.append(restart)
            self.note_for_later.emit(restart)  # still said when OK has closed this dialog
        if new.connector_address.strip() != old.connector_address.strip():
            restart = (
                self.tr("The switchboard connects through the company connector after a restart.")
                if new.connector_address.strip()
                else self.tr("The switchboard connects to Konnekta itself after a restart.")
            )
            notes.append(restart)
            self.note_for_later.emit(restart)
        problem = bool(secrets_changed and self.secrets.problem)
        try:
            # Not a setting: the system's login item, changed when the box differs from it.
            self.calling.apply_start_at_login(self._start_at_login)
        except AutostartError as error:
            notes.append(str(error))
            problem = True
        log.info(
            "Settings applied: %s",
            ", ".join(option_label(get_option(n)) for n in changed_options(old, new)) or "none",
        )
        reconnect = self._must_reconnect(old, new)
        if reconnect and self._session.settings_problems:
            notes.append(self.tr("Connecting to Konnekta."))
        elif reconnect:
            notes.append(self.tr("Reconnecting to Konnekta with the new connection settings."))
        elif needs_reconnect(old, new):
            notes.append(self.tr("Restart the app to connect with the new connection settings."))
        self._say(" ".join(notes), problem=problem)
        if reconnect:
            try:
                await self._session.reconnect(new)
            except Refused as error:
                # Saved, but the connection cannot start (a busy Listener Port): stay open.
                self.settings_applied.emit(new)
                self._say(
                    self.tr("Saved, but not connected: {reason}").format(reason=words(error)),
                    problem=True,
                )
                return False
        else:
            # The session knows what follows which option (number plan, mappings, wrap-up).
            self._session.apply_settings(new)
        self.settings_applied.emit(new)
        return True

    async def _company_settings(self, old: Settings, new: Settings) -> None:
        """On a company connector, an administrator's changes of the company's settings
        (numbers, sync, mappings) go to the connector, which keeps them for every desktop."""
        if self._session.through_connector is None or self._own_only:
            return
        changes = {
            name: msgspec.to_builtins(getattr(new, name))
            for name in sorted(CHANGEABLE)
            if getattr(new, name) != getattr(old, name)
        }
        if changes:
            await self._session.save_tenant_settings(changes)

    def _must_reconnect(self, old: Settings, new: Settings) -> bool:
        """A connection option changed, or the connection is stopped until the settings are
        fixed (first run, wrong password, busy port): then any Apply tries again. Choosing
        another company connector (or none) takes a restart instead."""
        if new.connector_address.strip() != old.connector_address.strip():
            return False
        if needs_reconnect(old, new) or self._session.settings_problems:
            return True
        status = self._session.status
        return status.state is Connection.DISCONNECTED and status.setting is not None
