"""The Calling and wrap-up tab: start at login (the real autostart entry), and the
operator's own user chosen by name and saved as username.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox

from konnekta_desktop.autostart import XdgAutostart, apply_start_at_login
from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.settings import SecretStore, Settings
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


def test_start_at_login_writes_and_removes_the_autostart_entry(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    """The real autostart module, pointed at a temporary XDG config folder."""
    entry = XdgAutostart(tmp_path / "xdg")
    applied: list[Settings] = []
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    session.apply_settings = applied.append
    dialog = dialog_for(
        session,
        start_at_login=lambda enabled: apply_start_at_login(
            enabled, autostart=entry, command=["/opt/konnekta-desktop/konnekta-desktop"]
        ),
    )
    box = dialog.calling.fields["start_at_login"].editor
    assert isinstance(box, QCheckBox)

    box.setChecked(True)
    assert run(dialog.apply()) is True
    assert entry.is_enabled()
    assert "Exec=/opt/konnekta-desktop/konnekta-desktop" in entry.file.read_text()
    assert applied[-1].start_at_login is True

    box.setChecked(False)
    assert run(dialog.apply()) is True
    assert not entry.is_enabled()
    assert not entry.file.exists()


def test_start_at_login_that_cannot_be_changed_says_where_and_keeps_the_setting(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the autostart folder should be")
    entry = XdgAutostart(blocked)
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(
        session,
        start_at_login=lambda enabled: apply_start_at_login(
            enabled, autostart=entry, command=["konnekta-desktop"]
        ),
    )
    box = dialog.calling.fields["start_at_login"].editor
    assert isinstance(box, QCheckBox)
    box.setChecked(True)

    assert run(dialog.apply()) is True

    assert "Could not turn on Start at Login" in dialog.status.text()
    assert str(blocked) in dialog.status.text()
    assert session.settings.start_at_login is True


def test_operator_user_is_chosen_by_name_and_saved_as_username(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    simulator: Simulator,
    loaded: tuple[LiveModel, SmgClient],
    run: Runner,
) -> None:
    model, api = loaded
    session = make_session(
        tmp_path, valid_settings(), secrets=SecretStore(memory_keyring), api=api, model=model
    )
    dialog = dialog_for(session)
    colleague = model.at(2)
    combo = dialog.calling.operator_combo
    combo.setCurrentIndex(combo.findData(colleague.user.username))

    assert run(dialog.apply()) is True
    assert session.settings.operator_user == colleague.user.username

    combo.setEditText("user-00042")
    assert dialog.calling.operator_user() == "user-00042"
