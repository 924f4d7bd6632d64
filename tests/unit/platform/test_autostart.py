"""Start at login on all three systems, in temporary folders (and a stand-in for the registry)."""

from __future__ import annotations

import plistlib
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnekta_desktop.autostart import (
    APP_ID,
    ENTRY_NAME,
    RUN_KEY,
    AutostartError,
    LaunchAgent,
    WindowsRunKey,
    XdgAutostart,
    apply_start_at_login,
    for_this_computer,
    launch_command,
)

COMMAND = ["/opt/Konnekta Desktop/konnekta-desktop", "--config-dir", "/home/ana/100% kontor"]


class FakeWinreg:
    """Stands in for `winreg`, which exists only on Windows: a dict of keys and their values.

    Mocked because the Windows registry cannot run here; it keeps winreg's behaviour that matters
    (FileNotFoundError for a missing key or value, keys as context managers).
    """

    HKEY_CURRENT_USER = 0x80000001
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1

    class _Key:
        def __init__(self, values: dict[str, tuple[Any, int]]) -> None:
            self.values = values

        def __enter__(self) -> FakeWinreg._Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def __init__(self) -> None:
        self.keys: dict[tuple[int, str], dict[str, tuple[Any, int]]] = {}

    def OpenKey(self, key: int, sub_key: str, reserved: int = 0, access: int = 0) -> _Key:
        if (key, sub_key) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self._Key(self.keys[(key, sub_key)])

    def CreateKeyEx(self, key: int, sub_key: str, reserved: int = 0, access: int = 0) -> _Key:
        return self._Key(self.keys.setdefault((key, sub_key), {}))

    def SetValueEx(self, key: _Key, name: str, reserved: int, type: int, value: Any) -> None:
        key.values[name] = (value, type)

    def QueryValueEx(self, key: _Key, name: str) -> tuple[Any, int]:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return key.values[name]

    def DeleteValue(self, key: _Key, name: str) -> None:
        if name not in key.values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        del key.values[name]


def exec_arguments(line: str) -> list[str]:
    """Splits an Exec value as a desktop launcher does (Desktop Entry Specification)."""
    unescaped, i = [], 0
    while i < len(line):  # string escapes first
        if line[i] == "\\" and i + 1 < len(line):
            unescaped.append(
                {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(
                    line[i + 1], "\\" + line[i + 1]
                )
            )
            i += 2
        else:
            unescaped.append(line[i])
            i += 1
    text = "".join(unescaped)
    arguments: list[str] = []
    current: list[str] | None = None
    quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text):
                current.append(text[i + 1])  # type: ignore[union-attr]
                i += 1
            elif c == '"':
                quoted = False
            else:
                current.append(c)  # type: ignore[union-attr]
        elif c == " ":
            if current is not None:
                arguments.append("".join(current))
                current = None
        else:
            current = current if current is not None else []
            if c == '"':
                quoted = True
            else:
                current.append(c)
        i += 1
    if current is not None:
        arguments.append("".join(current))
    return [a.replace("%%", "%") for a in arguments]


def desktop_values(file: Path) -> dict[str, str]:
    lines = file.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


# -- Linux ------------------------------------------------------------------------------------


