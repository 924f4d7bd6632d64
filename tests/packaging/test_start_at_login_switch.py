"""Start at login is one switch: the system's login item. The Windows installer's checkbox writes
it, the system's start-up settings switch it off, and Settings > Start at Login shows and changes
it; the app keeps no setting of its own that could disagree (it used to: the installer wrote the
Run value while Settings said "off").

The login item is the real autostart entry in a temporary XDG_CONFIG_HOME (the same code path
as the Windows Run value and the macOS LaunchAgent); the Windows registry, which cannot run here,
is a small stand-in.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox

from konnekta_desktop.app import SwitchboardApp
from konnekta_desktop.autostart import (
    ENTRY_NAME,
    RUN_KEY,
    STARTUP_APPROVED_KEY,
    WindowsRunKey,
    XdgAutostart,
    apply_start_at_login,
)
from konnekta_desktop.core.session import Session
from konnekta_desktop.core.store import Store
from konnekta_desktop.settings import (
    AppPaths,
    Language,
    SecretStore,
    Settings,
    load_settings,
    save_settings,
)
from konnekta_desktop.simulator.server import Simulator
from konnekta_desktop.ui.settings.dialog import SettingsDialog
from tests.gui.gui_helpers import Runner
from tests.gui.settings.settings_helpers import make_session, valid_settings
from tests.helpers.keyring_backend import InMemoryKeyring
from tests.helpers.konnekta import config_for

INSTALLED = ["/opt/Konnekta Desktop/konnekta-desktop"]


@pytest.fixture
def login_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> XdgAutostart:
    """This computer's login item, in a temporary folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return XdgAutostart.default()


def start_at_login_box(dialog: SettingsDialog) -> QCheckBox:
    box = dialog.findChild(QCheckBox, "field_start_at_login")
    assert isinstance(box, QCheckBox)
    return box


@pytest.mark.gui
def test_settings_shows_the_start_at_login_the_installer_turned_on(
    dialog_for: Callable[..., SettingsDialog],
    login_item: XdgAutostart,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
) -> None:
    login_item.enable(INSTALLED)  # the installer's checkbox
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(session)
    assert start_at_login_box(dialog).isChecked()


