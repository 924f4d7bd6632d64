"""The colleague grid: the filter field, the table of colleagues and their count.

Type-to-filter waits for a pause in typing; typing in the grid goes to the filter. The current
colleague is held by id, so a reset of the grid (colleagues added or removed) keeps them or leaves
nobody current, never the row that took their place. A key that acts on a colleague uses
`target_colleague`, which first applies a filter still waiting. What the operator asks of a
colleague (Enter, double-click, the context menu) is a signal: the call commands carry it out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.colleagues import Colleague
from ...domain.refusals import Refused
from ...domain.types import CallingDevice
from ..bridge import AppSession
from ..colleague_filter import ColleagueFilterProxy
from ..colleague_search import filter_words
from ..colleagues import USER_ID_ROLE, ColleagueColumn, ColleagueTableModel
from ..refusal_words import words
from ..state_names import shown_name
from ..texts import DEVICES, dial_from_text, menu_safe
from .commands import colleague_number

__all__ = ["GridPanel"]

# The texts keep the translation context of the window they were written for: lupdate collects the
# literal calls of `translate("MainWindow", text)`.
translate = QCoreApplication.translate

_FILTER_DELAY_MS = 120  # type-to-filter waits for a pause in typing


def _user_id(index: QModelIndex) -> str | None:
    """The id of the colleague on the grid's row (`ColleagueTableModel` answers it as a `str`)."""
    return cast(str | None, index.data(USER_ID_ROLE))


