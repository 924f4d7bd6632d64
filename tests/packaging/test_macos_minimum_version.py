"""The macOS the app says it needs (Info.plist's LSMinimumSystemVersion) is what the bundled
wheels need, read from uv.lock; and the PySide6 floor leaves out the releases that lost macOS
link events."""

from __future__ import annotations

import importlib.util
import platform
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "uv.lock"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


macos_minimum = load(ROOT / "packaging" / "macos_minimum.py")


def qt_wheels_minimum() -> str:
    """The newest macOS tag of the locked PySide6 and shiboken6 wheels, read on its own."""
    tags = re.findall(
        r"/(?:pyside6_essentials|shiboken6)-[^/\"]*-macosx_(\d+)_(\d+)_\w+\.whl",
        LOCK.read_text(encoding="utf-8"),
    )
    assert tags, "no macOS wheel of PySide6 in uv.lock"
    major, minor = max((int(a), int(b)) for a, b in tags)
    return f"{major}.{minor}"


def spec_info_plist(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Runs the PyInstaller spec as on an Apple silicon Mac, with PyInstaller's build steps
    recorded."""
    import PyInstaller.utils.hooks  # noqa: F401 (imported before sys.platform is changed)

    called: dict[str, dict[str, Any]] = {}

    def step(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> SimpleNamespace:
            called[name] = kwargs
            return SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])

        return record

    spec = ROOT / "packaging" / "konnekta-desktop.spec"
    names: dict[str, Any] = {
        "SPECPATH": str(spec.parent),
        "__name__": "__main__",
        **{name: step(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platform, "machine", lambda: "arm64")  # the build runner's Apple silicon
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec adds packaging/
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), names)
    monkeypatch.undo()
    plist: dict[str, Any] = called["BUNDLE"]["info_plist"]
    return plist


@pytest.mark.slow
def test_the_app_asks_for_the_macos_its_bundled_qt_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spec said 12.0, but PySide6 6.12's wheels load only on macOS 14 and later."""
    plist = spec_info_plist(monkeypatch)
    assert plist["LSMinimumSystemVersion"] == qt_wheels_minimum()
    assert plist["LSMinimumSystemVersion"] == macos_minimum.minimum_macos(LOCK, "arm64")
    assert plist["CFBundleURLTypes"][0]["CFBundleURLSchemes"] == ["tel", "callto"]


def test_the_minimum_is_the_newest_that_any_bundled_wheel_needs() -> None:
    wheels = {
        "a": ["a-1-cp312-cp312-macosx_11_0_arm64.whl", "a-1-cp312-cp312-macosx_10_13_x86_64.whl"],
        "q": ["q-6-cp310-abi3-macosx_14_0_universal2.whl", "q-6-cp310-abi3-win_amd64.whl"],
        "pure": ["pure-1-py3-none-any.whl"],
    }
    needs = {name: macos_minimum.package_minimum(files, "arm64") for name, files in wheels.items()}
    assert needs == {"a": (11, 0), "q": (14, 0), "pure": None}
    assert macos_minimum.package_minimum(wheels["a"], "x86_64") == (10, 13)
    # Another Python's wheel is not the one installed.
    assert macos_minimum.wheel_minimum("b-1-cp313-cp313-macosx_15_0_arm64.whl", "arm64") is None


def test_a_mac_that_no_locked_wheel_fits_is_refused_by_name() -> None:
    with pytest.raises(macos_minimum.NoWheel, match="cryptography"):
        macos_minimum.package_minimum(
            ["cryptography-50.0.2-cp311-abi3-macosx_11_0_arm64.whl"], "x86_64"
        )


def test_only_what_the_app_runs_with_counts() -> None:
    lock = tomllib.loads(LOCK.read_text(encoding="utf-8"))
    bundled = macos_minimum.bundled_packages(lock, "arm64")
    assert {"pyside6-essentials", "shiboken6", "msgspec", "keyring"} <= bundled
    assert not {"pyinstaller", "pytest", "mypy"} & bundled  # the dev group is not bundled


def test_pyside6_floor_leaves_out_the_releases_that_lost_macos_link_events() -> None:
    """PySide6 6.8.0-6.8.2 lost open-URL events on macOS (QTBUG-134316): tel: links vanished."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirement = next(
        Requirement(line)
        for line in project["project"]["dependencies"]
        if Requirement(line).name.lower() == "pyside6-essentials"
    )
    for lost in ("6.8.0", "6.8.1", "6.8.2"):
        assert not requirement.specifier.contains(lost)
    assert not requirement.specifier.contains("6.8.3")  # the floor is 6.9 or later
    lock = tomllib.loads(LOCK.read_text(encoding="utf-8"))
    locked = next(p["version"] for p in lock["package"] if p["name"] == "pyside6-essentials")
    assert locked.startswith("6.12.")
    assert requirement.specifier.contains(locked)
