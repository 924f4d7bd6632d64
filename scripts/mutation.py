"""Mutation testing of the rule modules: would their unit tests notice a broken rule?

For each rule module, mutmut changes the code one small step at a time (a `>=` to `>`, a constant
by one, an argument dropped) and runs that module's own unit tests against each change; a change
that no test fails "survives". The score is killed mutants / all mutants, per module.

    uv run python scripts/mutation.py                    # every rule module, one after another
    uv run python scripts/mutation.py wrapup signing     # only these
    uv run python scripts/mutation.py sync --survivors   # and print each survivor's diff
    uv run python scripts/mutation.py --list             # the modules and their tests

Each module runs in `.mutation/<module>/` (kept out of git), a fresh folder each time, with the
package and tests linked in and the project's `[tool.mutmut]` settings narrowed to that module and
its tests. Slow (about 3 minutes for all on 2 cores), so not part of CI; docs/mutation.md keeps
the scores and the survivors judged equivalent. Exits 1 when a module scores below --minimum.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".mutation"


@dataclass(frozen=True)
class RuleModule:
    name: str
    sources: tuple[str, ...]
    tests: tuple[str, ...]


RULE_MODULES = (
    RuleModule(
        "monitoring",
        ("konnekta_desktop/core/monitoring.py",),
        ("tests/unit/core/test_monitoring.py", "tests/unit/core/test_monitoring_rules.py"),
    ),
    RuleModule(
        "appointments",
        ("konnekta_desktop/core/appointments.py", "konnekta_desktop/domain/appointments.py"),
        ("tests/unit/core/test_appointments.py", "tests/unit/core/test_appointment_rules.py"),
    ),
    RuleModule(
        "presence",
        ("konnekta_desktop/core/presence.py",),
        ("tests/unit/core/test_presence.py", "tests/unit/core/test_presence_rules.py"),
    ),
    RuleModule(
        "replay",
        ("konnekta_desktop/listener/replay.py",),
        ("tests/unit/listener/test_replay_guard.py", "tests/unit/listener/test_replay_rules.py"),
    ),
    RuleModule(
        "wrapup",
        ("konnekta_desktop/core/wrapup.py",),
        ("tests/unit/core/test_wrapup.py", "tests/unit/core/test_wrapup_rules.py"),
    ),
    RuleModule(
        "numbers",
        ("konnekta_desktop/domain/numbers.py",),
        ("tests/unit/core/test_numbers.py", "tests/unit/domain/test_number_edges.py"),
    ),
    RuleModule(
        "signing",
        ("konnekta_desktop/konnekta/signing.py",),
        (
            "tests/unit/konnekta/test_signing.py",
            "tests/unit/konnekta/test_signing_reference.py",
            "tests/unit/konnekta/test_signing_rules.py",
        ),
    ),
    RuleModule(
        "sync",
        ("konnekta_desktop/core/sync.py",),
        ("tests/unit/core/test_sync.py", "tests/unit/core/test_sync_rules.py"),
    ),
)

# A pytest plugin for the runs: the package's `lru_cache`s are emptied before each test. mutmut runs
# the tests once to learn which test reaches which function, and forks every mutant's run from that
# process: a number cached there would be answered from the cache, never reaching the mutated code
# (and the test would not even be counted as reaching it).
FRESH_CACHES = "mutation_fresh_caches"
FRESH_CACHES_PLUGIN = '''"""Empties every functools cache of konnekta_desktop before each test (scripts/mutation.py)."""

import sys


def pytest_runtest_setup(item):
    for name, module in list(sys.modules.items()):
        if name.startswith("konnekta_desktop") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
'''

# mutmut's words for what became of a mutant. A timeout is a mutant the tests stopped (it looped).
CAUGHT = {"killed", "timeout", "caught by type check"}


@dataclass(frozen=True)
class Score:
    module: str
    statuses: Counter[str]
    survivors: tuple[str, ...]
    seconds: float

    @property
    def killed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status in CAUGHT)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 0.0


def _settings(module: RuleModule) -> dict[str, object]:
    """The project's pyproject.toml with `[tool.mutmut]` narrowed to one module and its tests."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    mutmut = dict(project.get("tool", {}).get("mutmut", {}))
    mutmut["only_mutate"] = list(module.sources)
    mutmut["pytest_add_cli_args_test_selection"] = list(module.tests)
    mutmut["pytest_add_cli_args"] = [*mutmut.get("pytest_add_cli_args", []), "-p", FRESH_CACHES]
    mutmut["also_copy"] = [*mutmut.get("also_copy", []), f"{FRESH_CACHES}.py"]
    project.setdefault("tool", {})["mutmut"] = mutmut
    return project


