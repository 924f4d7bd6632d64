"""Help: the shortcut table binds every action and is what Help > Keyboard shortcuts shows; About;
the diagnostics zip and the log folder. Through the window's actions, and the help functions on
their own."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from konnekta_desktop import __version__
from konnekta_desktop.core.session import Session
from konnekta_desktop.settings import AppPaths, Secret, Settings
from konnekta_desktop.ui.shortcuts import SHORTCUTS, shortcut, shortcut_rows
from konnekta_desktop.ui.switchboard import MainWindow
from konnekta_desktop.ui.switchboard import help as help_menu
from konnekta_desktop.ui.tasks import TaskRunner


def test_every_action_has_the_keys_of_the_table(window: MainWindow) -> None:
    assert set(window.actions_by_name) == {entry.action for entry in SHORTCUTS}
    for entry in SHORTCUTS:
        bound = [k.toString() for k in window.actions_by_name[entry.action].shortcuts()]
        assert bound == [QKeySequence(keys).toString() for keys in entry.keys]


def test_no_key_is_bound_twice() -> None:
    keys = [QKeySequence(k).toString() for entry in SHORTCUTS for k in entry.keys]
    assert len(keys) == len(set(keys))


def test_numeric_keypad_scheme() -> None:
    by_action = {entry.action: entry.keys for entry in SHORTCUTS}
    assert "Num+-" in by_action["hang_up"]
    assert {"Num+,", "Num+."} <= set(by_action["dial"])
    assert {"Shift+Num+,", "Shift+Num+."} <= set(by_action["dial_mobile"])
    assert "Ctrl+Num++" in by_action["transfer"]


def test_help_dialog_lists_the_same_table(window: MainWindow) -> None:
    window.show_shortcuts()
    table = window.findChild(QTableWidget, "shortcutTable")
    assert table is not None
    rows = shortcut_rows()
    assert table.rowCount() == len(rows)
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [d for _k, d in rows]


def test_about_names_versions_and_the_licence(window: MainWindow) -> None:
    text = window.about_text()
    assert "GPL-3.0-or-later" in text
    assert "Qt " in text
    assert "Python " in text


def test_help_lists_save_diagnostics_and_open_log_folder_with_their_keys(
    window: MainWindow,
) -> None:
    help_menu = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Help"
    )
    assert isinstance(help_menu, QMenu)
    listed = [action for action in help_menu.actions() if not action.isSeparator()]
    assert window.actions_by_name["save_diagnostics"] in listed
    assert window.actions_by_name["open_log_folder"] in listed
    rows = dict((description, keys) for keys, description in shortcut_rows())
    assert rows[shortcut("save_diagnostics").description] == "Ctrl+Shift+S"
    assert rows[shortcut("open_log_folder").description] == "Ctrl+Shift+L"


def with_files(session: Session, folder: Path) -> AppPaths:
    """Give the window's session the folders a real one has (the fixture's keeps no files)."""
    paths = AppPaths.for_dir(folder)
    paths.create()
    session.paths = paths
    return paths


def test_save_diagnostics_writes_the_zip_where_the_operator_chose_without_secrets(
    window: MainWindow,
    session: Session,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths = with_files(session, tmp_path / "konnekta")
    session.settings = Settings(
        client_secret=Secret("client-secret-value"), password=Secret("operator-password")
    )
    (paths.log_dir / "konnekta-desktop.log").write_text(
        "INFO started\nWARNING login with operator-password failed\n", encoding="utf-8"
    )
    chosen = tmp_path / "for support"  # no suffix: .zip is added
    asked: list[str] = []

    def save_file_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[1]))  # the dialog's title; the path is the operator's answer
        return str(chosen), "Zip files (*.zip)"

    # The file dialog cannot be answered offscreen: its answer is given at the edge.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))

    window.actions_by_name["save_diagnostics"].trigger()

    qtbot.waitUntil(lambda: "Diagnostics saved" in window.message_bar.text())
    assert asked == ["Save diagnostics"]
    written = tmp_path / "for support.zip"
    assert str(written) in window.message_bar.text()
    with zipfile.ZipFile(written) as archive:
        log_text = archive.read("logs/konnekta-desktop.log").decode()
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert "WARNING login with" in log_text
    assert b"operator-password" not in everything
    assert b"client-secret-value" not in everything


def test_save_diagnostics_cancelled_writes_nothing(
    window: MainWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_files(session, tmp_path / "konnekta")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    window.actions_by_name["save_diagnostics"].trigger()
    assert not list(tmp_path.rglob("*.zip*"))
    assert not window.message_bar.isVisible()


def test_open_log_folder_asks_the_desktop_to_show_the_log_folder(
    window: MainWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = with_files(session, tmp_path / "konnekta")
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    # No desktop to open a file manager in offscreen tests: the request is caught at the edge.
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    window.actions_by_name["open_log_folder"].trigger()
    assert [Path(url.toLocalFile()) for url in opened] == [paths.log_dir]
    assert not window.message_bar.isVisible()


def test_open_log_folder_that_cannot_be_shown_names_the_folder(
    window: MainWindow, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = with_files(session, tmp_path / "konnekta")
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    window.open_log_folder()
    assert str(paths.log_dir) in window.message_bar.text()


# -- the help functions on their own ----------------------------------------------------------------


def test_about_names_this_version() -> None:
    assert f"Konnekta Desktop {__version__}" in help_menu.about_text()


def test_the_shortcuts_dialog_opens_over_its_parent_without_blocking(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    help_menu.show_shortcuts(parent)
    table = parent.findChild(QTableWidget, "shortcutTable")
    assert table is not None
    assert table.rowCount() == len(shortcut_rows())
    assert table.window().isVisible()


def test_a_session_without_log_files_has_no_diagnostics_and_no_log_folder(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert session.paths is None
    errors: list[str] = []
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(asked.append))
    help_menu.save_diagnostics(
        QWidget(), session, TaskRunner(errors.append), errors.append, errors.append
    )
    help_menu.open_log_folder(session, errors.append)
    assert errors == [
        "This session keeps no log files, so there is nothing to save.",
        "This session keeps no log files.",
    ]
    assert asked == []  # nowhere to ask for


def test_keys_are_named_as_the_operator_reads_them_in_the_help_and_the_menus(
    window: MainWindow,
) -> None:
    """Operator polish, item 9: "Num+,, Num+., Ctrl+D" in the help and keypad names in the Call
    menu. The keypad's , and . (one key on different layouts) are named once."""
    rows = {description: keys for keys, description in shortcut_rows()}
    assert rows[shortcut("dial").description] == "Keypad decimal key or Ctrl+D"
    assert rows[shortcut("hang_up").description] == "Keypad − or F5"
    assert rows[shortcut("transfer").description] == "Ctrl+Keypad + or F4"
    assert not any("Num" in keys for keys in rows.values())
    dial = window.actions_by_name["dial"]
    assert dial.text().split("\t")[1] == "Keypad decimal key or Ctrl+D"  # what the menu shows
    assert len(dial.shortcuts()) == 3  # every key still works
