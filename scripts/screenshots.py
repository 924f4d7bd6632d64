"""Screenshots of the switchboard in demo mode, in English and Danish, for docs/screenshots/.

Runs each language in its own process under Xvfb (started through xvfb-run; install it with
`apt-get install -y xvfb`), drives calls through the in-process simulator (a call-back among them)
and saves the switchboard, the wrap-up panel and the Settings > Mappings tab as PNG files; then
starts once more with no settings at all and saves the first-run window and Settings.

    uv run python scripts/screenshots.py [--languages en da] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = "1366x768x24"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="+", default=["en", "da"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--child", metavar="LANG", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        # A window manager, as on a desktop: title bars, focus and dialogs placed by it.
        manager = shutil.which("openbox")
        wm = subprocess.Popen([manager], stderr=subprocess.DEVNULL) if manager else None
        try:
            return asyncio.run(_shoot(args.child, args.out.resolve()), loop_factory=_loop_factory())
        finally:
            if wm is not None:
                wm.terminate()
    args.out.mkdir(parents=True, exist_ok=True)
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        print("xvfb-run is missing: install it with 'apt-get install -y xvfb'.", file=sys.stderr)
        return 1
    status = 0
    for language in args.languages:
        command = [
            xvfb,
            "-a",
            "-s",
            f"-screen 0 {SCREEN}",
            sys.executable,
            __file__,
            "--child",
            language,
            "--out",
            str(args.out),
        ]
        environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
        result = subprocess.run(command, env=environment, check=False)
        status = status or result.returncode
    return status


def _loop_factory():  # type: ignore[no-untyped-def]
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["konnekta-desktop-screenshots"])
    app.setQuitOnLastWindowClosed(False)
    return lambda: qasync.QEventLoop(app)


async def _until(condition, within: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    """Wait for something the simulator set going to reach the window (polling the GUI)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the demo did not reach the expected state")
        await asyncio.sleep(0.05)


async def _settle() -> None:
    # Let Qt lay out and paint before grabbing.
    for _ in range(10):
        await asyncio.sleep(0.03)