def _mutmut(folder: Path, *arguments: str, log: Path | None = None) -> str:
    command = [sys.executable, "-m", "mutmut", *arguments]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if log is None:
        done = subprocess.run(
            command, cwd=folder, env=environment, capture_output=True, text=True, check=True
        )
        return done.stdout
    with log.open("w", encoding="utf-8") as out:
        subprocess.run(command, cwd=folder, env=environment, stdout=out, stderr=out, check=True)
    return ""


def run(module: RuleModule) -> Score:
    """A fresh mutmut run over one module with its own tests (mutmut reuses files it finds)."""
    for path in (*module.sources, *module.tests):
        if not (ROOT / path).is_file():
            raise SystemExit(f"{module.name}: {path} does not exist")
    folder = WORK / module.name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for linked in ("konnekta_desktop", "tests"):
        (folder / linked).symlink_to(ROOT / linked, target_is_directory=True)
    (folder / "pyproject.toml").write_bytes(tomli_w.dumps(_settings(module)).encode())
    (folder / f"{FRESH_CACHES}.py").write_text(FRESH_CACHES_PLUGIN, "utf-8")

    started = time.monotonic()
    log = folder / "run.log"
    try:
        _mutmut(folder, "run", log=log)
    except subprocess.CalledProcessError:
        raise SystemExit(f"{module.name}: mutmut failed, see {log}") from None
    seconds = time.monotonic() - started

    statuses: Counter[str] = Counter()
    survivors: list[str] = []
    for line in _mutmut(folder, "results", "--all", "true").splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        statuses[status] += 1
        if status not in CAUGHT:
            survivors.append(name)
    return Score(module.name, statuses, tuple(survivors), seconds)


def show(module: RuleModule, mutant: str) -> str:
    return _mutmut(WORK / module.name, "show", mutant)


def main() -> int:
    names = [module.name for module in RULE_MODULES]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(names))
    parser.add_argument("--survivors", action="store_true", help="print each survivor's diff")
    parser.add_argument("--minimum", type=float, default=90.0, help="lowest score (%%) accepted")
    parser.add_argument("--list", action="store_true", help="list the modules and their tests")
    options = parser.parse_args()
    if unknown := set(options.modules) - set(names):
        parser.error(f"no rule module {', '.join(sorted(unknown))}; choose from {', '.join(names)}")
    chosen = [m for m in RULE_MODULES if not options.modules or m.name in options.modules]

    if options.list:
        for module in chosen:
            print(f"{module.name}: {', '.join(module.sources)}")
            for test in module.tests:
                print(f"    {test}")
        return 0

    scores: list[Score] = []
    for module in chosen:
        print(f"{module.name}: mutating {', '.join(module.sources)} ...", flush=True)
        score = run(module)
        scores.append(score)
        print(
            f"{module.name}: {score.killed}/{score.total} killed ({score.percent:.0f} %) "
            f"in {score.seconds:.0f} s; {dict(score.statuses)}",
            flush=True,
        )
        for mutant in score.survivors:
            print(f"    {mutant}")
            if options.survivors:
                print(show(module, mutant))

    print()
    print(f"{'module':<14}{'killed/all':>12}{'score':>8}")
    for score in scores:
        print(f"{score.module:<14}{f'{score.killed}/{score.total}':>12}{score.percent:>7.0f}%")
    below = [score.module for score in scores if score.percent < options.minimum]
    if below:
        print(f"below {options.minimum:.0f} %: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