def test_xdg_entry_is_written_enabled_and_removed(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    assert not autostart.is_enabled()
    autostart.enable(COMMAND)
    assert autostart.is_enabled()
    assert autostart.file == tmp_path / "autostart" / "konnekta-desktop.desktop"
    values = desktop_values(autostart.file)
    assert values["Type"] == "Application"
    assert values["Name"] == ENTRY_NAME
    assert exec_arguments(values["Exec"]) == COMMAND
    autostart.disable()
    assert not autostart.is_enabled()
    assert not autostart.file.exists()


def test_xdg_disable_when_never_enabled_is_harmless(tmp_path: Path) -> None:
    XdgAutostart(tmp_path).disable()
    assert not XdgAutostart(tmp_path).is_enabled()


@pytest.mark.parametrize("switch_off", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_xdg_entry_switched_off_by_the_desktop_counts_as_disabled(
    tmp_path: Path, switch_off: str
) -> None:
    autostart = XdgAutostart(tmp_path)
    autostart.enable(COMMAND)
    text = autostart.file.read_text().replace("X-GNOME-Autostart-enabled=true\n", "")
    autostart.file.write_text(text + switch_off + "\n")
    assert not autostart.is_enabled()


def test_xdg_default_follows_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert XdgAutostart.default().config_home == tmp_path
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/is/ignored")
    assert XdgAutostart.default().config_home == Path.home() / ".config"


@given(
    st.lists(
        st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=12),
        min_size=1,
        max_size=4,
    )
)
def test_xdg_exec_line_gives_back_every_argument(arguments: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        autostart = XdgAutostart(Path(folder))
        autostart.enable(arguments)
        assert exec_arguments(desktop_values(autostart.file)["Exec"]) == arguments


# -- macOS ------------------------------------------------------------------------------------


def test_launch_agent_runs_the_command_at_login(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path / "LaunchAgents")
    assert not agent.is_enabled()
    agent.enable(COMMAND)
    assert agent.is_enabled()
    assert agent.file.name == f"{APP_ID}.plist"
    content = plistlib.loads(agent.file.read_bytes())
    assert content["Label"] == APP_ID
    assert content["ProgramArguments"] == COMMAND
    assert content["RunAtLoad"] is True
    assert content["KeepAlive"] is False  # quitting the app must not start it again
    agent.disable()
    assert not agent.is_enabled()
    assert not agent.file.exists()


def test_launch_agent_that_is_not_a_plist_counts_as_disabled(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path)
    agent.file.write_text("not a plist")
    assert not agent.is_enabled()


# -- Windows (registry mocked) ----------------------------------------------------------------


def test_run_key_holds_a_quoted_command_line() -> None:
    registry = FakeWinreg()
    run_key = WindowsRunKey(registry)  # type: ignore[arg-type]
    assert not run_key.is_enabled()
    command = [r"C:\Users\Ana\AppData\Local\Programs\Konnekta Desktop\konnekta-desktop.exe"]
    run_key.enable(command)
    assert run_key.is_enabled()
    value, kind = registry.keys[(FakeWinreg.HKEY_CURRENT_USER, RUN_KEY)][ENTRY_NAME]
    assert kind == FakeWinreg.REG_SZ
    assert value == f'"{command[0]}"'
    assert run_key.command() == value
    run_key.disable()
    assert not run_key.is_enabled()
    assert run_key.command() is None


def test_run_key_disable_without_the_key_is_harmless() -> None:
    run_key = WindowsRunKey(FakeWinreg())  # type: ignore[arg-type]
    run_key.disable()
    assert not run_key.is_enabled()


def test_run_key_keeps_other_programs_entries() -> None:
    registry = FakeWinreg()
    registry.keys[(FakeWinreg.HKEY_CURRENT_USER, RUN_KEY)] = {"OneDrive": ("onedrive.exe", 1)}
    run_key = WindowsRunKey(registry)  # type: ignore[arg-type]
    run_key.enable(["app.exe"])
    run_key.disable()
    assert registry.keys[(FakeWinreg.HKEY_CURRENT_USER, RUN_KEY)] == {
        "OneDrive": ("onedrive.exe", 1)
    }


# -- choosing the command and applying the setting --------------------------------------------


def test_frozen_app_starts_its_own_executable() -> None:
    command = launch_command(frozen=True, executable="/Applications/K.app/Contents/MacOS/k")
    assert command == ["/Applications/K.app/Contents/MacOS/k"]


def test_development_run_starts_the_package_with_the_same_python() -> None:
    command = launch_command(frozen=False, executable="/venv/bin/python", platform="linux")
    assert command == ["/venv/bin/python", "-m", "konnekta_desktop"]


def test_development_run_on_windows_prefers_pythonw(tmp_path: Path) -> None:
    (tmp_path / "python.exe").touch()
    (tmp_path / "pythonw.exe").touch()
    command = launch_command(
        frozen=False, executable=str(tmp_path / "python.exe"), platform="win32"
    )
    assert command[0] == str(tmp_path / "pythonw.exe")


def test_extra_arguments_follow_the_executable() -> None:
    command = launch_command(frozen=True, executable="k", extra_args=["--config-dir", "/x"])
    assert command == ["k", "--config-dir", "/x"]


def test_apply_start_at_login_follows_the_setting(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    apply_start_at_login(True, autostart=autostart, command=["k"])
    assert autostart.is_enabled()
    apply_start_at_login(True, autostart=autostart, command=["k2"])  # follows a moved app
    assert desktop_values(autostart.file)["Exec"] == "k2"
    apply_start_at_login(False, autostart=autostart)
    assert not autostart.is_enabled()


def test_apply_start_at_login_uses_the_running_apps_command(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path)
    apply_start_at_login(True, autostart=autostart)
    assert exec_arguments(desktop_values(autostart.file)["Exec"]) == launch_command()


def test_apply_start_at_login_failure_says_where_and_what_to_do(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(AutostartError) as caught:
        apply_start_at_login(True, autostart=XdgAutostart(blocked), command=["k"])
    message = str(caught.value)
    assert "Start at Login" in message
    assert str(blocked) in message
    assert "startup settings" in message


def test_each_system_gets_its_own_mechanism(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("konnekta_desktop.autostart._windows_registry", lambda: FakeWinreg())
    assert isinstance(for_this_computer("win32"), WindowsRunKey)
    assert isinstance(for_this_computer("darwin"), LaunchAgent)
    assert isinstance(for_this_computer("linux"), XdgAutostart)


def test_run_key_command_line_splits_back_into_the_arguments() -> None:
    registry = FakeWinreg()
    WindowsRunKey(registry).enable(COMMAND)  # type: ignore[arg-type]
    value, _ = registry.keys[(FakeWinreg.HKEY_CURRENT_USER, RUN_KEY)][ENTRY_NAME]
    assert value == subprocess.list2cmdline(COMMAND)
    assert value.startswith('"/opt/Konnekta Desktop/konnekta-desktop"')
