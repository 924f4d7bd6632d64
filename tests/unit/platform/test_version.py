"""`--version` prints the app's version and exits 0 (as installers and support scripts expect)."""

from __future__ import annotations

import pytest

from konnekta_desktop import __version__
from konnekta_desktop.cli import main


def test_version_prints_the_name_and_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"konnekta-desktop {__version__}\n"
