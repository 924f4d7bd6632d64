"""The installed program: the Linux one-folder bundle builds from the spec and connects to its demo."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_bundle.sh"


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.skipif(sys.platform != "linux", reason="the bundle smoke test is the Linux build")
def test_linux_bundle_builds_starts_offscreen_connects_to_its_demo_and_exits_0(
    tmp_path: Path,
) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (uv sync --group dev installs it)")
    if shutil.which("bash") is None:
        pytest.skip("the build script needs bash")
    environment = {
        **os.environ,
        "PYINSTALLER": f"{sys.executable} -m PyInstaller",
        "BUNDLE_DIR": str(tmp_path / "bundle"),
    }
    result = subprocess.run(
        ["bash", str(SCRIPT)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=840,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "smoke test passed" in result.stdout
    assert re.search(r"^version: konnekta-desktop \d", result.stdout, re.MULTILINE)
    assert re.search(r"^time to connected: [\d.]+ s", result.stdout, re.MULTILINE)
    assert re.search(r"^bundle size: ", result.stdout, re.MULTILINE)
    bundle = tmp_path / "bundle" / "dist" / "konnekta-desktop"
    assert (bundle / "_internal" / "resources" / "icons" / "app.svg").is_file()
    assert (bundle / "_internal" / "docs" / "konnekta-openapi.yaml").is_file()
    print(result.stdout)  # build time, time to connected and size, for the CI log