class GridPanel(QWidget):
    colleague_activated = Signal(object)  # Enter or double-click: the Colleague, or None
    dial_requested = Signal(object, object)  # the menu: Colleague, CallingDevice
    transfer_requested = Signal(str, str)  # the menu: number, whom it is
    forwarding_requested = Signal(str, object)  # the menu: user id, number (None clears)
    state_requested = Signal(str, str)  # the menu: user id, template name

    def __init__(
        self,
        session: AppSession,
        has_call: Callable[[], bool],
        parent: QWidget | None = None,
        my_devices: Callable[[], Sequence[CallingDevice]] = lambda: DEVICES,
    ) -> None:
        """`has_call` says whether there is a call to transfer (the call panel's target);
        `my_devices` the operator's own calling devices, the only ones the menu offers."""
        super().__init__(parent)
        self.session = session
        self._has_call = has_call
        self._my_devices = my_devices
        self._current_colleague: str | None = None
        self._resetting_grid = False
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(_FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        # The session replaces its number plan when the number settings change: read it afresh.
        self.colleague_model = ColleagueTableModel(
            session.colleagues, lambda: session.plan, session, self
        )
        self.proxy = ColleagueFilterProxy(self)
        self.proxy.setSourceModel(self.colleague_model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("colleagueFilter")
        self.filter_edit.setPlaceholderText(
            translate("MainWindow", "Find a colleague: type a name, number or department (F3)")
        )
        self.filter_edit.setAccessibleName(translate("MainWindow", "Filter colleagues"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(translate("MainWindow", "Colleagues shown"))
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.count_label)
        layout.addLayout(row)

        self.grid = QTableView()
        self.grid.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.grid.setObjectName("colleagueGrid")
        self.grid.setAccessibleName(translate("MainWindow", "Colleagues"))
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
        # Fixed row heights: the view never measures 20,000 rows. Compact ones, as in a list's
        # compact view: at 1366x768 the grid shows 20 colleagues above the call panel.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 4)
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
        self.proxy.rowsInserted.connect(self.update_count)
        self.proxy.rowsRemoved.connect(self.update_count)
        self.proxy.modelReset.connect(self.update_count)
        self.proxy.layoutChanged.connect(self.update_count)
        layout.addWidget(self.grid, 1)

    # -- the current colleague ---------------------------------------------------------------------

    def selected_colleague(self) -> Colleague | None:
        """The colleague highlighted in the grid (held by id: rows move as colleagues come and
        go)."""
        user_id = self._current_colleague
        return self.session.colleagues.get(user_id) if user_id else None

    def _current_colleague_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._resetting_grid:
            self._current_colleague = _user_id(current) if current.isValid() else None

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

    # -- filtering ---------------------------------------------------------------------------------

    def apply_filter(self) -> None:
        """Show the colleagues matching the filter; new words highlight the top result."""
        self._filter_timer.stop()
        before = self.proxy.words
        self.proxy.set_filter(self.filter_edit.text())
        self.update_count()
        if not self.proxy.rowCount():
            return
        if (self.proxy.words and self.proxy.words != before) or not (
            self.grid.currentIndex().isValid()
        ):
            self.grid.setCurrentIndex(self.proxy.index(0, 0))
            self.grid.scrollToTop()

    def update_count(self, *_args: object) -> None:
        shown = self.proxy.rowCount()
        total = self.colleague_model.rowCount()
        self.count_label.setText(
            translate("MainWindow", "{shown} of {total}").format(shown=shown, total=total)
            if shown != total
            else translate("MainWindow", "{total} colleagues").format(total=total)
        )

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def focus_grid(self) -> None:
        self.grid.setFocus()
        if not self.grid.currentIndex().isValid() and self.proxy.rowCount():
            self.grid.setCurrentIndex(self.proxy.index(0, 0))

    # -- keys --------------------------------------------------------------------------------------

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
            self.colleague_activated.emit(self.target_colleague())
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
        user_id = _user_id(index)
        self.colleague_activated.emit(self.session.colleagues.get(user_id) if user_id else None)

    # -- the context menu --------------------------------------------------------------------------

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
        menu = QMenu(self.window())
        name = menu_safe(colleague.user.name)
        mine = self._my_devices()
        for device in (d for d in DEVICES if d in mine):
            action = menu.addAction(dial_from_text(device, colleague.user.name))
            action.setObjectName(f"dial_{device.value}")
            action.triggered.connect(
                lambda _c=False, d=device: self.dial_requested.emit(colleague, d)
            )
        menu.addSeparator()
        transfer = menu.addAction(
            translate("MainWindow", "&Transfer the current call to {name}").format(name=name)
        )
        transfer.setObjectName("transfer")
        transfer.setEnabled(self._has_call() and colleague_number(colleague) is not None)
        number = colleague_number(colleague)
        transfer.triggered.connect(
            lambda _c=False: self.transfer_requested.emit(number or "", colleague.user.name)
        )
        menu.addSeparator()
        forward = menu.addAction(
            translate("MainWindow", "Set &forwarding of {name}…").format(name=name)
        )
        forward.setObjectName("set_forwarding")
        forward.triggered.connect(lambda _c=False: self.ask_forwarding(colleague))
        clear = menu.addAction(
            translate("MainWindow", "&Clear forwarding of {name}").format(name=name)
        )
        clear.setObjectName("clear_forwarding")
        clear.setEnabled(bool(colleague.diversion))
        clear.triggered.connect(lambda _c=False: self.forwarding_requested.emit(colleague.id, None))
        states = menu.addMenu(translate("MainWindow", "Set &state of {name}").format(name=name))
        states.setObjectName("states")
        for template in self.session.templates():
            action = states.addAction(menu_safe(shown_name(template.name)))
            action.triggered.connect(
                lambda _c=False, t=template.name: self.state_requested.emit(colleague.id, t)
            )
        return menu

    def ask_forwarding(self, colleague: Colleague) -> None:
        """Ask for the number; one that is not a number is said above the field, which keeps what
        was typed, until it is right or the operator cancels."""
        current = colleague.diversion
        typed = self.session.plan.display(current) if current else ""
        question = translate(
            "MainWindow", "Forward calls for {name} to (empty clears the forwarding):"
        ).format(name=colleague.user.name)
        problem = ""
        while True:
            text, ok = QInputDialog.getText(
                self.window(),
                translate("MainWindow", "Forwarding"),
                f"{problem}\n\n{question}" if problem else question,
                QLineEdit.EchoMode.Normal,
                typed,
            )
            if not ok:
                return
            typed = text.strip()
            try:
                if typed:
                    self.session.plan.normalise(typed)
            except Refused as refused:
                problem = words(refused)
                continue
            self.forwarding_requested.emit(colleague.id, typed or None)
            return

    # -- closing -----------------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Stop the filter's timer and the key filters: they call Python on Qt's events."""
        self._filter_timer.stop()
        self.grid.removeEventFilter(self)
        self.filter_edit.removeEventFilter(self)
