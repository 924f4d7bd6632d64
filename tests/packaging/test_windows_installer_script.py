"""The Windows installer script (packaging/windows/konnekta-desktop.iss), read as Inno Setup reads
it: the preprocessor's #defines filled in, each section's entries split into their parameters,
and the [Code] routines the uninstaller runs. Inno Setup cannot run here; CI's Windows job
compiles the script."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from konnekta_desktop.app import QUIT_ARGUMENT
from konnekta_desktop.autostart import ENTRY_NAME, RUN_KEY, STARTUP_APPROVED_KEY

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "konnekta-desktop.iss"


@dataclass(frozen=True)
class InnoScript:
    sections: dict[str, list[str]]  # section name (lower case) -> its lines, comments left out

    @classmethod
    def read(cls, path: Path = SCRIPT) -> InnoScript:
        text = path.read_text(encoding="utf-8")
        defines = dict(re.findall(r'^\s*#define (\w+) "([^"]*)"', text, flags=re.MULTILINE))
        text = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], text)
        sections: dict[str, list[str]] = {}
        current: list[str] = []
        for line in text.splitlines():
            header = re.fullmatch(r"\[(\w+)\]", line.strip())
            if header:
                current = sections.setdefault(header.group(1).lower(), [])
            elif line.strip() and not line.lstrip().startswith((";", "#")):
                current.append(line)
        return cls(sections)

    def setup(self) -> dict[str, str]:
        pairs = (line.split("=", 1) for line in self.sections["setup"])
        return {key.strip().lower(): value.strip() for key, value in pairs}

    def entries(self, section: str) -> list[dict[str, str]]:
        return [parameters(line) for line in self.sections.get(section, [])]

    def routine(self, name: str) -> str:
        """The body of a [Code] procedure or function."""
        code = "\n".join(self.sections["code"])
        found = re.search(
            rf"^(?:procedure|function) {name}\b.*?(?=^(?:procedure|function) |\Z)",
            code,
            flags=re.MULTILINE | re.DOTALL,
        )
        assert found is not None, f"[Code] has no {name}"
        return re.sub(r"//[^\n]*", "", found.group(0))


def parameters(line: str) -> dict[str, str]:
    """An entry's parameters by lower-case name, quoted values unquoted (`""` is a quote)."""
    result: dict[str, str] = {}
    for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
        key, value = part
        value = value.strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        result[key.lower()] = value
    return result


def test_the_install_is_per_user_only() -> None:
    """An "all users" install would elevate and write the administrator's HKEY_CURRENT_USER."""
    script = InnoScript.read()
    setup = script.setup()
    assert setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in setup
    assert setup["defaultdirname"].startswith("{userpf}\\")
    assert {entry["root"] for entry in script.entries("registry")} == {"HKCU"}
    text = SCRIPT.read_text(encoding="utf-8")
    assert not re.search(r"\{(auto|common)\w*\}|\bHK(LM|A|CR)\b", text)


def test_the_start_at_login_checkbox_writes_the_value_the_app_shows() -> None:
    run_values = [e for e in InnoScript.read().entries("registry") if e["subkey"] == RUN_KEY]
    assert len(run_values) == 1
    assert run_values[0]["valuename"] == ENTRY_NAME
    assert run_values[0]["tasks"] == "startatlogin"
    cleared = [
        e for e in InnoScript.read().entries("registry") if e["subkey"] == STARTUP_APPROVED_KEY
    ]
    assert cleared == [
        {
            "root": "HKCU",
            "subkey": STARTUP_APPROVED_KEY,
            "valuetype": "none",
            "valuename": ENTRY_NAME,
            "flags": "deletevalue dontcreatekey",
            "tasks": "startatlogin",
        }
    ]


def test_uninstalling_asks_the_running_app_to_quit_then_forces_it() -> None:
    """taskkill without /F only closed the window, which hides the app to the tray: it kept
    running and its files stayed behind."""
    script = InnoScript.read()
    for entry in script.entries("uninstallrun"):
        assert "taskkill" not in entry["filename"].lower() or "/F" in entry["parameters"]
    uninstall = script.routine("CurUninstallStepChanged")
    assert re.search(
        r"if CurUninstallStep = usUninstall then\s+begin\s+StopRunningApp\(\);", uninstall
    )

    stop = script.routine("StopRunningApp")
    ask = stop.index(f"Exec(ExpandConstant('{{app}}\\konnekta-desktop.exe'), '{QUIT_ARGUMENT}'")
    wait = stop.index("while AppIsRunning() and (Waited < QuitWaitMs) do")
    force = stop.index("ForceQuitApp();")
    assert ask < wait < force
    assert "ewWaitUntilTerminated" in stop[ask:wait]
    assert "'/F /T /PID '" in script.routine("ForceQuitApp")
    # The processes are this installation's: matched on their executable's path.
    assert "WHERE ExecutablePath = " in script.routine("AppProcesses")


def test_uninstalling_removes_start_at_login_whoever_set_it() -> None:
    """The Run value was removed only when the installer's checkbox had set it."""
    uninstall = InnoScript.read().routine("CurUninstallStepChanged")
    for key in (RUN_KEY, STARTUP_APPROVED_KEY):
        assert f"RegDeleteValue(HKEY_CURRENT_USER, '{key}', '{ENTRY_NAME}');" in uninstall
    assert "IsTaskSelected" not in uninstall  # also WizardIsTaskSelected


def test_an_update_stops_the_app_first_and_starts_it_again() -> None:
    """RestartApplications restarts only apps that register with Windows for a restart, which
    this one does not: the script stops and starts it itself."""
    script = InnoScript.read()
    setup = script.setup()
    assert setup["restartapplications"] == "no"
    assert "StoppedForUpdate := StopRunningApp();" in script.routine("PrepareToInstall")
    again = [e for e in script.entries("run") if e.get("check") == "StartAgainAfterSilentUpdate"]
    assert [e["filename"] for e in again] == ["{app}\\konnekta-desktop.exe"]
    assert "WizardSilent()" in script.routine("StartAgainAfterSilentUpdate")


def test_default_apps_opens_at_this_app_with_its_name_uri_escaped() -> None:
    script = InnoScript.read()
    registered = next(
        e for e in script.entries("registry") if e["subkey"] == "Software\\RegisteredApplications"
    )
    link = next(e for e in script.entries("run") if e["filename"].startswith("ms-settings:"))
    assert link["filename"] == (
        f"ms-settings:defaultapps?registeredAppUser={quote(registered['valuename'])}"
    )
    assert " " not in link["filename"]
