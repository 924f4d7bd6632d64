"""A switchboard that cannot start says why in a window, never with a traceback (Hardening on the
desktop, item 2: the error escaped start-up and the window vanished)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from konnekta_desktop.app import run_gui
from konnekta_desktop.runtime import LaunchOptions


@pytest.mark.usefixtures("restore_logging")
def test_a_damaged_data_file_ends_in_a_window_saying_what_to_do(
    qapp: QApplication, tmp_path: Path
) -> None:
    store = tmp_path / "data" / "konnekta-desktop.sqlite3"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"not a database at all " * 50)
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(20, read_and_close)
    code = run_gui(LaunchOptions(config_dir=tmp_path))

    assert code == 2
    assert len(shown) == 1
    assert f"The data file {store} is damaged" in shown[0]
    assert "move the file away" in shown[0]
    logged = (tmp_path / "logs" / "konnekta-desktop.log").read_text()
    assert "Cannot start: The data file" in logged  # and in the log, with its reason
    assert "Traceback" not in logged
    assert store.read_bytes().startswith(b"not a database")  # left for the operator to keep
