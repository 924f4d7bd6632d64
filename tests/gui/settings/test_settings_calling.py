"""The Calling and wrap-up tab: the operator's own user chosen by name and saved as username
(start at login, the system's login item: tests/packaging/test_start_at_login_switch.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.konnekta.api import SmgClient
from konnekta_desktop.settings import SecretStore
from konnekta_desktop.simulator import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring

pytestmark = pytest.mark.gui


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
