"""Operator polish, item 9: the top panels resized when my state text changed. The Me box keeps
its size hint whatever my state or forwarding says and whatever the lists hold."""

from __future__ import annotations

from konnekta_desktop.ui.switchboard import MainWindow


def test_my_state_text_and_the_lists_do_not_change_the_me_box_size(window: MainWindow) -> None:
    me = window.me_panel
    before = me.sizeHint()
    me.my_state_label.setText("Out of office until the end of the very long board meeting " * 3)
    me.my_forwarding_label.setText("+45 12 34 56 78 (forwarding to the front desk after hours)")
    me.state_combo.addItem("A template with a remarkably long name that goes on and on")
    me.caller_id_combo.addItem("+45 99 99 99 99 (Support and sales, the main number)")
    assert me.sizeHint().width() == before.width()
