"""The Help menu's contents: the keyboard shortcuts, About, saving the diagnostics zip for support,
and opening the log folder.

Functions over what each needs (the window as the dialogs' parent, the session, the task runner
and where to report); the window binds them to its actions.
"""

from __future__ import annotations

import asyncio
import platform
from collections.abc import Callable
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import __version__, diagnostics
from ...private_files import make_folder
from ..bridge import AppSession
from ..shortcuts import shortcut_rows
from ..tasks import Failure, TaskRunner

__all__ = ["about_text", "open_log_folder", "save_diagnostics", "show_about", "show_shortcuts"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate

Report = Callable[[str], None]


def show_shortcuts(parent: QWidget) -> None:
    """The shortcut table, as bound (`ui/shortcuts.py`), in a dialog that does not block."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("MainWindow", "Keyboard shortcuts"))
    layout = QVBoxLayout(dialog)
    rows = shortcut_rows()
    table = QTableWidget(len(rows), 2)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setObjectName("shortcutTable")
    table.setAccessibleName(translate("MainWindow", "Keyboard shortcuts"))
    table.setHorizontalHeaderLabels(
        [translate("MainWindow", "Keys"), translate("MainWindow", "Action")]
    )
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    for row, (keys, description) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(description))
    table.resizeColumnToContents(0)
    table.horizontalHeader().setStretchLastSection(True)
    table.resizeRowsToContents()
    layout.addWidget(table)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(760, 560)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()


def about_text() -> str:
    return translate(
        "MainWindow",
        "<h3>Konnekta Desktop {version}</h3>"
        "<p>A switchboard for companies on the Dstny Konnekta cloud PBX.</p>"
        "<p>Qt {qt} (PySide6 {pyside}), Python {python}</p>"
        "<p>Licence: GNU General Public License, version 3 or later "
        "(GPL-3.0-or-later). This program comes with no warranty.</p>",
    ).format(
        version=__version__,
        qt=qVersion(),
        pyside=PySide6.__version__,
        python=platform.python_version(),
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("MainWindow", "About Konnekta Desktop"), about_text())


def _known_secrets(session: AppSession) -> list[str]:
    settings = session.settings
    if settings is None:
        return []
    return [settings.client_secret.reveal(), settings.password.reveal()]


def save_diagnostics(
    parent: QWidget, session: AppSession, tasks: TaskRunner, show_error: Report, show_info: Report
) -> None:
    """Ask where, then write the zip for support (logs, settings, versions; no secrets)."""
    paths = session.paths
    if paths is None:
        show_error(
            translate("MainWindow", "This session keeps no log files, so there is nothing to save.")
        )
        return
    suggested = Path.home() / diagnostics.default_file_name()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("MainWindow", "Save diagnostics"),
        str(suggested),
        translate("MainWindow", "Zip files (*.zip)"),
    )
    if not chosen:
        return
    destination = Path(chosen)
    if destination.suffix.lower() != ".zip":
        destination = destination.with_name(destination.name + ".zip")
    secrets = _known_secrets(session)

    async def save() -> Path:
        try:
            return await asyncio.to_thread(
                diagnostics.save_diagnostics,
                destination,
                paths,
                secrets=secrets,
                qt_version=qVersion(),
            )
        except OSError as error:
            raise Failure(
                translate(
                    "MainWindow",
                    "The diagnostics could not be saved to {path}: {reason}. Choose another "
                    "folder.",
                ).format(path=destination, reason=error.strerror or error)
            ) from None

    def saved(path: Path) -> None:
        show_info(
            translate(
                "MainWindow",
                "Diagnostics saved to {path}. The file holds the logs, the settings and the "
                "versions, without passwords or secrets: send it to your support.",
            ).format(path=path)
        )

    tasks.run(save(), key="diagnostics", on_success=saved)


def open_log_folder(session: AppSession, show_error: Report) -> None:
    paths = session.paths
    if paths is None:
        show_error(translate("MainWindow", "This session keeps no log files."))
        return
    folder = Path(paths.log_dir)
    make_folder(folder)  # owner-only, as every folder of the app
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        show_error(
            translate("MainWindow", "The log folder could not be opened. It is {folder}.").format(
                folder=folder
            )
        )