@pytest.mark.gui
def test_settings_turns_the_login_item_off_and_on_and_saves_no_setting_for_it(
    dialog_for: Callable[..., SettingsDialog],
    login_item: XdgAutostart,
    tmp_path: Path,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    login_item.enable(INSTALLED)
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(
        session, start_at_login=lambda on: apply_start_at_login(on, command=INSTALLED)
    )
    box = start_at_login_box(dialog)

    box.setChecked(False)
    assert run(dialog.apply()) is True
    assert not login_item.is_enabled()
    assert not box.isChecked()
    saved = dialog.paths.settings_file.read_text(encoding="utf-8")
    assert "start_at_login" not in saved

    box.setChecked(True)
    assert run(dialog.apply()) is True
    assert login_item.is_enabled()
    assert f'Exec="{INSTALLED[0]}"' in login_item.file.read_text(encoding="utf-8")

    login_item.disable()  # switched off in the system's start-up settings meanwhile
    assert not start_at_login_box(dialog_for(session)).isChecked()


@pytest.mark.gui
def test_a_login_item_that_cannot_change_says_where_and_shows_what_the_system_says(
    dialog_for: Callable[..., SettingsDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: InMemoryKeyring,
    run: Runner,
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the config folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    session = make_session(tmp_path, valid_settings(), secrets=SecretStore(memory_keyring))
    dialog = dialog_for(
        session, start_at_login=lambda on: apply_start_at_login(on, command=INSTALLED)
    )
    box = start_at_login_box(dialog)
    assert not box.isChecked()
    box.setChecked(True)

    assert run(dialog.apply()) is True  # the settings themselves are saved

    assert "Could not turn on Start at Login" in dialog.status.text()
    assert str(blocked) in dialog.status.text()
    assert not box.isChecked()


@pytest.mark.gui
@pytest.mark.parametrize(
    ("on", "installed", "after"),
    [
        (True, True, "/new/place/konnekta-desktop"),  # follows the moved or updated app
        (True, False, "/old/place/konnekta-desktop"),  # a source checkout never takes it over
        (False, True, None),  # never turned on by the app itself
    ],
)
def test_at_start_the_app_reads_the_login_item_and_never_switches_it(
    simulator: Simulator,
    login_item: XdgAutostart,
    tmp_path: Path,
    run: Runner,
    on: bool,
    installed: bool,
    after: str | None,
) -> None:
    if on:
        login_item.enable(["/old/place/konnekta-desktop"])
    session = Session(config_for(simulator), Store(tmp_path / "store.sqlite3"), settings=Settings())

    async def factory() -> Session:
        return session

    app = SwitchboardApp(
        factory,
        use_tray=False,
        installed=installed,
        start_at_login=lambda enabled: apply_start_at_login(
            enabled, command=["/new/place/konnekta-desktop"]
        ),
    )
    run(app.boot())
    run(app.close())
    if after is None:
        assert not login_item.is_enabled()
    else:
        assert login_item.is_enabled()
        assert f"Exec={after}" in login_item.file.read_text(encoding="utf-8")


def test_an_old_settings_files_start_at_login_is_read_once_and_not_written_back(
    tmp_path: Path, memory_keyring: InMemoryKeyring
) -> None:
    """The settings file's migration: the key is not reported as unknown, decides nothing (the
    login item does), and the next save leaves it out."""
    paths = AppPaths.for_dir(tmp_path)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text(
        '[ui]\nlanguage = "da"\nstart_at_login = true\nmute_notifications = true\n',
        encoding="utf-8",
    )
    settings, problems = load_settings(paths)
    assert problems == []
    assert settings.language is Language.DANISH
    assert settings.mute_notifications is True

    save_settings(paths, settings, SecretStore(memory_keyring))
    saved = tomllib.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert "start_at_login" not in saved["ui"]
    assert saved["ui"]["language"] == "da"


# -- Windows: Task Manager's switch (the registry is a stand-in) --------------------------------


class Registry:
    """Stands in for `winreg` (Windows only): keys of values, FileNotFoundError when missing."""

    HKEY_CURRENT_USER = 0x80000001
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1

    class Key:
        def __init__(self, values: dict[str, Any]) -> None:
            self.values = values

        def __enter__(self) -> Registry.Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, Any]] = {}

    def OpenKey(self, root: int, sub_key: str, reserved: int = 0, access: int = 0) -> Key:
        if sub_key not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self.Key(self.keys[sub_key])

    def CreateKeyEx(self, root: int, sub_key: str, reserved: int = 0, access: int = 0) -> Key:
        return self.Key(self.keys.setdefault(sub_key, {}))

    def SetValueEx(self, key: Key, name: str, reserved: int, kind: int, value: Any) -> None:
        key.values[name] = value

    def QueryValueEx(self, key: Key, name: str) -> tuple[Any, int]:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name], 0

    def DeleteValue(self, key: Key, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]


def test_a_run_value_task_manager_switched_off_is_off_until_turned_on_again() -> None:
    registry = Registry()
    registry.keys[RUN_KEY] = {ENTRY_NAME: '"C:\\Konnekta Desktop\\konnekta-desktop.exe"'}
    registry.keys[STARTUP_APPROVED_KEY] = {ENTRY_NAME: b"\x03\x00\x00\x00" + bytes(8)}
    run_key = WindowsRunKey(registry)  # type: ignore[arg-type]
    assert not run_key.is_enabled()

    run_key.enable(["C:\\Konnekta Desktop\\konnekta-desktop.exe"])
    assert run_key.is_enabled()
    assert ENTRY_NAME not in registry.keys[STARTUP_APPROVED_KEY]

    registry.keys[STARTUP_APPROVED_KEY][ENTRY_NAME] = b"\x02" + bytes(11)  # switched on there
    assert run_key.is_enabled()
    run_key.disable()
    assert registry.keys[RUN_KEY] == {}
    assert registry.keys[STARTUP_APPROVED_KEY] == {}
