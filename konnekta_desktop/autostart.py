"""Start at login: the Windows Run key, a macOS LaunchAgent, or a Linux XDG autostart entry.

Each place has the same three operations (`enable(command)`, `disable()`, `is_enabled()`) and takes
its base folder or registry as an argument, so all three are tested on any system.

The login item itself is the one switch: the Windows installer's checkbox writes the same Run value,
the system's own start-up settings switch it off, and Settings > Start at Login shows and changes
what the system says (`start_at_login_is_on`). There is no setting of the app's own to disagree
with it.
"""

from __future__ import annotations

import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

__all__ = [
    "APP_ID",
    "ENTRY_NAME",
    "Autostart",
    "AutostartError",
    "LaunchAgent",
    "WindowsRunKey",
    "XdgAutostart",
    "apply_start_at_login",
    "for_this_computer",
    "launch_command",
    "start_at_login_is_on",
]

log = logging.getLogger(__name__)

ENTRY_NAME: Final = "Konnekta Desktop"
APP_ID: Final = "dk.konnekta-desktop.app"  # the macOS bundle identifier, also the agent's label
RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
# Where Task Manager's Startup page (and Settings > Apps > Startup) switches a Run value off
# without deleting it: a binary value under the same name whose first byte is odd when off.
STARTUP_APPROVED_KEY: Final = (
    r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
)


class AutostartError(Exception):
    """Start at login could not be changed; the message says where and what to do."""


class Autostart(Protocol):
    """One way of starting the app at login."""

    @property
    def where(self) -> str:
        """Where the entry lives, for messages and the log."""
        ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...

    def is_enabled(self) -> bool: ...


# -- Linux and other XDG desktops -------------------------------------------------------------


def _desktop_exec_argument(argument: str) -> str:
    """Quote one argument for a .desktop file's Exec key (Desktop Entry Specification)."""
    argument = argument.replace("%", "%%")  # a lone % would start a field code
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if argument and not reserved & set(argument):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    # The string-value escape (\\ for a backslash) applies before the Exec quoting rule.
    return '"' + quoted.replace("\\", "\\\\") + '"'


@dataclass(frozen=True, slots=True)
class XdgAutostart:
    """`$XDG_CONFIG_HOME/autostart/konnekta-desktop.desktop` (GNOME, KDE, XFCE, ...)."""

    config_home: Path

    @classmethod
    def default(cls) -> XdgAutostart:
        configured = os.environ.get("XDG_CONFIG_HOME", "")
        # The specification says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if configured and os.path.isabs(configured):
            return cls(Path(configured))
        return cls(Path.home() / ".config")

    @property
    def file(self) -> Path:
        return self.config_home / "autostart" / "konnekta-desktop.desktop"

    @property
    def where(self) -> str:
        return str(self.file)

    def enable(self, command: Sequence[str]) -> None:
        exec_line = " ".join(_desktop_exec_argument(a) for a in command)
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={ENTRY_NAME}\n"
            "Comment=Switchboard for the Dstny Konnekta cloud PBX\n"
            f"Exec={exec_line}\n"
            "Icon=konnekta-desktop\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write_atomically(self.file, text.encode("utf-8"))

    def disable(self) -> None:
        self.file.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        try:
            lines = self.file.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return False
        # A desktop environment switches an entry off with Hidden=true rather than deleting it.
        values = dict(line.split("=", 1) for line in lines if "=" in line)
        return (
            values.get("Hidden", "false").strip() != "true"
            and values.get("X-GNOME-Autostart-enabled", "true").strip() != "false"
        )


# -- macOS ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LaunchAgent:
    """`~/Library/LaunchAgents/dk.konnekta-desktop.app.plist`, loaded by launchd at login."""

    agents_dir: Path

    @classmethod
    def default(cls) -> LaunchAgent:
        return cls(Path.home() / "Library" / "LaunchAgents")

    @property
    def file(self) -> Path:
        return self.agents_dir / f"{APP_ID}.plist"

    @property
    def where(self) -> str:
        return str(self.file)

    def enable(self, command: Sequence[str]) -> None:
        agent: dict[str, Any] = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            # Only in a graphical login, and never restarted after the operator quits it.
            "LimitLoadToSessionType": "Aqua",
            "KeepAlive": False,
            "ProcessType": "Interactive",
        }
        _write_atomically(self.file, plistlib.dumps(agent))

    def disable(self) -> None:
        self.file.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.file.read_bytes())
        except FileNotFoundError:
            return False
        except (plistlib.InvalidFileException, ValueError):
            return False
        return bool(agent.get("RunAtLoad")) and not agent.get("Disabled", False)


# -- Windows ----------------------------------------------------------------------------------


