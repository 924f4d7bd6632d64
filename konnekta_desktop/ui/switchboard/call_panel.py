"""The call panel: my calls and the queue calls, with Hang up and Transfer, and the attendant's
Answer, Pick up, Hold (or Resume), Ask first and Back to the caller.

The selection is held by call id, not by row: calls come and go around it, and when the selected
call ends nothing is selected (the next command then acts on my own call, or says there is none).
The buttons are enabled only when there is a call they would act on, and their tooltips name it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from ..call_choice import (
    PanelCall,
    command_target,
    my_answered_calls,
    my_call,
    my_consultation,
    my_held_call,
    my_ringing_call,
)
from ..calls import CALL_ID_ROLE, CallColumn, CallTableModel
from ..shortcuts import key_label

__all__ = ["CallPanel"]


class CallPanel(QGroupBox):
    hang_up_requested = Signal()
    transfer_requested = Signal()
    answer_requested = Signal()
    pick_up_requested = Signal()
    hold_requested = Signal()
    consult_requested = Signal()
    go_back_requested = Signal()

    def __init__(
        self,
        model: CallTableModel,
        operator_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Calls: mine and the queues'"), parent)
        self.model = model
        self._operator_id = operator_id
        self._selected: str | None = None
        # While the model follows the calls, Qt may move the selection to the row that took a
        # removed row's place; that is not the operator's choice and is undone afterwards.
        self._following = False

        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.view.setObjectName("callPanel")
        self.view.setAccessibleName(self.tr("Calls"))
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        vertical = self.view.verticalHeader()
        vertical.hide()
        # Rows as compact as the colleague grid's, so the panel shows its calls in little height.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 4)
        header = self.view.horizontalHeader()
        # Narrow enough that the status shows beside the queue panel at 1366 pixels.
        for column, width in (
            (CallColumn.DIRECTION, 90),
            (CallColumn.CALLER, 115),
            (CallColumn.CALLED, 105),
            (CallColumn.QUEUE, 80),
            (CallColumn.WHO, 200),
            (CallColumn.DURATION, 55),
        ):
            header.resizeSection(column, width)
        # The status ("Ringing at 11 agents", "Talking: name") gets the room, and it comes right
        # after the caller, with the duration, so that a narrow panel still shows both.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CallColumn.WHO, QHeaderView.ResizeMode.Stretch)
        header.moveSection(header.visualIndex(CallColumn.WHO), 2)
        header.moveSection(header.visualIndex(CallColumn.DURATION), 3)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.hang_up_button = QPushButton(self.tr("Hang &up"))
        self.hang_up_button.setObjectName("hangUpButton")
        self.hang_up_button.setAccessibleName(self.tr("Hang up"))
        self.hang_up_button.clicked.connect(self.hang_up_requested)
        self.transfer_button = QPushButton(self.tr("&Transfer"))
        self.transfer_button.setObjectName("transferButton")
        self.transfer_button.setAccessibleName(self.tr("Transfer"))
        self.transfer_button.clicked.connect(self.transfer_requested)
        self.answer_button = self._button("answerButton", self.tr("&Answer"), self.answer_requested)
        self.pick_up_button = self._button(
            "pickUpButton", self.tr("&Pick up"), self.pick_up_requested
        )
        self.hold_button = self._button("holdButton", self.tr("Ho&ld"), self.hold_requested)
        self.consult_button = self._button(
            "consultButton", self.tr("As&k first"), self.consult_requested
        )
        self.go_back_button = self._button(
            "goBackButton", self.tr("&Back to caller"), self.go_back_requested
        )
        # Two rows, as the two buttons before them, so the panel shows its calls in little
        # height: what comes in and what I do with my call; where it goes.
        buttons = QGridLayout()
        buttons.setSpacing(3)
        rows = (
            (self.answer_button, self.pick_up_button, self.hold_button),
            (self.consult_button, self.transfer_button, self.go_back_button),
            (self.hang_up_button,),
        )
        for place, row in enumerate(rows):
            for side, button in enumerate(row):
                buttons.addWidget(button, place, side)
        buttons.setRowStretch(3, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.update_buttons()

    def _button(self, name: str, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(signal)
        return button

    # -- the selection -------------------------------------------------------------------------

    @property
    def selected_call_id(self) -> str | None:
        return self._selected

    def select(self, call_id: str | None) -> None:
        """Select this call (None: nothing)."""
        row = self.model.row_of(call_id) if call_id is not None else None
        selection = self.view.selectionModel()
        if row is None:
            selection.clear()
        else:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        if self._following:
            return
        rows = self.view.selectionModel().selectedRows()
        self._selected = str(rows[0].data(CALL_ID_ROLE)) if rows else None
        self.update_buttons()

    def target(self) -> PanelCall | None:
        """The call Hang up and Transfer act on now (see `call_choice.command_target`)."""
        return command_target(self.model.calls(), self._selected)

    # -- following the calls -------------------------------------------------------------------

    def refresh(self, *, repaint_all: bool = False) -> None:
        """Follow the calls in progress. A selected call that ended leaves nothing selected, and
        no other row is left current in its place."""
        self._following = True
        try:
            self.model.refresh(repaint_all=repaint_all)
        finally:
            self._following = False
        selection = self.view.selectionModel()
        row = self.model.row_of(self._selected) if self._selected is not None else None
        if row is None:
            self._selected = None
            if selection.hasSelection() or selection.currentIndex().isValid():
                selection.clear()
        elif [index.row() for index in selection.selectedRows()] != [row]:
            self.select(self._selected)
        self.update_buttons()

    def focus(self) -> None:
        """Go to the call list, on the selected call, else mine, else the first."""
        self.view.setFocus()
        if self._selected is None and self.model.rowCount():
            mine = my_call(self.model.calls())
            self.select(mine.call_id if mine else self.model.call_at(0).call_id)

    def update_buttons(self) -> None:
        self._update_attendant_buttons()
        target = self.target()
        self.hang_up_button.setEnabled(target is not None)
        self.transfer_button.setEnabled(target is not None)
        if target is None:
            idle = self.tr("You have no call; select a call in the list to act on it.")
            self.hang_up_button.setToolTip(idle)
            self.transfer_button.setToolTip(idle)
            return
        call = self.model.describe(target)
        self.hang_up_button.setToolTip(
            self.tr("Hang up the call with {call} (Num -, F5)").format(call=call)
        )
        self.transfer_button.setToolTip(
            self.tr(
                "Transfer the call with {call} to the number in the dial bar or the selected "
                "colleague (Ctrl+Num +, F4)"
            ).format(call=call)
        )

    def _update_attendant_buttons(self) -> None:
        me = self._operator_id()
        calls = self.model.calls()
        ringing = my_ringing_call(calls, me)
        consulting = my_consultation(calls, me)
        talking = my_answered_calls(calls, me)
        held = my_held_call(calls, me) is not None
        self.answer_button.setEnabled(ringing is not None)
        self.answer_button.setToolTip(
            self.tr("Answer the call ringing at me, on my local phone ({keys})").format(
                keys=key_label("answer")
            )
        )
        self.pick_up_button.setToolTip(
            self.tr(
                "Take the selected queue call, or the ringing call of the selected colleague, "
                "to my phone ({keys})"
            ).format(keys=key_label("pick_up"))
        )
        self.hold_button.setEnabled(bool(talking))
        self.hold_button.setText(self.tr("Resum&e") if held else self.tr("Ho&ld"))
        self.hold_button.setAccessibleName(self.hold_button.text().replace("&", ""))
        self.hold_button.setToolTip(
            self.tr("Put my caller on hold, or take them back ({keys})").format(
                keys=key_label("hold")
            )
        )
        self.consult_button.setEnabled(bool(talking) and consulting is None)
        self.consult_button.setToolTip(
            self.tr(
                "Hold my caller and call the number in the dial bar or the selected colleague "
                "first; then Transfer connects them ({keys})"
            ).format(keys=key_label("consult"))
        )
        self.go_back_button.setEnabled(consulting is not None or held)
        self.go_back_button.setToolTip(
            self.tr("End the call with the colleague and take my caller back ({keys})").format(
                keys=key_label("go_back")
            )
        )
