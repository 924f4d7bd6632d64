"""Play the call-safety key sequences against the demo and record what reached the PBX.

Runs the demo (the in-process simulator) in a real window under Xvfb with a small window manager,
types with xdotool (real X key events, a millisecond apart, as a fast typist's), and for each
scene records what the simulator received, the message shown, the highlighted colleague and any
question asked. The record is printed as Markdown (docs/call-safety.md keeps the last one).

Needs Xvfb, xdotool and openbox (`apt-get install -y xvfb xdotool openbox`).

    uv run python scripts/call_safety_demo.py [--out docs/call-safety.md]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = "1366x768x24"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the record to this file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        record = asyncio.run(_play(), loop_factory=_loop_factory())
        print(record)
        if args.out is not None:
            args.out.write_text(record, encoding="utf-8")
        return 0
    missing = [tool for tool in ("xvfb-run", "xdotool", "openbox") if shutil.which(tool) is None]
    if missing:
        print(f"Missing: {', '.join(missing)}; install them with apt-get.", file=sys.stderr)
        return 1
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__, "--child"]
    if args.out:
        command += ["--out", str(args.out.resolve())]
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, env=environment, check=False).returncode


def _loop_factory():  # type: ignore[no-untyped-def]
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["konnekta-desktop-call-safety"])
    app.setQuitOnLastWindowClosed(False)
    return lambda: qasync.QEventLoop(app)


async def _until(condition: Callable[[], object], within: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the demo did not reach the expected state")
        await asyncio.sleep(0.02)


async def _keys(*arguments: str) -> None:
    """Real key events through the X server, as the operator's keyboard sends them."""
    process = await asyncio.create_subprocess_exec("xdotool", *arguments)
    await process.wait()


async def _settle(seconds: float = 0.6) -> None:
    """Let commands reach the simulator and the window follow (the screen updates every 33 ms)."""
    await asyncio.sleep(seconds)


@dataclass
class Scene:
    name: str
    keys: str
    expected: str
    sent: list[str]
    message: str
    highlighted: str
    question: str