class Registry(Protocol):
    """The part of the `winreg` module the Run key needs (injectable, as winreg is Windows-only)."""

    HKEY_CURRENT_USER: int
    KEY_READ: int
    KEY_SET_VALUE: int
    REG_SZ: int

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = ...) -> Any: ...

    def CreateKeyEx(self, key: Any, sub_key: str, reserved: int = 0, access: int = ...) -> Any: ...

    def SetValueEx(
        self, key: Any, value_name: str | None, reserved: Any, type: int, value: Any
    ) -> None: ...

    def QueryValueEx(self, key: Any, name: str | None) -> tuple[Any, int]: ...

    def DeleteValue(self, key: Any, value: str | None) -> None: ...


def _windows_registry() -> Registry:
    import winreg  # only on Windows

    return winreg  # type: ignore[return-value,unused-ignore]


@dataclass(frozen=True, slots=True)
class WindowsRunKey:
    """The value `Konnekta Desktop` under HKEY_CURRENT_USER\\...\\CurrentVersion\\Run.

    Task Manager switches it off without deleting it (a StartupApproved value): that counts as
    off, and turning it on here clears Task Manager's mark so that it is really on again.
    """

    registry: Registry

    @classmethod
    def default(cls) -> WindowsRunKey:
        return cls(_windows_registry())

    @property
    def where(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{ENTRY_NAME}"

    def enable(self, command: Sequence[str]) -> None:
        reg = self.registry
        with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
            reg.SetValueEx(key, ENTRY_NAME, 0, reg.REG_SZ, subprocess.list2cmdline(command))
        self._delete(STARTUP_APPROVED_KEY)

    def disable(self) -> None:
        self._delete(RUN_KEY)
        self._delete(STARTUP_APPROVED_KEY)

    def is_enabled(self) -> bool:
        return bool(self._read(RUN_KEY)) and not self.switched_off_in_task_manager()

    def switched_off_in_task_manager(self) -> bool:
        mark = self._read(STARTUP_APPROVED_KEY)
        return isinstance(mark, bytes | bytearray) and len(mark) > 0 and bool(mark[0] & 1)

    def command(self) -> str | None:
        """The command line in the Run key, or None (used by tests and diagnostics)."""
        value = self._read(RUN_KEY)
        return None if value is None else str(value)

    def _read(self, sub_key: str) -> Any:
        reg = self.registry
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, sub_key, 0, reg.KEY_READ) as key:
                value, _ = reg.QueryValueEx(key, ENTRY_NAME)
        except FileNotFoundError:
            return None
        return value

    def _delete(self, sub_key: str) -> None:
        reg = self.registry
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, sub_key, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, ENTRY_NAME)
        except FileNotFoundError:
            pass  # already off


# -- choosing and applying --------------------------------------------------------------------


def for_this_computer(platform: str = sys.platform) -> Autostart:
    """The start-at-login mechanism of this operating system."""
    if platform == "win32":
        return WindowsRunKey.default()
    if platform == "darwin":
        return LaunchAgent.default()
    return XdgAutostart.default()


def launch_command(
    *,
    frozen: bool | None = None,
    executable: str | None = None,
    platform: str = sys.platform,
    extra_args: Sequence[str] = (),
) -> list[str]:
    """The command that starts this app as it is installed now.

    An installed (PyInstaller) build is its own executable; a development run starts the package
    with the same Python (on Windows the console-less pythonw.exe next to it, when there is one).
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = sys.executable if executable is None else executable
    if frozen:
        return [executable, *extra_args]
    if platform == "win32":
        candidate = Path(executable).with_name("pythonw.exe")
        if Path(executable).name.lower() == "python.exe" and candidate.exists():
            executable = str(candidate)
    return [executable, "-m", "konnekta_desktop", *extra_args]


def start_at_login_is_on(autostart: Autostart | None = None) -> bool:
    """What the system says now: whether this app starts at login (off when it cannot be read)."""
    target = autostart or for_this_computer()
    try:
        return target.is_enabled()
    except OSError as error:
        log.warning("Could not read Start at Login (%s): %s", target.where, error)
        return False


def apply_start_at_login(
    enabled: bool,
    *,
    autostart: Autostart | None = None,
    command: Sequence[str] | None = None,
) -> None:
    """Turn start at login on or off: from Settings, and at start-up (on) to follow the app.

    Enabling rewrites the entry each time so that it follows the app when it has been moved or
    updated. Raises `AutostartError` with a message for the operator when the change fails.
    """
    target = autostart or for_this_computer()
    try:
        if enabled:
            target.enable(list(command) if command is not None else launch_command())
        else:
            target.disable()
        log.info("Start at login turned %s (%s)", "on" if enabled else "off", target.where)
    except OSError as error:
        action = "turn on" if enabled else "turn off"
        reason = error.strerror or type(error).__name__
        raise AutostartError(
            f"Could not {action} Start at Login ({target.where}): {reason}. "
            "Check that you may change this, or change it in your system's startup settings."
        ) from error


def _write_atomically(file: Path, content: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    temporary = file.with_name(file.name + ".tmp")
    temporary.write_bytes(content)
    os.replace(temporary, file)
