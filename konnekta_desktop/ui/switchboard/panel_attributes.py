"""The window's attributes that live on its panels, still read through the window: the app, the
tray, the tests and the scripts use `window.grid`, `window.number_edit`, `window.dial_colleague()`
and the like, as they did when the window was one class.

Each is read-only: `number_edit = Part("dial_bar")` reads `window.dial_bar.number_edit`;
a second argument names the panel's attribute when it is called otherwise there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Self, overload

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
)

from ...domain.colleagues import Colleague
from ...domain.types import CallingDevice
from ...domain.wrapups import WrapUpSession
from ..colleague_filter import ColleagueFilterProxy
from ..colleagues import ColleagueTableModel
from ..wrapup_dialog import WrapUpForm

__all__ = ["PanelAttributes", "Part"]


class Part[T]:
    """A read-only attribute of the window that lives on one of its panels (or its commands)."""

    def __init__(self, panel: str, name: str = "") -> None:
        self.panel = panel
        self.name = name

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.name or name

    @overload
    def __get__(self, window: None, owner: type) -> Self: ...
    @overload
    def __get__(self, window: object, owner: type | None = None) -> T: ...
    def __get__(self, window: object, owner: type | None = None) -> Self | T:
        if window is None:
            return self
        value: T = getattr(getattr(window, self.panel), self.name)
        return value

    def __set__(self, window: object, value: object) -> None:
        raise AttributeError(f"{self.name} belongs to the window's {self.panel}")


class PanelAttributes:
    """Mixed into `MainWindow`, which has the panels named here as attributes."""

    # The dial bar, Me, the grid, the call panel and the status bar, read through the window.
    number_edit: Part[QLineEdit] = Part("dial_bar")
    number_hint: Part[QLabel] = Part("dial_bar")
    device_combo: Part[QComboBox] = Part("dial_bar")
    dial_button: Part[QPushButton] = Part("dial_bar")
    current_device: Part[Callable[[], CallingDevice]] = Part("dial_bar")
    my_state_dot: Part[QLabel] = Part("me_panel")
    my_state_label: Part[QLabel] = Part("me_panel")
    state_combo: Part[QComboBox] = Part("me_panel")
    caller_id_combo: Part[QComboBox] = Part("me_panel")
    forward_edit: Part[QLineEdit] = Part("me_panel")
    forward_set_button: Part[QPushButton] = Part("me_panel")
    forward_clear_button: Part[QPushButton] = Part("me_panel")
    my_forwarding_label: Part[QLabel] = Part("me_panel")
    operator: Part[Colleague | None] = Part("me_panel")
    set_my_template: Part[Callable[[str], None]] = Part("me_panel")
    set_my_forwarding: Part[Callable[[], None]] = Part("me_panel")
    clear_my_forwarding: Part[Callable[[], None]] = Part("me_panel")
    load_caller_ids: Part[Callable[[], None]] = Part("me_panel")
    focus_my_state: Part[Callable[[], None]] = Part("me_panel", "focus_state")
    focus_my_forwarding: Part[Callable[[], None]] = Part("me_panel", "focus_forwarding")
    focus_my_caller_id: Part[Callable[[], None]] = Part("me_panel", "focus_caller_id")
    filter_edit: Part[QLineEdit] = Part("grid_panel")
    count_label: Part[QLabel] = Part("grid_panel")
    grid: Part[QTableView] = Part("grid_panel")
    colleague_model: Part[ColleagueTableModel] = Part("grid_panel")
    proxy: Part[ColleagueFilterProxy] = Part("grid_panel")
    apply_filter: Part[Callable[[], None]] = Part("grid_panel")
    selected_colleague: Part[Callable[[], Colleague | None]] = Part("grid_panel")
    select_colleague: Part[Callable[[str], None]] = Part("grid_panel")
    target_colleague: Part[Callable[[], Colleague | None]] = Part("grid_panel")
    colleague_menu: Part[Callable[[Colleague], QMenu]] = Part("grid_panel")
    ask_forwarding: Part[Callable[[Colleague], None]] = Part("grid_panel")
    focus_filter: Part[Callable[[], None]] = Part("grid_panel")
    focus_grid: Part[Callable[[], None]] = Part("grid_panel")
    focus_calls: Part[Callable[[], None]] = Part("call_panel", "focus")
    call_view: Part[QTableView] = Part("call_panel", "view")
    hang_up_button: Part[QPushButton] = Part("call_panel")
    transfer_button: Part[QPushButton] = Part("call_panel")
    connection_icon: Part[QLabel] = Part("status_bar")
    connection_label: Part[QLabel] = Part("status_bar")
    last_event_label: Part[QLabel] = Part("status_bar")
    demo_label: Part[QLabel] = Part("status_bar")
    # The commands and the wrap-up dialogs.
    dial_current: Part[Callable[[CallingDevice | None], None]] = Part("commands")
    dial_selected_colleague: Part[Callable[[CallingDevice | None], None]] = Part("commands")
    dial_colleague: Part[Callable[[Colleague, CallingDevice | None], None]] = Part("commands")
    dial_number: Part[Callable[..., None]] = Part("commands")
    dial_clipboard: Part[Callable[[], None]] = Part("commands")
    hang_up: Part[Callable[[], None]] = Part("commands")
    transfer: Part[Callable[[], None]] = Part("commands")
    transfer_to: Part[Callable[..., None]] = Part("commands")
    activate_colleague: Part[Callable[[Colleague | None], None]] = Part("commands")
    ask: Part[Callable[[str, str, str, Callable[[], None]], None]] = Part("commands")
    question: Part[QMessageBox | None] = Part("commands")
    set_state_of: Part[Callable[[str, str], None]] = Part("commands")
    set_forwarding_of: Part[Callable[[str, str | None], None]] = Part("commands")
    open_wrapup: Part[Callable[[WrapUpSession], None]] = Part("wrapups", "open")
    open_pending_wrapups: Part[Callable[[], None]] = Part("wrapups", "open_pending")
    open_wrapups: Part[dict[str, WrapUpForm]] = Part("wrapups", "entries")