async def _play() -> str:
    from PySide6.QtWidgets import QMessageBox

    from konnekta_desktop.app import SwitchboardApp
    from konnekta_desktop.domain.status import Connection
    from konnekta_desktop.runtime import LaunchOptions, open_session
    from konnekta_desktop.ui.switchboard import colleague_number

    wm = await asyncio.create_subprocess_exec(
        "openbox", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    await asyncio.sleep(1.0)  # the window manager takes over the screen before the window shows
    folder = Path(tempfile.mkdtemp(prefix="konnekta-call-safety-"))
    options = LaunchOptions(demo=True, config_dir=folder, log_to_stderr=False)
    app = SwitchboardApp(lambda: open_session(options), use_tray=False, language="en")
    await app.boot()
    session, window = app.session, app.window
    assert session is not None
    assert window is not None
    simulator: Any = session.simulator  # type: ignore[attr-defined]
    simulator.set_auto_traffic(False)
    window.resize(1366, 740)
    await _until(lambda: session.connector.status.state is Connection.CONNECTED)
    await _until(lambda: window.operator_id is not None)
    window.activateWindow()
    await _until(window.isActiveWindow)
    me = window.operator_id
    users = {user.id: user for user in simulator.tenant.users.values()}
    queue, queue_info = next(
        (name, info) for name, info in simulator.tenant.queues.items() if me not in info.agents
    )
    agent = users[queue_info.agents[0]]
    plan = session.plan
    scenes: list[Scene] = []

    def sent_since(mark: int) -> list[str]:
        lines = []
        for request in simulator.received[mark:]:
            if request.method == "GET":
                continue
            body = f" {request.body}" if request.body else ""
            lines.append(f"{request.method} {request.path}{body}")
        return lines

    def question() -> QMessageBox | None:
        boxes = [box for box in window.findChildren(QMessageBox, "question") if box.isVisible()]
        return boxes[0] if boxes else None

    def highlighted() -> str:
        colleague = window.selected_colleague()
        return colleague.user.name if colleague else "nobody"

    async def scene(name: str, keys: str, expected: str, play: Callable[[], Any]) -> None:
        """Play one scene and record what it did."""
        window.dismiss_message()
        # The keys go where X's input focus is: the open question, else the switchboard.
        front = question() or window
        await _keys("windowactivate", "--sync", str(int(front.winId())))
        await _until(front.isActiveWindow)
        mark = len(simulator.received)
        try:
            await play()
        except TimeoutError:
            expected = f"{expected} (TIMED OUT: the scene did not finish)"
        await _settle()
        box = question()
        scenes.append(
            Scene(
                name,
                keys,
                expected,
                sent_since(mark),
                window.message_bar.text(),
                highlighted(),
                box.text() if box else "",
            )
        )

    async def panel_shows(call_id: str, status: str) -> None:
        def shown() -> bool:
            row = window.call_model.row_of(call_id)
            return row is not None and window.call_model.index(row, 4).data() == status

        await _until(shown)

    async def colleagues_call() -> str:
        call_id = await simulator.ring_queue(queue, "+4587654321")
        await simulator.answer(call_id, user_id=agent.id)
        await panel_shows(call_id, f"Talking: {agent.name}")
        return call_id

    async def my_call(caller: str) -> str:
        call_id = await simulator.ring(me, caller)
        await simulator.answer(call_id)
        await panel_shows(call_id, "Talking (me)")
        return call_id

    # 1. F5 with only a colleague's call in the list.
    theirs = await colleagues_call()

    async def press_f5() -> None:
        await _keys("key", "F5")

    await scene(
        f"Only {agent.name}'s {queue} call in the list",
        "F5",
        "nothing sent; says there is no call of mine",
        press_f5,
    )

    # 2. F4 a moment after my own caller hung up.
    mine = await my_call("+4587650001")
    window.number_edit.setText("87 11 22 33")

    async def caller_hangs_up_then_f4() -> None:
        await simulator.hang_up(mine)
        await _until(lambda: window.call_model.row_of(mine) is None)
        # The wrap-up window opens on top when my call ends: back to the switchboard at once.
        await _until(lambda: bool(window.open_wrapups), within=2)
        await _keys("windowactivate", "--sync", str(int(window.winId())))
        await _keys("key", "F4")

    await scene(
        "My caller hung up (the wrap-up opens; back to the switchboard); the dial bar holds"
        " 87 11 22 33",
        "F4",
        f"nothing sent; {agent.name}'s call stays",
        caller_hangs_up_then_f4,
    )
    window.number_edit.clear()

    # 3. Typing a name and F4 at once during my call.
    mine = await my_call("+4587650002")
    # Someone whose first name no other first name starts with: the one the rule puts on top.
    firsts = [user.name.split()[0].casefold() for user in users.values()]
    target = next(
        user
        for user in users.values()
        if user.id not in (me, agent.id)
        and user.lines
        and sum(first.startswith(user.name.split()[0].casefold()) for first in firsts) == 1
    )
    typed = target.name.split()[0].casefold()
    decoy = next(u for u in users.values() if u.id not in (me, target.id))
    window.select_colleague(decoy.id)
    window.filter_edit.setFocus()

    async def type_then_f4() -> None:
        await _keys("type", "--delay", "1", typed)
        await _keys("key", "--delay", "1", "F4")

    colleague = session.model.get(target.id)
    assert colleague is not None
    number = plan.display(colleague_number(colleague) or "")
    await scene(
        f"{decoy.name} highlighted; type {typed!r}",
        f"{typed} F4 (1 ms apart)",
        f"transfers my call to the top result for {typed!r}, {target.name} ({number}), who is"
        " then highlighted",
        type_then_f4,
    )
    window.filter_edit.clear()
    window.apply_filter()

    # 4. Enter on a colleague during my call.
    mine = await my_call("+4587650003")
    await _until(lambda: window.call_model.row_of(mine) is not None)
    window.select_colleague(decoy.id)
    window.grid.setFocus()

    async def enter() -> None:
        await _keys("key", "Return")

    await scene(
        f"My call; {decoy.name} highlighted in the list",
        "Enter",
        "asks to transfer my caller there; nothing sent yet",
        enter,
    )

    async def escape() -> None:
        await _keys("key", "Escape")

    await scene("The question is open", "Esc", "nothing sent", escape)

    async def enter_enter() -> None:
        await _keys("key", "Return")
        await _until(lambda: question() is not None)
        await _keys("key", "Return")

    await scene("My call again", "Enter Enter", f"transfers my call to {decoy.name}", enter_enter)

    # 5. A selected call ends while others come and go.
    first = await simulator.ring_queue(queue, "+4587000001")
    second = await simulator.ring_queue(queue, "+4587000002")
    await _until(lambda: window.call_model.row_of(second) is not None)
    window.call_panel.select(second)

    async def selected_call_ends_then_f5() -> None:
        await simulator.hang_up(first)
        await simulator.ring_queue(queue, "+4587000003")
        await simulator.hang_up(second)
        await _until(lambda: window.call_model.row_of(second) is None)
        await _keys("key", "F5")

    await scene(
        "87 00 00 02 selected; 87 00 00 01 ends, 87 00 00 03 arrives, then 87 00 00 02 ends",
        "F5",
        "nothing selected, nothing sent; says there is no call of mine",
        selected_call_ends_then_f5,
    )

    # 6. A colleague's answered call, selected on purpose.
    window.call_panel.select(theirs)

    async def f5_then_enter() -> None:
        await _keys("key", "F5")
        await _until(lambda: question() is not None)
        await _keys("key", "Return")

    await scene(
        f"{agent.name}'s call selected in the call list",
        "F5 Enter",
        "asks first; Enter confirms and hangs that call up",
        f5_then_enter,
    )

    app.request_quit()
    await app.close()
    wm.terminate()
    await wm.wait()
    shutil.rmtree(folder, ignore_errors=True)
    return _markdown(scenes)


def _markdown(scenes: list[Scene]) -> str:
    lines = [
        "# Call safety in the demo",
        "",
        "What `scripts/call_safety_demo.py` recorded: the demo in a real window under Xvfb, keys",
        "typed through the X server with xdotool, and what reached the simulated PBX (GET requests",
        "left out).",
        "",
        "| scene | keys | expected | sent to the PBX | message | highlighted | question |",
        "|---|---|---|---|---|---|---|",
    ]
    for scene in scenes:
        sent = "<br>".join(f"`{line}`" for line in scene.sent) or "nothing"
        cells = [
            scene.name,
            scene.keys,
            scene.expected,
            sent,
            scene.message,
            scene.highlighted,
            scene.question,
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