async def _shoot(language: str, out: Path) -> int:
    from konnekta_desktop.app import SwitchboardApp
    from konnekta_desktop.domain.status import Connection
    from konnekta_desktop.runtime import LaunchOptions, open_session

    folder = Path(tempfile.mkdtemp(prefix="konnekta-shots-"))
    options = LaunchOptions(demo=True, config_dir=folder, users=60, seed=7, log_to_stderr=False)
    app = SwitchboardApp(lambda: open_session(options), use_tray=False, language=language)
    await app.boot()
    session, window = app.session, app.window
    assert session is not None
    assert window is not None
    simulator = session.simulator  # type: ignore[attr-defined]
    simulator.set_auto_traffic(False)  # the scene below is set by hand, the same every run
    # A 1366x768 screen less a task bar (40 px) and a title bar (32 px): the first start's size.
    window.resize(1364, 696)
    await _until(lambda: session.connector.status.state is Connection.CONNECTED)
    await _until(lambda: window.operator_id is not None)

    operator_id = window.operator_id
    users = list(simulator.tenant.users.values())
    others = [u for u in users if u.id != operator_id]
    # My call, answered; a colleague talking; another ringing; a queue call and a call-back.
    mine = await simulator.ring(operator_id, "+4587123456", queue="Reception")
    await simulator.answer(mine)
    talking = await simulator.ring(others[5].id, "+4520304050")
    await simulator.answer(talking)
    await simulator.ring(others[8].id, "+4540506070")
    await simulator.ring_queue("Support", "+4528765432", callback=True)
    await simulator.ring_queue("Sales", "+4531415926")
    await _until(lambda: window.call_model.rowCount() >= 3)
    window.grid.setCurrentIndex(window.proxy.index(3, 0))
    window.dial_selected_colleague(None)  # a real dial: its confirmation shows in the message bar
    await _until(window.message_bar.isVisible)
    window.number_edit.setText("0045 87 65 43 21")
    await asyncio.sleep(1.2)  # durations tick past 0:00
    await _settle()
    saved = [_save(window, out / f"switchboard-{language}.png")]

    window.filter_edit.setText("salg")
    window.apply_filter()
    await _settle()
    saved.append(_save(window, out / f"switchboard-filtered-{language}.png"))
    window.filter_edit.clear()
    window.apply_filter()

    # Enter on a colleague during my call asks before transferring it there.
    window.number_edit.clear()
    window.select_colleague(others[2].id)
    window.activate_colleague(window.selected_colleague())
    await _until(lambda: window.question is not None)
    await _settle()
    saved.append(_save_screen(window, out / f"transfer-question-{language}.png"))
    question = window.question
    assert question is not None
    yes = question.defaultButton()
    assert yes is not None
    yes.click()  # transferred: my call ends, and its wrap-up says where it went

    # Wrap-up: the panel beside the grid and the calls, the note pre-filled, F10 in it.
    try:
        await _until(lambda: bool(window.open_wrapups), within=10)
        entry = next(iter(window.open_wrapups.values()))
        await _until(lambda: bool(entry.note_edit.text()), within=5)
        window.open_pending_wrapups()
        await _settle()
        saved.append(_save(window, out / f"wrapup-{language}.png"))
    except TimeoutError:
        print("No wrap-up opened (wrap-up off for the demo operator?)", file=sys.stderr)

    # The attendant: my caller held while I ask a colleague first, and the queues with calls
    # waiting (Reception's agents logged out, so its calls wait). The calls of the first scene
    # end first, so the call list shows these two.
    for call_id in list(simulator.tenant.calls):
        await simulator.hang_up(call_id)
    await _until(lambda: window.call_model.rowCount() == 0)
    for agent in simulator.tenant.queue_status("Reception").agents:
        await simulator.set_queue_login("Reception", agent.user_id, False)
    await simulator.ring_queue("Reception", "+4522446688")
    await simulator.ring_queue("Reception", "+4533557799", callback=True)
    held = await simulator.ring(operator_id, "+4561234567")
    await simulator.answer(held)
    await _until(lambda: window.call_model.row_of(held) is not None)
    colleague = others[4]
    window.number_edit.clear()
    window.select_colleague(colleague.id)
    window.attendant.consult()

    def consultation() -> str | None:
        for call_id, legs in simulator.tenant.calls.items():
            leg = legs.get(operator_id)
            if leg is not None and leg.consultation_for == held:
                return call_id
        return None

    await _until(lambda: consultation() is not None)
    consulting = consultation()
    assert consulting is not None
    await simulator.answer(consulting, user_id=colleague.id)
    await _until(lambda: window.call_model.row_of(consulting) is not None)
    await asyncio.sleep(1.2)  # the waits tick past 0:00
    await _settle()
    saved.append(_save(window, out / f"attendant-{language}.png"))

    try:
        from konnekta_desktop.ui.settings.dialog import SettingsDialog

        settings = SettingsDialog(session, window)
        settings.tabs.setCurrentWidget(settings.mappings)
        settings.resize(1000, 680)
        settings.show()
        await asyncio.sleep(1.0)  # the Mappings tab loads activities from Konnekta
        await _settle()
        saved.append(_save(settings, out / f"settings-mappings-{language}.png"))
        settings.reject()
    except ImportError:
        print("The settings window is not there yet: no Mappings screenshot", file=sys.stderr)

    app.request_quit()
    await app.close()
    shutil.rmtree(folder, ignore_errors=True)
    saved.extend(await _shoot_first_run(language, out))
    for path in saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


async def _shoot_first_run(language: str, out: Path) -> list[Path]:
    """The first start with no settings: the window behind, Settings open on Connection."""
    from konnekta_desktop.app import SwitchboardApp
    from konnekta_desktop.runtime import LaunchOptions, open_session

    folder = Path(tempfile.mkdtemp(prefix="konnekta-first-run-"))
    options = LaunchOptions(config_dir=folder, log_to_stderr=False)
    app = SwitchboardApp(
        lambda: open_session(options, strict=False), use_tray=False, language=language
    )
    await app.boot()
    window = app.window
    assert window is not None
    window.resize(1364, 696)
    dialog = window.settings_dialog
    saved = []
    if dialog is None:
        print("Settings did not open on the first run", file=sys.stderr)
    else:
        await _settle()
        saved.append(_save(window, out / f"first-run-window-{language}.png"))
        saved.append(_save(dialog, out / f"first-run-settings-{language}.png"))
        dialog.reject()
    app.request_quit()
    await app.close()
    shutil.rmtree(folder, ignore_errors=True)
    return saved


def _save_screen(window, path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The window with whatever stands over it (a question is a window of its own)."""
    screen = window.screen()
    frame = window.frameGeometry()
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    if not shot.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def _save(widget, path: Path) -> Path:  # type: ignore[no-untyped-def]
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


if __name__ == "__main__":
    sys.exit(main())
