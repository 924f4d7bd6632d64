"""The switchboard window: colleague grid, call panel, dial bar, my own settings, and the status bar.

Every action is a QAction bound from the one shortcut table (`ui/shortcuts.py`); every command runs
through `TaskRunner`, so a refusal from Konnekta appears in the message bar in plain words.
"""

from __future__ import annotations

import asyncio
import logging
import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
    qVersion,
)
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, diagnostics
from ..autostart import apply_start_at_login
from ..core.model import Colleague, ModelChange
from ..core.monitoring import monitoring_number
from ..core.numbers import NumberError
from ..core.presence import StateClass
from ..core.status import Connection, ConnectionStatus
from ..domain.types import CallingDevice, LineType, Right
from ..settings import Settings, get_option, validate
from .bridge import Bridge, UiSession, operator_of
from .call_choice import PanelCall, answered_by_colleague, my_talking_call
from .call_panel import CallPanel
from .calls import CallTableModel
from .colleague_search import filter_words
from .colleagues import USER_ID_ROLE, ColleagueColumn, ColleagueFilterProxy, ColleagueTableModel
from .confirm import ask
from .icons import app_icon, availability_icon, tray_icon
from .refusal_words import words
from .settings.labels import option_label
from .shortcuts import key_sequences, shortcut, shortcut_rows
from .single_instance import parse_dial_target
from .state_names import shown_name
from .tasks import Failure, TaskRunner
from .texts import DEVICES, calling_from_text, device_label, dial_from_text

log = logging.getLogger(__name__)

__all__ = ["APP_NAME", "MainWindow", "device_label"]

APP_NAME = "Konnekta Desktop"
_FILTER_DELAY_MS = 120  # type-to-filter waits for a pause in typing
# The grid, the call panel and the count follow the model at most once every two frames at 60 Hz,
# not once per batch: at 1,000 events/s the call panel changes every time, and repainting it at
# 60 Hz cost a fifth of a core.
_UPDATE_DELAY_MS = 33


def colleague_number(colleague: Colleague) -> str | None:
    """The number to call or transfer to for a colleague: the fixed line, else the mobile."""
    lines = colleague.user.lines
    fixed = [line for line in lines if line.type is LineType.FIXED]
    if fixed:
        return monitoring_number(fixed[0])
    return lines[0].number if lines else None


@dataclass(slots=True)
class _MyUser:
    """The operator's own user id, as the window last found it."""

    id: str | None = None

    def get(self) -> str | None:
        return self.id


@dataclass(slots=True)
class _PendingUpdate:
    """What the window has yet to show, merged from the model's changes and new shown states."""

    users: set[str] = field(default_factory=set)  # colleagues whose row changed
    calls: bool = False  # the call panel
    operator: bool = False  # my own entry, or who I am
    my_state: bool = False  # my shown state

    def __bool__(self) -> bool:
        return bool(self.users or self.calls or self.operator or self.my_state)


