"""The build workflow (.github/workflows/build.yml): valid as GitHub reads it (actionlint, and
check-jsonschema with GitHub's workflow schema), on runner images that exist, and with actions
on a Node that GitHub still runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"

# Labels GitHub has retired (actions/runner-images): a job asking for one never gets a runner.
RETIRED_LABELS = {"macos-12", "macos-13", "macos-14", "ubuntu-20.04", "windows-2019"}
APPLE_SILICON_LABELS = {"macos-15", "macos-26", "macos-latest"}
# The first major version of each action that runs on Node 24 (Node 20 is being removed).
NODE24_MAJORS = {"actions/checkout": 5, "actions/upload-artifact": 6, "astral-sh/setup-uv": 7}


def workflow() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return document


def run_tool(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Runs a dev-group tool from this environment; skips when it is missing or cannot run."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed: run `uv sync --group dev`")
    try:
        return subprocess.run(
            [found, *arguments], capture_output=True, text=True, timeout=120, check=False
        )
    except OSError as error:
        pytest.skip(f"{name} cannot run on this machine: {error}")


def test_actionlint_finds_nothing_to_fix() -> None:
    # shellcheck and pyflakes off: whether they are installed differs between machines.
    result = run_tool("actionlint", "-no-color", "-shellcheck=", "-pyflakes=", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_matches_githubs_schema() -> None:
    result = run_tool(
        "check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_job_asks_for_a_runner_image_that_exists() -> None:
    labels = {name: job["runs-on"] for name, job in workflow()["jobs"].items()}
    assert not RETIRED_LABELS & set(labels.values()), labels
    assert labels["macos"] in APPLE_SILICON_LABELS


def test_actions_run_on_a_current_node() -> None:
    used = [
        step["uses"]
        for job in workflow()["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert used
    for action in used:
        name, _, version = action.partition("@")
        major = re.match(r"v(\d+)", version)
        assert major is not None, action
        assert int(major.group(1)) >= NODE24_MAJORS.get(name, 0), action
