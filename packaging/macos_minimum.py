"""The oldest macOS the app bundle runs on, read from the wheels uv.lock pins for it.

The bundle carries its dependencies' macOS wheels as they are, and each wheel's platform tag
(`macosx_14_0_universal2`) names the oldest macOS its binaries load on; the bundle needs the
newest of those. The PyInstaller spec writes it as `LSMinimumSystemVersion`, so that macOS refuses
the app with a clear message on an older system instead of it crashing at start.

    uv run python packaging/macos_minimum.py [arm64|x86_64]
"""

from __future__ import annotations

import platform
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parent.parent
PYTHON = (3, 12)  # the Python the bundle is built with (PYTHON_VERSION in build.yml)
_WHEEL = re.compile(
    r"^(?P<name>[^-]+)-(?P<version>[^-]+)(-\d[^-]*)?-(?P<python>[^-]+)-(?P<abi>[^-]+)-(?P<platform>[^-]+)\.whl$"
)
_MACOS = re.compile(r"^macosx_(?P<major>\d+)_(?P<minor>\d+)_(?P<arch>\w+)$")
# Which wheel architectures run natively on a Mac of each kind.
_ARCHES = {
    "arm64": {"arm64", "universal2"},
    "x86_64": {"x86_64", "intel", "universal", "universal2"},
}


def _environment(arch: str) -> dict[str, str]:
    major, minor = PYTHON
    return {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "os_name": "posix",
        "platform_machine": arch,
        "python_version": f"{major}.{minor}",
        "python_full_version": f"{major}.{minor}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }


def bundled_packages(
    lock: Mapping[str, Any], arch: str, root: str = "konnekta-desktop"
) -> set[str]:
    """The packages the app needs at run time on a Mac (its dependencies, not the dev group)."""
    packages = {package["name"]: package for package in lock["package"]}
    environment = _environment(arch)
    seen: set[tuple[str, tuple[str, ...]]] = set()
    todo: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        package = packages[name]
        wanted = list(package.get("dependencies", []))
        for extra in extras:
            wanted += package.get("optional-dependencies", {}).get(extra, [])
        for dependency in wanted:
            marker = dependency.get("marker")
            if marker and not Marker(marker).evaluate(environment):
                continue
            todo.append((dependency["name"], tuple(dependency.get("extra", ()))))
    return {name for name, _ in seen} - {root}


def _runs_with_our_python(python: str, abi: str) -> bool:
    major, minor = PYTHON
    for tag in python.split("."):
        if tag in (f"py{major}", f"py{major}{minor}", f"cp{major}{minor}"):
            return True
        found = re.fullmatch(rf"cp{major}(\d+)", tag)
        if found and abi == "abi3" and int(found.group(1)) <= minor:
            return True
    return False


def wheel_minimum(filename: str, arch: str) -> tuple[int, int] | None:
    """The macOS version a wheel needs on a Mac of `arch`, or None when it is not for that Mac."""
    wheel = _WHEEL.match(filename)
    if wheel is None or not _runs_with_our_python(wheel["python"], wheel["abi"]):
        return None
    versions = [
        (int(tag["major"]), int(tag["minor"]))
        for tag in (_MACOS.match(part) for part in wheel["platform"].split("."))
        if tag is not None and tag["arch"] in _ARCHES[arch]
    ]
    return min(versions) if versions else None


class NoWheel(Exception):
    """A bundled package has binary wheels, but none for this Mac: uv would build it from source."""


def package_minimum(wheels: Iterable[str], arch: str) -> tuple[int, int] | None:
    """What the wheel uv installs for a package needs (None: a pure-Python wheel, or no wheels).

    uv prefers the newest macOS tag the build machine allows, and the build machine is at least
    as new as every wheel it installs. Raises `NoWheel` when none of the wheels fits."""
    names = list(wheels)
    needs = [need for need in (wheel_minimum(name, arch) for name in names) if need is not None]
    if needs:
        return max(needs)
    if names and not any(name.endswith("-none-any.whl") for name in names):
        raise NoWheel(f"{names[0].split('-')[0]} has no wheel for macOS {arch} in uv.lock")
    return None


def minimum_macos(lock_file: Path = ROOT / "uv.lock", arch: str | None = None) -> str:
    """The oldest macOS ("14.0") the bundle built from `lock_file` runs on, on a Mac of `arch`
    (default: this machine's)."""
    arch = arch or platform.machine()
    arch = "x86_64" if arch in ("x86_64", "amd64", "AMD64") else "arm64"
    lock = tomllib.loads(lock_file.read_text(encoding="utf-8"))
    packages = {package["name"]: package for package in lock["package"]}
    needs = [(10, 13)]  # the oldest any current Python runs on
    for name in bundled_packages(lock, arch):
        wheels = [wheel["url"].rsplit("/", 1)[-1] for wheel in packages[name].get("wheels", [])]
        need = package_minimum(wheels, arch)
        if need is not None:
            needs.append(need)
    major, minor = max(needs)
    return f"{major}.{minor}"


if __name__ == "__main__":
    print(minimum_macos(arch=sys.argv[1] if len(sys.argv) > 1 else None))