class MessageBar(QFrame):
    """Errors and notices at the top of the window, in plain words, until the operator closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)  # always: text is escaped below
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Message"))
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close this message (Ctrl+E)"))
        self.close_button.setAccessibleName(self.tr("Close the message"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.kind = kind
        # Fixed mid-tone colours with dark text read the same in light and dark mode.
        colours = {"error": ("#ffe3e3", "#c92a2a"), "info": ("#e7f5ff", "#1c7ed6")}
        background, edge = colours.get(kind, colours["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {edge}; "
            "border-radius: 4px; } #messageBar QLabel { color: #212529; }"
            "#messageBar QToolButton { color: #212529; }"
        )
        prefix = self.tr("Error:") if kind == "error" else ""
        self.label.setText(f"<b>{prefix}</b> {_escape(text)}" if prefix else _escape(text))
        self.setAccessibleDescription(text)
        self.show()

    def text(self) -> str:
        return self.accessibleDescription() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.hide()
        self.kind = ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MainWindow(QMainWindow):
    """The switchboard. `quit_requested` fires when the operator quits (or closes the window
    when there is no tray to hide to)."""

    quit_requested = Signal()
    settings_applied = Signal(object)  # Settings, once the session uses them

    def __init__(self, session: UiSession, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # Makes the login item match the setting; the app passes the real one, tests a stand-in.
        self.start_at_login: Callable[[bool], None] = apply_start_at_login
        self.bridge = bridge
        self.hide_to_tray = False
        self.tasks = TaskRunner(self.show_error)
        # Shared with the call model through a plain holder, not a reference to the window: a
        # child model holding its window in a cycle let the garbage collector free the window
        # while Qt was still delivering one of its timer events (a crash in the GUI tests).
        self._me = _MyUser()
        self._wrapups: dict[str, QDialog] = {}
        self._settings_dialog: QDialog | None = None
        self._question: QMessageBox | None = None
        # The grid's current colleague, by id: a reset of the grid keeps them, not their row.
        self._current_colleague: str | None = None
        self._resetting_grid = False
        self._first_run_notice = ""
        self._status = session.connector.status
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(_FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self._pending = _PendingUpdate()
        self._update_timer = QTimer(self)
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(_UPDATE_DELAY_MS)
        self._update_timer.timeout.connect(self.flush_pending)

        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        title = APP_NAME + (" — " + self.tr("Demo") if session.demo else "")
        self.setWindowTitle(title)
        self.resize(1280, 720)
        self.setMinimumSize(900, 560)

        # The session replaces its number plan when the number settings change: read it afresh.
        self.colleague_model = ColleagueTableModel(
            session.model, lambda: session.plan, session.presence, self
        )
        self.proxy = ColleagueFilterProxy(self)
        self.proxy.setSourceModel(self.colleague_model)
        self.call_model = CallTableModel(
            session.model,
            lambda: session.plan,
            self._me.get,
            session.connector.clock.now,
            self,
        )

        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._refresh_operator()
        self.call_panel.refresh()
        self.show_status(session.connector.status)

        bridge.model_changed.connect(self.on_model_changed)
        bridge.status_changed.connect(self.show_status)
        bridge.presence_changed.connect(self.on_presence_changed)
        bridge.wrapup_pending.connect(self.open_wrapup)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._update_last_event)
        self._clock_timer.start()
        self._update_last_event()

    # -- building --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        handlers: dict[str, tuple[str, Callable[[], Any]]] = {
            "dial": (self.tr("&Dial"), lambda: self.dial_current(None)),
            "dial_mobile": (
                self.tr("Dial from &mobile phone"),
                lambda: self.dial_current(CallingDevice.MOBILE),
            ),
            "dial_teams": (
                self.tr("Dial from &Teams"),
                lambda: self.dial_current(CallingDevice.TEAMS),
            ),
            "hang_up": (self.tr("&Hang up"), self.hang_up),
            "transfer": (self.tr("&Transfer"), self.transfer),
            "focus_dial": (self.tr("Go to the dial &bar"), self.focus_dial_bar),
            "focus_filter": (self.tr("Go to the &filter"), self.focus_filter),
            "focus_colleagues": (self.tr("Go to the &colleagues"), self.focus_grid),
            "focus_calls": (self.tr("Go to the c&alls"), self.focus_calls),
            "my_state": (self.tr("My &state…"), self.focus_my_state),
            "my_forwarding": (self.tr("My &forwarding…"), self.focus_my_forwarding),
            "my_caller_id": (self.tr("My &caller ID…"), self.focus_my_caller_id),
            "settings": (self.tr("&Settings…"), self.open_settings),
            "wrap_up": (self.tr("Pending &wrap-ups"), self.open_pending_wrapups),
            "dial_clipboard": (self.tr("Dial the number on the &clipboard"), self.dial_clipboard),
            "dismiss_message": (self.tr("Close the &message"), self.dismiss_message),
            "save_diagnostics": (self.tr("Save &diagnostics…"), self.save_diagnostics),
            "open_log_folder": (self.tr("Open the &log folder"), self.open_log_folder),
            "shortcuts_help": (self.tr("&Keyboard shortcuts"), self.show_shortcuts),
            "hide": (self.tr("&Close window"), self.close),
            "quit": (self.tr("&Quit"), self.quit_requested.emit),
        }
        for name, (text, handler) in handlers.items():
            action = QAction(text, self)
            action.setShortcuts(key_sequences(name))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(QCoreApplication.translate("Shortcuts", shortcut(name).description))
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.addAction(action)
            self.actions_by_name[name] = action

    def _build_ui(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 4)
        outer.setSpacing(6)

        self.demo_banner = QLabel(
            self.tr(
                "Demo: connected to the built-in Konnekta simulator. Calls and people are "
                "made up; nothing reaches a real phone."
            )
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setStyleSheet(
            "#demoBanner { background: #fff3bf; color: #5c3c00; border: 1px solid #f08c00;"
            " border-radius: 4px; padding: 3px 8px; font-weight: bold; }"
        )
        self.demo_banner.setAccessibleName(self.tr("Demo mode"))
        self.demo_banner.setVisible(self.session.demo)
        outer.addWidget(self.demo_banner)

        self.message_bar = MessageBar()
        outer.addWidget(self.message_bar)

        top = QHBoxLayout()
        top.addWidget(self._build_dial_bar(), 3)
        top.addWidget(self._build_me_box(), 4)
        outer.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_grid())
        splitter.addWidget(self._build_call_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 200])
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)

        bar = self.statusBar()
        self.connection_icon = QLabel()
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(self.tr("Connection"))
        self.last_event_label = QLabel()
        self.last_event_label.setAccessibleName(self.tr("Last event"))
        self.port_label = QLabel()
        self.port_label.setAccessibleName(self.tr("Listener port"))
        self.demo_label = QLabel(self.tr("Demo"))
        self.demo_label.setObjectName("demoMark")
        self.demo_label.setStyleSheet(
            "#demoMark { background: #f08c00; color: #ffffff; font-weight: bold;"
            " border-radius: 3px; padding: 0 6px; }"
        )
        self.demo_label.setVisible(self.session.demo)
        bar.addWidget(self.connection_icon)
        bar.addWidget(self.connection_label, 1)
        bar.addPermanentWidget(self.last_event_label)
        bar.addPermanentWidget(self.port_label)
        bar.addPermanentWidget(self.demo_label)

    def _build_dial_bar(self) -> QWidget:
        box = QGroupBox(self.tr("Dial (F2)"))
        layout = QGridLayout(box)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("dialBar")
        self.number_edit.setPlaceholderText(self.tr("Number to dial or transfer to"))
        self.number_edit.setAccessibleName(self.tr("Number to dial"))
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.textChanged.connect(self._update_number_hint)
        self.number_edit.returnPressed.connect(lambda: self.dial_current(None))
        self.number_hint = QLabel()
        self.number_hint.setAccessibleName(self.tr("Number as it will be dialled"))
        self.number_hint.setMinimumWidth(140)
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName(self.tr("Calling device"))
        self.device_combo.setToolTip(self.tr("Which of my phones the call starts from"))
        for device in DEVICES:
            self.device_combo.addItem(device_label(device), device)
        default = self.session.connector.config.default_calling_device
        self.device_combo.setCurrentIndex(DEVICES.index(default))
        self.dial_button = QPushButton(self.tr("Dial"))
        self.dial_button.setAccessibleName(self.tr("Dial"))
        self.dial_button.setToolTip(self.tr("Dial the number, or the selected colleague (Num ,)"))
        self.dial_button.clicked.connect(lambda: self.dial_current(None))
        layout.addWidget(self.number_edit, 0, 0, 1, 2)
        layout.addWidget(self.dial_button, 0, 2)
        layout.addWidget(self.number_hint, 1, 0)
        layout.addWidget(self.device_combo, 1, 1, 1, 2)
        layout.setColumnStretch(0, 1)
        self._update_number_hint("")
        return box

    def _build_me_box(self) -> QWidget:
        self.me_box = QGroupBox(self.tr("Me"))
        layout = QGridLayout(self.me_box)
        self.my_state_dot = QLabel()
        self.my_state_label = QLabel()
        self.my_state_label.setAccessibleName(self.tr("My current state"))
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("My state"))
        self.state_combo.setToolTip(self.tr("Set my state from a template (F6)"))
        self.state_combo.activated.connect(self._state_chosen)
        self.caller_id_combo = QComboBox()
        self.caller_id_combo.setAccessibleName(self.tr("My caller ID"))
        self.caller_id_combo.activated.connect(self._caller_id_chosen)
        self.forward_edit = QLineEdit()
        self.forward_edit.setPlaceholderText(self.tr("Forward my calls to…"))
        self.forward_edit.setAccessibleName(self.tr("My forwarding number"))
        self.forward_edit.returnPressed.connect(self.set_my_forwarding)
        self.forward_set_button = QPushButton(self.tr("Forward"))
        self.forward_set_button.setAccessibleName(self.tr("Set my forwarding"))
        self.forward_set_button.clicked.connect(self.set_my_forwarding)
        self.forward_clear_button = QPushButton(self.tr("Clear"))
        self.forward_clear_button.setAccessibleName(self.tr("Clear my forwarding"))
        self.forward_clear_button.clicked.connect(self.clear_my_forwarding)
        self.my_forwarding_label = QLabel()
        self.my_forwarding_label.setAccessibleName(self.tr("My forwarding now"))

        state_row = QHBoxLayout()
        state_row.addWidget(self.my_state_dot)
        state_row.addWidget(self.my_state_label, 1)
        layout.addWidget(QLabel(self.tr("State:")), 0, 0)
        layout.addLayout(state_row, 0, 1)
        layout.addWidget(self.state_combo, 0, 2)
        layout.addWidget(QLabel(self.tr("Caller ID:")), 0, 3)
        layout.addWidget(self.caller_id_combo, 0, 4, 1, 2)
        layout.addWidget(QLabel(self.tr("Forwarding:")), 1, 0)
        layout.addWidget(self.my_forwarding_label, 1, 1)
        layout.addWidget(self.forward_edit, 1, 2, 1, 2)
        layout.addWidget(self.forward_set_button, 1, 4)
        layout.addWidget(self.forward_clear_button, 1, 5)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(2, 1)
        return self.me_box

    def _build_grid(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("colleagueFilter")
        self.filter_edit.setPlaceholderText(
            self.tr("Find a colleague: type a name, number or department (F3)")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter colleagues"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Colleagues shown"))
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.count_label)
        layout.addLayout(row)

        self.grid = QTableView()
        self.grid.setObjectName("colleagueGrid")
        self.grid.setAccessibleName(self.tr("Colleagues"))
        self.grid.setModel(self.proxy)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setAlternatingRowColors(True)
        self.grid.setWordWrap(False)
        self.grid.setShowGrid(False)
        self.grid.setSortingEnabled(True)
        self.grid.sortByColumn(ColleagueColumn.NAME, Qt.SortOrder.AscendingOrder)
        vertical = self.grid.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures 20,000 rows.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in (
            (ColleagueColumn.NAME, 230),
            (ColleagueColumn.STATE, 190),
            (ColleagueColumn.PHONE, 120),
            (ColleagueColumn.NUMBER, 120),
            (ColleagueColumn.MOBILE, 120),
            (ColleagueColumn.FORWARDING, 130),
        ):
            header.resizeSection(column, width)
        self.grid.doubleClicked.connect(self._grid_double_clicked)
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self._grid_menu)
        self.grid.installEventFilter(self)
        # A reset forgets the current row: keep the colleague if they are still here, never the
        # row that took their place.
        self.proxy.modelAboutToBeReset.connect(self._grid_about_to_reset)
        self.proxy.modelReset.connect(self._grid_reset)
        self.grid.selectionModel().currentChanged.connect(self._current_colleague_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        layout.addWidget(self.grid, 1)
        return panel

    def _build_call_panel(self) -> QWidget:
        self.call_panel = CallPanel(self.call_model, self._me.get)
        self.call_panel.hang_up_requested.connect(self.hang_up)
        self.call_panel.transfer_requested.connect(self.transfer)
        self.call_view = self.call_panel.view
        self.hang_up_button = self.call_panel.hang_up_button
        self.transfer_button = self.call_panel.transfer_button
        return self.call_panel

    def _build_menus(self) -> None:
        bar = self.menuBar()
        a = self.actions_by_name
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([a["settings"], a["hide"], a["quit"]])
        call_menu = bar.addMenu(self.tr("&Call"))
        call_menu.addActions([a["dial"], a["dial_mobile"], a["dial_teams"], a["dial_clipboard"]])
        call_menu.addSeparator()
        call_menu.addActions([a["hang_up"], a["transfer"]])
        me_menu = bar.addMenu(self.tr("&Me"))
        me_menu.addActions([a["my_state"], a["my_forwarding"], a["my_caller_id"], a["wrap_up"]])
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(
            [
                a["focus_dial"],
                a["focus_filter"],
                a["focus_colleagues"],
                a["focus_calls"],
                a["dismiss_message"],
            ]
        )
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(a["shortcuts_help"])
        help_menu.addSeparator()
        help_menu.addActions([a["save_diagnostics"], a["open_log_folder"]])
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About Konnekta Desktop"))
        about.triggered.connect(self.show_about)

    # -- following the core ------------------------------------------------------------------

    def on_model_changed(self, change: ModelChange) -> None:
        if change.reset or change.added or change.removed:
            # Rows come and go: shown now, so the grid never paints a row the model no longer
            # has. This shows everything, so whatever was pending is shown with it.
            self._pending = _PendingUpdate()
            self._update_timer.stop()
            self.colleague_model.apply_change(change)
            self._refresh_operator()
            self.call_panel.refresh(repaint_all=True)
            self._update_count()
            return
        pending = self._pending
        pending.users |= change.changed
        pending.calls = pending.calls or change.calls_changed
        pending.operator = pending.operator or (
            self._operator_id is None or self._operator_id in change.changed
        )
        self._schedule_update()

    def on_presence_changed(self, user_ids: set[str]) -> None:
        self._pending.users |= user_ids
        self._pending.my_state = self._pending.my_state or self._operator_id in user_ids
        self._schedule_update()

    def _schedule_update(self) -> None:
        if self._pending and not self._update_timer.isActive():
            self._update_timer.start()

    def flush_pending(self) -> None:
        """Show what changed since the last update: the grid's changed rows, the call panel,
        my own entry and the count, once however many batches came in between."""
        self._update_timer.stop()
        pending, self._pending = self._pending, _PendingUpdate()
        if not pending:
            return
        if pending.users:
            self.colleague_model.refresh_users(pending.users)
        if pending.operator:
            self._refresh_operator()
        elif pending.my_state:
            self._refresh_my_state()
        if pending.calls:
            self.call_panel.refresh()
        self._update_count()

    def show_status(self, status: ConnectionStatus) -> None:
        previous = self._status
        self._status = status
        match status.state:
            case Connection.CONNECTED:
                text = self.tr("Connected to Konnekta")
            case Connection.CONNECTING:
                text = self.tr("Connecting to Konnekta…")
            case Connection.RECONNECTING:
                text = self.tr("Reconnecting to Konnekta…")
            case _:
                text = self.tr("Not connected to Konnekta")
        missing = self.settings_to_fill_in() if status.state is Connection.DISCONNECTED else []
        if missing:
            # The session's own message lists raw problems; name the fields and where they are.
            text = (
                text.rstrip("…")
                + ": "
                + self.tr(
                    "the settings are incomplete. Open Settings > Connection (F9) and fill in {fields}."
                ).format(fields=self._some_of(missing))
            )
        elif status.message:
            text = f"{text.rstrip('…')}: {status.message}"
        self.connection_label.setText(text)
        self.connection_label.setToolTip(text)
        if (
            status.state is Connection.DISCONNECTED
            and status.setting is not None
            and status != previous
        ):
            # A setting stops the connection until it is fixed: say so where it is seen.
            self.show_error(status.message)
        self.connection_icon.setPixmap(
            tray_icon(status.state, status.state is Connection.CONNECTED).pixmap(16, 16)
        )
        self._update_port()
        if status.state is Connection.CONNECTED and previous.state is not Connection.CONNECTED:
            if self._first_run_notice and self.message_bar.text() == self._first_run_notice:
                self.dismiss_message()
            self._refresh_operator()
            self.load_caller_ids()

    def _some_of(self, names: list[str], shown: int = 3) -> str:
        """A short list for the status bar: "A, B, C and 4 more"."""
        if len(names) <= shown + 1:
            return ", ".join(names)
        return self.tr("{names} and {count} more").format(
            names=", ".join(names[:shown]), count=len(names) - shown
        )

    def settings_to_fill_in(self) -> list[str]:
        """The labels of the options that keep the session from connecting (first run)."""
        if not getattr(self.session, "settings_problems", None):
            return []
        settings = getattr(self.session, "settings", None)
        if not isinstance(settings, Settings):
            return []
        return [
            option_label(get_option(error.field))
            for error in validate(settings)
            if error.field is not None and not error.warning
        ]

    def _update_port(self) -> None:
        listener = self.session.connector.listener
        port = listener.port if listener is not None else None
        addresses = getattr(listener, "addresses", None)
        if addresses:
            port = addresses[0][1]
        self.port_label.setText(
            self.tr("Listener port {port}").format(port=port) if port else self.tr("No listener")
        )

    def _update_last_event(self) -> None:
        last = self.session.connector.last_event_at
        if last is None:
            self.last_event_label.setText(self.tr("No events yet"))
            return
        age = max(0, int(self.session.connector.clock.now() - last))
        if age < 120:
            text = self.tr("Last event {seconds} s ago").format(seconds=age)
        else:
            text = self.tr("Last event {minutes} min ago").format(minutes=age // 60)
        self.last_event_label.setText(text)

    def _update_count(self, *_args: object) -> None:
        shown = self.proxy.rowCount()
        total = self.colleague_model.rowCount()
        self.count_label.setText(
            self.tr("{shown} of {total}").format(shown=shown, total=total)
            if shown != total
            else self.tr("{total} colleagues").format(total=total)
        )

    # -- me ------------------------------------------------------------------------------------

    @property
    def operator_id(self) -> str | None:
        return self._me.id

    @property
    def _operator_id(self) -> str | None:
        return self._me.id

    @_operator_id.setter
    def _operator_id(self, user_id: str | None) -> None:
        self._me.id = user_id

    @property
    def operator(self) -> Colleague | None:
        if self._operator_id is None:
            return None
        return self.session.model.get(self._operator_id)

    def _refresh_operator(self) -> None:
        operator = operator_of(self.session)
        changed = (operator.id if operator else None) != self._operator_id
        self._operator_id = operator.id if operator else None
        if operator is None:
            self.me_box.setTitle(self._me_missing_text())
        else:
            self.me_box.setTitle(self.tr("Me: {name}").format(name=operator.user.name))
        for widget in (
            self.state_combo,
            self.forward_edit,
            self.forward_set_button,
            self.forward_clear_button,
        ):
            widget.setEnabled(operator is not None)
        self._fill_templates()
        self._refresh_my_state()
        self._refresh_my_forwarding()
        self._refresh_caller_id_rights()
        if changed:
            self.call_panel.refresh(repaint_all=True)

    def _me_missing_text(self) -> str:
        wanted = self.session.connector.config.operator_user
        if not wanted:
            return self.tr("Me (choose your Konnekta user in Settings > Calling and wrap-up)")
        if len(self.session.model) == 0:
            return self.tr("Me ({user}, once connected)").format(user=wanted)
        return self.tr(
            "Me ({user} is not in Konnekta: check Settings > Calling and wrap-up)"
        ).format(user=wanted)

    def _fill_templates(self) -> None:
        names = [template.name for template in self.session.presence.templates()]
        current = [self.state_combo.itemData(i) for i in range(self.state_combo.count())]
        if names != current:
            self.state_combo.clear()
            for name in names:
                self.state_combo.addItem(shown_name(name), name)

    def _refresh_my_state(self) -> None:
        if self._operator_id is None:
            self.my_state_label.setText("")
            self.my_state_dot.clear()
            return
        shown = self.session.presence.shown_state(self._operator_id)
        text = shown_name(shown.label)
        if not shown.available and self._is_free_state(shown.label):
            # The dot follows Konnekta, which keeps me red through a call and its wrap-up.
            text = self.tr("{state} (in a call or wrap-up)").format(state=text)
        self.my_state_label.setText(text)
        self.my_state_label.setToolTip(text)
        self.my_state_dot.setPixmap(availability_icon(shown.available).pixmap(14, 14))
        self.my_state_dot.setToolTip(
            self.tr("Available in Konnekta")
            if shown.available
            else self.tr("Unavailable in Konnekta")
        )
        index = self.state_combo.findData(shown.label)
        if index >= 0:
            self.state_combo.setCurrentIndex(index)

    def _is_free_state(self, name: str) -> bool:
        store = getattr(self.session, "store", None)
        if store is None:
            return False
        return any(
            state.name == name and state.state_class is StateClass.FREE for state in store.states()
        )

    def _refresh_my_forwarding(self) -> None:
        operator = self.operator
        diversion = operator.diversion if operator else None
        self.my_forwarding_label.setText(
            self.session.plan.display(diversion) if diversion else self.tr("off")
        )
        self.forward_clear_button.setEnabled(bool(diversion))
        if operator is not None:
            self._select_caller_id(operator.caller_id)

    def _refresh_caller_id_rights(self) -> None:
        operator = self.operator
        if operator is None:
            self.caller_id_combo.setEnabled(False)
            self.caller_id_combo.setToolTip(
                self.tr("Choose your Konnekta user in Settings > Calling and wrap-up first")
            )
        elif Right.SET_CALLER_ID not in operator.user.rights:
            self.caller_id_combo.setEnabled(False)
            self.caller_id_combo.setToolTip(
                self.tr(
                    "You lack the Set Caller ID right in Konnekta, so your caller ID cannot be "
                    "changed here. An administrator can grant it."
                )
            )
        else:
            self.caller_id_combo.setEnabled(self.caller_id_combo.count() > 0)
            self.caller_id_combo.setToolTip(self.tr("The number people see when I call them (F8)"))

    def load_caller_ids(self) -> None:
        operator = self.operator
        if operator is None:
            return

        async def load() -> None:
            ids = await self.session.commands.caller_ids(operator.id)
            self.caller_id_combo.clear()
            for number in ids.valid:
                self.caller_id_combo.addItem(self.session.plan.display(number), number)
            self._select_caller_id(ids.current)
            self._refresh_caller_id_rights()

        self.tasks.run(load(), key="caller_ids")

    def _select_caller_id(self, number: str | None) -> None:
        plan = self.session.plan
        for index in range(self.caller_id_combo.count()):
            if number and plan.same(self.caller_id_combo.itemData(index), number):
                self.caller_id_combo.setCurrentIndex(index)
                return

    def _state_chosen(self, index: int) -> None:
        self.set_my_template(str(self.state_combo.itemData(index)))

    def set_my_template(self, name: str) -> None:
        operator = self.operator
        if operator is None:
            self.show_error(
                self.tr(
                    "Choose your own Konnekta user in Settings > Calling and wrap-up (F9) to "
                    "change your state."
                )
            )
            return
        self.set_state_of(operator.id, name)

    def set_state_of(self, user_id: str, template_name: str) -> None:
        self.tasks.run(
            self.session.presence.set_template(user_id, template_name), key=f"state:{user_id}"
        )

    def _caller_id_chosen(self, index: int) -> None:
        number = self.caller_id_combo.itemData(index)
        operator = self.operator
        if operator is None or not number:
            return
        self.tasks.run(
            self.session.commands.set_caller_id(operator.id, number),
            key="caller_id",
            on_success=lambda _r: self.show_info(
                self.tr("My caller ID is now {number}.").format(
                    number=self.session.plan.display(number)
                )
            ),
        )

    def set_my_forwarding(self) -> None:
        operator = self.operator
        text = self.forward_edit.text().strip()
        if operator is None:
            self.show_error(
                self.tr(
                    "Choose your own Konnekta user in Settings > Calling and wrap-up (F9) to "
                    "forward your calls."
                )
            )
            return
        if not text:
            self.show_error(self.tr("Type the number to forward your calls to, then Forward."))
            self.forward_edit.setFocus()
            return
        self.set_forwarding_of(operator.id, text)
        self.forward_edit.clear()

    def clear_my_forwarding(self) -> None:
        operator = self.operator
        if operator is not None:
            self.set_forwarding_of(operator.id, None)

    def set_forwarding_of(self, user_id: str, number: str | None) -> None:
        self.tasks.run(self.session.commands.set_forwarding(user_id, number), key=f"fwd:{user_id}")

    # -- calling -------------------------------------------------------------------------------

    def current_device(self) -> CallingDevice:
        device = self.device_combo.currentData()
        return device if isinstance(device, CallingDevice) else CallingDevice.LOCAL

    def dial_current(self, device: CallingDevice | None) -> None:
        """The dial bar's number if there is one, else the selected colleague."""
        if self.number_edit.text().strip():
            self.dial_number(self.number_edit.text(), device, clear=True)
        else:
            self.dial_selected_colleague(device)

    def selected_colleague(self) -> Colleague | None:
        """The colleague highlighted in the grid (held by id: rows move as colleagues come and
        go)."""
        user_id = self._current_colleague
        return self.session.model.get(user_id) if user_id else None

    def _current_colleague_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._resetting_grid:
            self._current_colleague = current.data(USER_ID_ROLE) if current.isValid() else None

    def _grid_about_to_reset(self) -> None:
        # The live model has already changed: the rows no longer say who was current, so the
        # colleague noted when the row became current is the one to keep.
        self._resetting_grid = True

    def _grid_reset(self) -> None:
        self._resetting_grid = False
        self.grid.selectionModel().clear()
        kept, self._current_colleague = self._current_colleague, None
        if kept is not None:
            self.select_colleague(kept)

    def select_colleague(self, user_id: str) -> None:
        """Make this colleague the current row, if the filter shows them."""
        index = self.proxy.mapFromSource(self.colleague_model.index_of(user_id))
        if index.isValid():
            self.grid.setCurrentIndex(index)

    def target_colleague(self) -> Colleague | None:
        """The colleague a key acts on: a filter still waiting for a pause in typing is applied
        first, so the key acts on the top result for everything typed, which is then the row
        highlighted."""
        if self._filter_timer.isActive() or filter_words(self.filter_edit.text()) != (
            self.proxy.words
        ):
            self.apply_filter()
        return self.selected_colleague()

    def _no_colleague(self) -> None:
        typed = self.filter_edit.text().strip()
        if typed and not self.proxy.rowCount():
            self.show_error(self.tr("No colleague matches “{text}”.").format(text=typed))
        else:
            self.show_error(self.tr("Select a colleague or type a number first."))

    def dial_selected_colleague(self, device: CallingDevice | None) -> None:
        colleague = self.target_colleague()
        if colleague is None:
            self._no_colleague()
            return
        self.dial_colleague(colleague, device)

    def dial_colleague(self, colleague: Colleague, device: CallingDevice | None) -> None:
        number = colleague_number(colleague)
        if number is None:
            self.show_error(
                self.tr(
                    "{name} has no phone line in Konnekta, so there is nothing to dial."
                ).format(name=colleague.user.name)
            )
            return
        self.dial_number(number, device, who=colleague.user.name)

    def dial_number(
        self, text: str, device: CallingDevice | None, *, clear: bool = False, who: str = ""
    ) -> None:
        operator = self.operator
        if operator is None:
            self.show_error(
                self.tr(
                    "Your own Konnekta user is not known, so there is no phone to call from: "
                    "choose it in Settings > Calling and wrap-up (F9)."
                )
            )
            return
        chosen = device or self.current_device()
        try:
            shown = self.session.plan.display(self.session.plan.normalise(text))
        except NumberError as error:
            self.show_error(words(error))
            return
        target = f"{who} ({shown})" if who else shown

        def done(_call_id: object) -> None:
            if clear:
                self.number_edit.clear()
            self.show_info(calling_from_text(chosen, target))

        self.tasks.run(
            self.session.commands.dial(operator.id, text, chosen), key="dial", on_success=done
        )

    def dial_targets(self, arguments: Sequence[str]) -> None:
        """Arguments handed over by a second launch (a number, a tel: or callto: link)."""
        self.bring_to_front()
        for argument in arguments:
            if argument.startswith("-"):
                continue
            number = parse_dial_target(argument)
            if number is None:
                self.show_error(
                    self.tr(
                        "{argument!r} is not a number to dial. Use a number, or a tel: or callto: "
                        "link."
                    ).format(argument=argument)
                )
                continue
            self.dial_number(number, self.session.connector.config.default_calling_device)
            return

    def dial_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text().strip()
        number = parse_dial_target(text) if text else None
        if number is None:
            self.show_error(
                self.tr("The clipboard holds no phone number to dial. Copy a number first.")
            )
            return
        self.dial_number(number, None)

    def hang_up(self) -> None:
        """Hang up the selected call, else mine; a colleague's answered call only when asked."""
        panel = self.call_panel.target()
        if panel is None:
            self.show_error(
                self.tr(
                    "You have no call to hang up. To hang up another call, select it in the "
                    "call list first."
                )
            )
            return

        def hang_up() -> None:
            party = self.call_model.party(panel)
            self.tasks.run(
                self.session.commands.hang_up(panel.call_id),
                key=f"hangup:{panel.call_id}",
                on_success=lambda _r: self.show_info(
                    self.tr("Hung up the call with {party}.").format(party=party)
                ),
            )

        colleague = answered_by_colleague(panel, self._operator_id)
        if colleague is None:
            hang_up()
            return
        self.ask(
            self.tr("Hang up a colleague's call?"),
            self.tr("Hang up the call between {party} and {name}?").format(
                party=self.call_model.party(panel), name=self.call_model.name_of(colleague)
            ),
            self.tr("Hang up"),
            hang_up,
        )

    def transfer(self) -> None:
        """Transfer the call to the number in the dial bar, else to the colleague on top."""
        text = self.number_edit.text().strip()
        if text:
            self.transfer_to(text, clear=True)
            return
        colleague = self.target_colleague()
        if colleague is None:
            self.show_error(
                self.tr("Type the number to transfer to in the dial bar, or select a colleague.")
            )
            return
        number = colleague_number(colleague)
        if number is None:
            self.show_error(
                self.tr("{name} has no phone line to transfer to.").format(name=colleague.user.name)
            )
            return
        self.transfer_to(number, who=colleague.user.name)

    def transfer_to(self, number: str, *, clear: bool = False, who: str = "") -> None:
        """Transfer the selected call, else mine; a colleague's answered call only when asked."""
        panel = self.call_panel.target()
        if panel is None:
            self.show_error(
                self.tr(
                    "You have no call to transfer. To transfer another call, select it in the "
                    "call list first."
                )
            )
            return
        target = who or self.session.plan.display(number)
        colleague = answered_by_colleague(panel, self._operator_id)
        if colleague is None:
            self._transfer(panel, number, target, clear=clear)
            return
        self.ask(
            self.tr("Transfer a colleague's call?"),
            self.tr("Transfer the call between {party} and {name} to {target}?").format(
                party=self.call_model.party(panel),
                name=self.call_model.name_of(colleague),
                target=target,
            ),
            self.tr("Transfer"),
            lambda: self._transfer(panel, number, target, clear=clear),
        )

    def _transfer(self, panel: PanelCall, number: str, target: str, *, clear: bool) -> None:
        party = self.call_model.party(panel)

        def done(_result: object) -> None:
            if clear:
                self.number_edit.clear()
            self.show_info(
                self.tr("Transferred {party} to {target}.").format(party=party, target=target)
            )

        self.tasks.run(
            self.session.commands.transfer(panel.call_id, number),
            key=f"transfer:{panel.call_id}",
            on_success=done,
        )

    def activate_colleague(self, colleague: Colleague | None) -> None:
        """Enter or double-click on a colleague: during my call, offer to transfer it to them;
        otherwise dial them."""
        if colleague is None:
            self._no_colleague()
            return
        mine = my_talking_call(self.call_model.calls())
        number = colleague_number(colleague)
        if mine is None or number is None:
            self.dial_colleague(colleague, None)
            return
        name = colleague.user.name
        self.ask(
            self.tr("Transfer my call?"),
            self.tr("Transfer {party} to {name}?").format(
                party=self.call_model.party(mine), name=name
            ),
            self.tr("Transfer"),
            lambda: self._transfer(mine, number, name, clear=False),
        )

    def ask(self, title: str, question: str, yes: str, then: Callable[[], None]) -> None:
        """Ask before acting: Enter answers yes, Esc no. One question at a time."""
        if self._question is not None:
            self._question.close()
        self._question = ask(self, title, question, yes, then)
        self._question.finished.connect(lambda _result: setattr(self, "_question", None))

    @property
    def question(self) -> QMessageBox | None:
        """The question waiting for the operator's answer, if any."""
        return self._question

    def _update_number_hint(self, text: str) -> None:
        if not text.strip():
            self.number_hint.setText(self.tr("Enter dials, Esc clears"))
            self.number_hint.setStyleSheet("color: palette(placeholder-text);")
            return
        try:
            number = self.session.plan.normalise(text)
        except NumberError as error:
            self.number_hint.setText("⚠ " + self.tr("not a number yet"))
            self.number_hint.setToolTip(words(error))
            self.number_hint.setStyleSheet("color: #e03131;")
            return
        self.number_hint.setText("→ " + self.session.plan.display(number))
        self.number_hint.setToolTip(
            self.tr("Dials {number}").format(number=self.session.plan.dialable(number))
        )
        self.number_hint.setStyleSheet("")

    # -- the grid ------------------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the colleagues matching the filter; new words highlight the top result."""
        self._filter_timer.stop()
        before = self.proxy.words
        self.proxy.set_filter(self.filter_edit.text())
        self._update_count()
        if not self.proxy.rowCount():
            return
        if (self.proxy.words and self.proxy.words != before) or not (
            self.grid.currentIndex().isValid()
        ):
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
            self.grid.scrollToTop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.grid and self._grid_key(event):
                return True
            if watched is self.filter_edit and self._filter_key(event):
                return True
        return super().eventFilter(watched, event)

    def _grid_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_colleague(self.target_colleague())
            return True
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        text = event.text()
        if (
            modifiers == Qt.KeyboardModifier.NoModifier
            and text
            and (text.isalnum() or text in " +'-")
        ):
            # Typing in the grid goes to the filter, so the operator never has to aim first.
            self.filter_edit.setFocus()
            self.filter_edit.insert(text)
            return True
        if key == Qt.Key.Key_Backspace and self.filter_edit.text():
            self.filter_edit.setFocus()
            self.filter_edit.backspace()
            return True
        return False

    def _filter_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.filter_edit.clear()
            self.apply_filter()
            self.focus_grid()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_PageDown):
            self.apply_filter()
            self.focus_grid()
            return True
        return False

    def _grid_double_clicked(self, index: QModelIndex) -> None:
        """The colleague clicked, as the screen showed them (a filter still waiting waits on)."""
        user_id = index.data(USER_ID_ROLE)
        self.activate_colleague(self.session.model.get(user_id) if user_id else None)

    def _grid_menu(self, position: QPoint) -> None:
        index = self.grid.indexAt(position)
        if index.isValid():
            self.grid.setCurrentIndex(index)
        colleague = self.selected_colleague()
        if colleague is None:
            return
        menu = self.colleague_menu(colleague)
        menu.exec(self.grid.viewport().mapToGlobal(position))
        menu.deleteLater()  # a new menu each time: do not keep them all as the window's children

    def colleague_menu(self, colleague: Colleague) -> QMenu:
        """The context menu for one colleague (also used by tests and Shift+F10)."""
        menu = QMenu(self)
        name = colleague.user.name
        for device in DEVICES:
            action = menu.addAction(dial_from_text(device, name))
            action.setObjectName(f"dial_{device.value}")
            action.triggered.connect(lambda _c=False, d=device: self.dial_colleague(colleague, d))
        menu.addSeparator()
        transfer = menu.addAction(self.tr("Transfer the current call to {name}").format(name=name))
        transfer.setObjectName("transfer")
        transfer.setEnabled(
            self.call_panel.target() is not None and colleague_number(colleague) is not None
        )
        number = colleague_number(colleague)
        transfer.triggered.connect(lambda _c=False: self.transfer_to(number or "", who=name))
        menu.addSeparator()
        forward = menu.addAction(self.tr("Set forwarding of {name}…").format(name=name))
        forward.setObjectName("set_forwarding")
        forward.triggered.connect(lambda _c=False: self.ask_forwarding(colleague))
        clear = menu.addAction(self.tr("Clear forwarding of {name}").format(name=name))
        clear.setObjectName("clear_forwarding")
        clear.setEnabled(bool(colleague.diversion))
        clear.triggered.connect(lambda _c=False: self.set_forwarding_of(colleague.id, None))
        states = menu.addMenu(self.tr("Set state of {name}").format(name=name))
        states.setObjectName("states")
        for template in self.session.presence.templates():
            action = states.addAction(template.name)
            action.triggered.connect(
                lambda _c=False, t=template.name: self.set_state_of(colleague.id, t)
            )
        return menu

    def ask_forwarding(self, colleague: Colleague) -> None:
        current = colleague.diversion
        text, ok = QInputDialog.getText(
            self,
            self.tr("Forwarding"),
            self.tr("Forward calls for {name} to (empty clears the forwarding):").format(
                name=colleague.user.name
            ),
            QLineEdit.EchoMode.Normal,
            self.session.plan.display(current) if current else "",
        )
        if ok:
            self.set_forwarding_of(colleague.id, text.strip() or None)

    # -- focus -----------------------------------------------------------------------------------

    def focus_dial_bar(self) -> None:
        self.bring_to_front()
        self.number_edit.setFocus()
        self.number_edit.selectAll()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def focus_grid(self) -> None:
        self.grid.setFocus()
        if not self.grid.currentIndex().isValid() and self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))

    def focus_calls(self) -> None:
        self.call_panel.focus()

    def focus_my_state(self) -> None:
        self.state_combo.setFocus()
        self.state_combo.showPopup()

    def focus_my_forwarding(self) -> None:
        self.forward_edit.setFocus()

    def focus_my_caller_id(self) -> None:
        self.caller_id_combo.setFocus()
        if self.caller_id_combo.isEnabled():
            self.caller_id_combo.showPopup()
        else:
            self.show_error(self.caller_id_combo.toolTip())

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- messages ----------------------------------------------------------------------------------

    def show_error(self, text: str) -> None:
        log.info("Shown to the operator: %s", text)
        self.message_bar.show_message(text, "error")

    def show_info(self, text: str) -> None:
        self.message_bar.show_message(text, "info")

    def dismiss_message(self) -> None:
        self.message_bar.dismiss()

    # -- dialogs -----------------------------------------------------------------------------------

    def open_settings(self, first_run: bool = False) -> None:
        """The settings window; `first_run` opens it on Connection, saying what to fill in."""
        if self._settings_dialog is not None and self._settings_dialog.isVisible():
            self._settings_dialog.raise_()
            self._settings_dialog.activateWindow()
            return
        try:
            from .settings.dialog import SettingsDialog
        except ImportError as error:
            log.warning("Settings window unavailable: %s", error)
            self.show_error(self.tr("The settings window is not available in this build."))
            return
        self.bring_to_front()
        if first_run:
            # Also said here, for when the operator closes Settings without filling it in.
            self._first_run_notice = self.tr(
                "Konnekta Desktop is not connected yet: fill in the connection details from "
                "your telephony provider in Settings > Connection (F9)."
            )
            self.show_info(self._first_run_notice)
        dialog = SettingsDialog(
            self.session, self, first_run=first_run, start_at_login=self.start_at_login
        )
        dialog.settings_applied.connect(self.on_settings_applied)
        self._settings_dialog = dialog
        dialog.open()

    @property
    def settings_dialog(self) -> QDialog | None:
        return self._settings_dialog

    def on_settings_applied(self, settings: object) -> None:
        """Show what the new settings change: numbers, my user, the calling device, the status."""
        self.colleague_model.reset()
        self.call_panel.refresh(repaint_all=True)
        default = self.session.connector.config.default_calling_device
        if default in DEVICES:
            self.device_combo.setCurrentIndex(DEVICES.index(default))
        self._update_number_hint(self.number_edit.text())
        self._refresh_operator()
        self.show_status(self.session.connector.status)
        self._update_count()
        self.settings_applied.emit(settings)

    # -- help ------------------------------------------------------------------------------------

    def _known_secrets(self) -> list[str]:
        settings = getattr(self.session, "settings", None)
        if not isinstance(settings, Settings):
            return []
        return [settings.client_secret.reveal(), settings.password.reveal()]

    def save_diagnostics(self) -> None:
        """Ask where, then write the zip for support (logs, settings, versions; no secrets)."""
        paths = getattr(self.session, "paths", None)
        if paths is None:
            self.show_error(
                self.tr("This session keeps no log files, so there is nothing to save.")
            )
            return
        suggested = Path.home() / diagnostics.default_file_name()
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save diagnostics"),
            str(suggested),
            self.tr("Zip files (*.zip)"),
        )
        if not chosen:
            return
        destination = Path(chosen)
        if destination.suffix.lower() != ".zip":
            destination = destination.with_name(destination.name + ".zip")
        secrets = self._known_secrets()

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
                    self.tr(
                        "The diagnostics could not be saved to {path}: {reason}. Choose another "
                        "folder."
                    ).format(path=destination, reason=error.strerror or error)
                ) from None

        def saved(path: Path) -> None:
            self.show_info(
                self.tr(
                    "Diagnostics saved to {path}. The file holds the logs, the settings and the "
                    "versions, without passwords or secrets: send it to your support."
                ).format(path=path)
            )

        self.tasks.run(save(), key="diagnostics", on_success=saved)

    def open_log_folder(self) -> None:
        paths = getattr(self.session, "paths", None)
        if paths is None:
            self.show_error(self.tr("This session keeps no log files."))
            return
        folder = Path(paths.log_dir)
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_error(
                self.tr("The log folder could not be opened. It is {folder}.").format(folder=folder)
            )

    def open_wrapup(self, wrapup_session: Any) -> None:
        call_id = str(getattr(wrapup_session, "call_id", ""))
        existing = self._wrapups.get(call_id)
        if existing is not None:
            existing.show()
            existing.raise_()
            return
        try:
            from .wrapup_dialog import WrapUpDialog
        except ImportError as error:
            log.warning("Wrap-up dialog unavailable: %s", error)
            self.show_error(self.tr("A wrap-up is pending, but the wrap-up window is missing."))
            return
        dialog = WrapUpDialog(self.session, wrapup_session, self)
        dialog.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        dialog.setModal(False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._wrapups[call_id] = dialog
        dialog.finished.connect(lambda _result, c=call_id: self._wrapups.pop(c, None))
        dialog.show()
        dialog.raise_()

    def open_pending_wrapups(self) -> None:
        pending = list(self.session.wrapup.pending())
        if not pending:
            self.show_info(self.tr("No wrap-up is pending."))
            return
        for wrapup_session in pending:
            self.open_wrapup(wrapup_session)

    @property
    def open_wrapups(self) -> dict[str, QDialog]:
        return dict(self._wrapups)

    def show_shortcuts(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(dialog)
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutTable")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
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

    def about_text(self) -> str:
        return self.tr(
            "<h3>Konnekta Desktop {version}</h3>"
            "<p>A switchboard for companies on the Dstny Konnekta cloud PBX.</p>"
            "<p>Qt {qt} (PySide6 {pyside}), Python {python}</p>"
            "<p>Licence: GNU General Public License, version 3 or later "
            "(GPL-3.0-or-later). This program comes with no warranty.</p>"
        ).format(
            version=__version__,
            qt=qVersion(),
            pyside=PySide6.__version__,
            python=platform.python_version(),
        )

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Konnekta Desktop"), self.about_text())

    # -- closing -------------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Stop everything that runs Python code on Qt's events, before the window is deleted.

        A window that lingers until deleteLater (or the garbage collector) must not have its
        timers or event filters call into Python: deleting it from inside one of those calls
        frees the object Qt is still delivering the event to.
        """
        self._clock_timer.stop()
        self._filter_timer.stop()
        self._update_timer.stop()
        self.call_model.stop()
        self.grid.removeEventFilter(self)
        self.filter_edit.removeEventFilter(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hide_to_tray:
            event.ignore()
            self.hide()
            return
        event.accept()
        self.quit_requested.emit()
