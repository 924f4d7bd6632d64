"""The company connector: webhook-in to desktop-model latency with desktops connected, the server's
CPU per event against the headless connector's, idle desktops held while others get the stream,
and a desktop joining a 20,000-user tenant.

In one run, each in its own process: the simulator (login and tenant load only), the server under
test, the simulated desktops (bench/_desktops.py) and the load generator (bench/_loadgen.py, signed
events for the tenant's users at a fixed rate). Two servers, one after the other, on the same
tenant and the same load:

- **headless** (the baseline): the session `konnekta-desktop --headless` runs (`bench_session`:
  the webhook listener, a SQLite store, logging to a file), without the client API.
- **connector**: the same session with the client API around it, put together as
  `remote/service.py`'s `serve_connector` does (`ClientApi` started, then attached to the session
  with the operators' table of its store before the session starts), on a free loopback port.
  Desktops enrol through `Operators.invite` and `enrol`, one operator each, and connect with their
  device tokens.

Phases against the connector: (1) a desktop joins while nothing flows (`--joins` times): from
opening the connection until its `Mirror` (remote/mirror.py) has loaded the snapshot; (2)
`--desktops` desktops get the stream at `--rate` for `--seconds`; `--mirrors` of them decode every
update and apply it to a `Mirror`, as a desktop does, the others note when each update arrives
(one process cannot decode 50,000 updates a second for 50 models beside the server on this
machine; see bench/_desktops.py); (3) `--idle` more desktops connect (say hello, get their
snapshot, then only read) and everything is held for `--idle-seconds` under the same load, with
one more desktop joining halfway through; disconnects are counted. The joining desktop has a
process of its own; the stream and idle desktops share one.

Latency samples are the generator's `call.ringing` events, stamped with their send time
(`started_at`, time.time(), the same clock in every process). Server event-to-model: a model
subscriber sees the call (as bench/ingest.py measures it); client model: a mirror desktop has
applied the update that carries it; client socket: any stream desktop has read that update's frame.
CPU per event: the server process's user + system time over the measured window / events sent.

    uv run python bench/connector.py                      # ~7 min: 300 s hold, 20,000 users
    uv run python bench/connector.py --quick              # 5,000 users, 10 + 20 desktops
    uv run python bench/connector.py --rate 50 --seconds 3 --desktops 3 --idle 5 \\
        --idle-seconds 5 --users 500                      # a smoke run
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _common import (
    Child,
    answer,
    bench_session,
    machine_notes,
    peak_rss_mb,
    percentile,
    ratio,
    simulator,
    stdin_commands_on,
    table,
    watch_model,
)
from _load import SECRET_VARIABLE

BENCH = Path(__file__).resolve().parent
LOADGEN = BENCH / "_loadgen.py"
DESKTOPS = BENCH / "_desktops.py"
TOKENS_VARIABLE = "KONNEKTA_BENCH_TOKENS"  # as bench/_desktops.py reads it

# The targets.
TARGET_P99_MS = 25.0
TARGET_CPU_RATIO = 2.0
TARGET_JOIN_S = 0.5
TARGET_JOIN_USERS = 20_000
TARGET_IDLE, TARGET_IDLE_SECONDS = 200, 300.0


# ---------------------------------------------------------------- the server side


class ServerMeasure:
    """What the server process notes between `mark` and `window`: event-to-model latency of the
    stamped calls (as bench/ingest.py), the updates the session published, its CPU time."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []  # (send stamp, seconds until in the model)
        self.cpu_mark = time.process_time()
        self.events = 0
        self.batches = 0
        self.updates = 0

    def mark(self) -> None:
        self.samples.clear()
        self.cpu_mark = time.process_time()
        self.events = self.batches = self.updates = 0

    def window(self, wall_start: float, wall_end: float) -> dict[str, Any]:
        latencies = [lat * 1000 for sent, lat in self.samples if wall_start <= sent <= wall_end]
        return {
            "e2m_p50_ms": percentile(latencies, 0.50),
            "e2m_p99_ms": percentile(latencies, 0.99),
            "e2m_max_ms": max(latencies, default=0.0),
            "e2m_samples": len(latencies),
            "cpu_s": time.process_time() - self.cpu_mark,
            "events": self.events,
            "batches": self.batches,
            "updates": self.updates,
            "rss_mb": peak_rss_mb(),
        }


def watch(session: Any, measure: ServerMeasure) -> None:
    """Note when each stamped call first shows in the model, and count the session's updates."""
    watch_model(session.model, measure)

    def on_update(_update: Any) -> None:
        measure.updates += 1

    session.subscribe(on_update)


def enrol(api: Any, session: Any, count: int, path: Path) -> None:
    """`count` operators (the tenant's users, in name order), each with a device token; the tokens
    go to `path`, one a line, readable by this user only."""
    from konnekta_desktop.domain.interface import Role

    names = [colleague.user.username for colleague in session.colleagues]
    tokens = []
    for number in range(count):
        invitation = api.operators.invite(names[number % len(names)], Role.OPERATOR)
        token, _operator = api.operators.enrol(invitation.code, f"bench desktop {number}")
        tokens.append(token)
    path.touch(mode=0o600)
    path.write_text("\n".join(tokens) + "\n")


async def serve(variant: str, folder: Path) -> None:
    """The server under test, spoken to in lines on stdin (`READY listener-port [api-port]`)."""
    from konnekta_desktop.remote.operators import Operators
    from konnekta_desktop.remote.server import ClientApi

    measure = ServerMeasure()
    session = bench_session(folder)
    api: ClientApi | None = None
    operators: Operators | None = None
    if variant == "connector":
        # As serve_connector: the client API binds first, and is attached before the start.
        api = ClientApi("127.0.0.1", 0)
        await api.start()
        operators = Operators.open(session.store.path, session.clock)
        api.attach(session, operators)
    await session.start()
    await session.connector.wait_connected()
    # The listener keeps the subscription's secret valid beside this one (rotation).
    session.connector.listener.listener.set_secret(os.environ[SECRET_VARIABLE])
    watch(session, measure)

    loop = asyncio.get_running_loop()
    done = loop.create_future()

    async def handle(words: list[str]) -> None:
        if words[0] == "mark":
            measure.mark()
            answer({"marked": True})
        elif words[0] == "window":
            figures = measure.window(float(words[3]), float(words[4]))
            figures["clients"] = api.clients if api is not None else 0
            answer(figures)
        elif words[0] == "enrol" and api is not None:
            enrol(api, session, int(words[1]), Path(words[2]))
            answer({"enrolled": int(words[1])})
        elif words[0] == "quit":
            if api is not None:
                await api.close()  # clients first, as serve_connector stops
            await session.close()
            if operators is not None:
                operators.close()
            answer({"closed": True})
            done.set_result(None)
        else:
            answer({"unknown": words})

    stdin_commands_on(loop, handle)
    ports = [session.connector.listener.port] + ([api.port] if api is not None else [])
    print("READY", *ports, flush=True)
    await done


# ---------------------------------------------------------------- the orchestrator


def load_phase(
    children: Sequence[Child],
    port: int,
    ids_file: Path,
    env: dict[str, str],
    options: argparse.Namespace,
    seconds: float,
    during: Callable[[], dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    """Events at `options.rate` for `seconds` after a second's warm-up: the generator's figures,
    each child's for the measured window, and what `during` returned (run meanwhile)."""
    warmup = max(1, int(options.rate))
    limit = seconds + 30.0
    load = subprocess.Popen(
        [
            sys.executable,
            str(LOADGEN),
            f"--port={port}",
            f"--ids={ids_file}",
            f"--rate={options.rate}",
            f"--events={int(options.rate * seconds)}",
            f"--warmup={warmup}",
            f"--seed={options.seed}",
            f"--time-limit={limit}",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )
    watchdog = threading.Timer(limit + 30, load.kill)
    watchdog.start()
    try:
        assert load.stdin is not None
        assert load.stdout is not None
        if load.stdout.readline().strip() != "WARM":
            raise RuntimeError(f"the load generator failed (exit code {load.wait()})")
        for child in children:
            child.ask("mark")
        load.stdin.write("go\n")
        load.stdin.close()
        extra = during() if during is not None else {}
        output = load.stdout.read()
        load.wait()
    finally:
        watchdog.cancel()
    if load.returncode != 0:
        raise RuntimeError(f"the load generator failed (exit code {load.returncode})")
    client: dict[str, Any] = json.loads(output.splitlines()[-1])
    (start, end), (wall_start, wall_end) = client["window"], client["wall_window"]
    time.sleep(0.5)  # late events reach the models after the generator's window closes
    served = [child.ask(f"window {start} {end} {wall_start} {wall_end}") for child in children]
    return client, served, extra


def quit_child(child: Child) -> None:
    """Ask a child to stop cleanly; it is killed if it does not answer (see `Child.close`)."""
    try:
        if child.process.poll() is None:
            child.ask("quit")
    except (RuntimeError, OSError, ValueError) as error:
        progress(f"a child did not stop cleanly: {error}")
        child.process.kill()
    finally:
        child.close()


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_headless(
    options: argparse.Namespace, env: dict[str, str], ids_file: Path
) -> dict[str, Any]:
    child = Child(
        [sys.executable, __file__, "--serve", "headless"], env=env, timeout=options.seconds + 180
    )
    try:
        load, (served,), _ = load_phase(
            [child], int(child.ready[1]), ids_file, env, options, options.seconds
        )
    finally:
        quit_child(child)
    progress(
        f"headless: {load['rate']:.0f} ev/s, event-to-model p99 {served['e2m_p99_ms']:.1f} ms, "
        f"CPU {served['cpu_s'] * 1e6 / max(1, load['sent']):.0f} µs/event"
    )
    return {"load": load, "server": served}


def run_connector(
    options: argparse.Namespace, env: dict[str, str], ids_file: Path, tokens_file: Path
) -> dict[str, Any]:
    lifetime = options.seconds + options.idle_seconds + 600
    child = Child([sys.executable, __file__, "--serve", "connector"], env=env, timeout=lifetime)
    children: list[Child] = [child]
    results: dict[str, Any] = {}
    try:
        listener_port, api_port = int(child.ready[1]), int(child.ready[2])
        join_index = options.desktops + options.idle
        child.ask(f"enrol {join_index + 1} {tokens_file}")

        def desktops_process() -> Child:
            started = Child(
                [sys.executable, str(DESKTOPS), f"--url=ws://127.0.0.1:{api_port}/client"],
                env={TOKENS_VARIABLE: str(tokens_file)},
                timeout=lifetime,
            )
            children.append(started)
            return started

        # The joining desktop has a process of its own, so that decoding its snapshot does not
        # hold up the desktops that get the stream.
        joiner = desktops_process()
        results["joins"] = [joiner.ask(f"join {join_index}") for _ in range(options.joins)]
        progress(f"quiet joins: {[round(j.get('seconds', -1), 3) for j in results['joins']]} s")

        desktops = desktops_process()
        mirrors = min(options.mirrors, options.desktops)
        results["open_stream"] = desktops.ask(f"open stream {options.desktops} 0 {mirrors}")
        progress(f"stream desktops: {results['open_stream']}")
        load, (served, clients), _ = load_phase(
            [child, desktops], listener_port, ids_file, env, options, options.seconds
        )
        results["stream"] = {"load": load, "server": served, "desktops": clients}
        progress(
            f"connector, {options.desktops} desktops: client model p99 "
            f"{clients['model_p99_ms']:.1f} ms, socket p99 {clients['socket_p99_ms']:.1f} ms, "
            f"CPU {served['cpu_s'] * 1e6 / max(1, load['sent']):.0f} µs/event"
        )

        results["open_idle"] = desktops.ask(f"open idle {options.idle} {options.desktops} 0")
        progress(f"idle desktops: {results['open_idle']}")

        def join_halfway() -> dict[str, Any]:
            time.sleep(options.idle_seconds / 2)
            return joiner.ask(f"join {join_index}")

        load, (served, clients), joined = load_phase(
            [child, desktops],
            listener_port,
            ids_file,
            env,
            options,
            options.idle_seconds,
            during=join_halfway,
        )
        results["hold"] = {"load": load, "server": served, "desktops": clients}
        results["join_under_load"] = joined
        progress(
            f"hold: disconnects {clients['disconnects']}, client model p99 "
            f"{clients['model_p99_ms']:.1f} ms, join under load {joined.get('seconds', -1):.3f} s"
        )
    finally:
        for started in reversed(children):  # the desktops first, then the connector
            quit_child(started)
    return results


def cpu_per_event(run: dict[str, Any]) -> float:
    """Server CPU microseconds per event sent in the measured window."""
    sent = int(run["load"]["sent"])
    return float(run["server"]["cpu_s"]) * 1e6 / max(1, sent)


def verdict(passed: bool) -> str:
    return "**pass**" if passed else "**FAIL**"


def report(
    options: argparse.Namespace, headless: dict[str, Any], connector: dict[str, Any]
) -> None:
    base_cpu = cpu_per_event(headless)
    stream, hold = connector["stream"], connector["hold"]
    rows: list[list[object]] = []
    for label, run in (
        ("headless (no client API)", headless),
        (f"connector, {options.desktops} desktops", stream),
        (f"connector, {options.desktops} + {options.idle} idle desktops (hold)", hold),
    ):
        load, server = run["load"], run["server"]
        clients = run.get("desktops")
        seconds = load["window"][1] - load["window"][0]
        rows.append(
            [
                label,
                round(load["rate"]),
                server["e2m_p99_ms"],
                clients["model_p99_ms"] if clients else "-",
                clients["socket_p99_ms"] if clients else "-",
                round(cpu_per_event(run)),
                ratio(cpu_per_event(run), base_cpu),
                round(server["updates"] / seconds) if seconds else 0,
                len(clients["disconnects"]) if clients else "-",
                f"{clients['cpu_s'] / seconds:.0%}" if clients and seconds else "-",
                clients["lag_p99_ms"] if clients else "-",
                round(server["rss_mb"]),
                load["sent"] - load["ok"],
            ]
        )
    print(
        table(
            [
                "server",
                "events/s",
                "server event-to-model p99 ms",
                "client model p99 ms",
                "client socket p99 ms",
                "server CPU µs/event",
                "CPU vs headless",
                "updates/s",
                "disconnects",
                "desktops' process CPU",
                "desktops' loop lag p99 ms",
                "server peak RSS MB",
                "HTTP errors",
            ],
            rows,
        )
    )
    print()
    joins = [j for j in connector["joins"] if j.get("joined")]
    join_rows: list[list[object]] = []
    if joins:
        middle = statistics.median(j["seconds"] for j in joins)
        typical = min(joins, key=lambda j: abs(j["seconds"] - middle))
        join_rows.append([f"quiet (median of {len(joins)})", *_join_cells(typical)])
        slowest = max(joins, key=lambda j: j["seconds"])
        join_rows.append(["quiet, slowest", *_join_cells(slowest)])
    under = connector["join_under_load"]
    if under.get("joined"):
        join_rows.append(["during the hold (stream + idle desktops)", *_join_cells(under)])
    if join_rows:
        print(
            table(
                [
                    "desktop joining",
                    "users",
                    "upgraded s",
                    "welcome s",
                    "snapshot read s",
                    "decoded s",
                    "model loaded s",
                ],
                join_rows,
            )
        )
        print()

    streamed, held = stream["desktops"], hold["desktops"]
    print(
        f"Update frames: {streamed['update_bytes']:.0f} bytes on average; a mirror desktop "
        f"decodes and applies one in {streamed['apply_us']:.0f} µs; updates missing from a "
        f"desktop's sequence: {streamed['gaps']} by the end of the stream phase, "
        f"{held['gaps']} by the end of the hold."
    )
    print()
    print("Targets:")
    p99 = streamed["model_p99_ms"]
    print(
        f"- at {options.rate:g} events/s with {options.desktops} desktops: webhook-in to client "
        f"model p99 {p99:.1f} ms over {streamed['mirrors']} mirror desktops "
        f"({streamed['model_samples']} samples; socket p99 {streamed['socket_p99_ms']:.1f} ms "
        f"over all {options.desktops}), headless event-to-model p99 "
        f"{headless['server']['e2m_p99_ms']:.1f} ms in the same run (<= {TARGET_P99_MS:g}): "
        f"{verdict(p99 <= TARGET_P99_MS and streamed['model_samples'] > 0)}"
    )
    cpu_ratio = cpu_per_event(stream) / base_cpu if base_cpu else float("inf")
    print(
        f"- server CPU per event with {options.desktops} desktops: {cpu_per_event(stream):.0f} µs "
        f"against {base_cpu:.0f} µs headless, {cpu_ratio:.2f}x (<= {TARGET_CPU_RATIO:g}x): "
        f"{verdict(cpu_ratio <= TARGET_CPU_RATIO)}"
    )
    lost = held["disconnects"]
    still = held["idle_connected"] + held["stream_connected"]
    full = options.idle >= TARGET_IDLE and options.idle_seconds >= TARGET_IDLE_SECONDS
    print(
        f"- {options.idle} idle desktops held {options.idle_seconds:g} s while "
        f"{options.desktops} got the stream: {len(lost)} disconnects"
        f"{' ' + str(lost) if lost else ''}, {still} of {options.idle + options.desktops} "
        f"connected at the end (none lost): {verdict(not lost and still == options.idle + options.desktops)}"
        + (
            ""
            if full
            else f" (short run: the target is {TARGET_IDLE} for {TARGET_IDLE_SECONDS:g} s)"
        )
    )
    if joins:
        middle = statistics.median(j["seconds"] for j in joins)
        users = joins[0]["users"]
        print(
            f"- a desktop joining builds its model from the snapshot of {users:,} users in "
            f"{middle:.3f} s (median of {len(joins)} quiet joins; "
            f"{under.get('seconds', float('nan')):.3f} s during the hold) "
            f"(<= {TARGET_JOIN_S:g} s): {verdict(middle <= TARGET_JOIN_S)}"
            + ("" if users >= TARGET_JOIN_USERS else f" (the target is for {TARGET_JOIN_USERS:,})")
        )
    else:
        print(f"- joining: no desktop joined ({connector['joins']}): {verdict(False)}")


def _join_cells(join: dict[str, Any]) -> list[object]:
    return [
        join["users"],
        f"{join['upgraded_s']:.3f}",
        f"{join['welcome_s']:.3f}",
        f"{join['snapshot_s']:.3f}",
        f"{join['decoded_s']:.3f}",
        f"{join['seconds']:.3f}",
    ]


def orchestrate(options: argparse.Namespace) -> int:
    from konnekta_desktop.konnekta.signing import new_secret
    from konnekta_desktop.simulator.tenant import generate_tenant

    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-connector-") as folder:
        ids_file = Path(folder) / "user-ids.txt"
        ids_file.write_text("\n".join(generate_tenant(options.users, options.seed).users))
        tokens_file = Path(folder) / "device-tokens.txt"
        with simulator(options.users, options.seed, timeout=120.0) as sim:
            env = {**sim.env(), SECRET_VARIABLE: new_secret()}
            headless = run_headless(options, env, ids_file)
            connector = run_connector(options, env, ids_file, tokens_file)
    print(f"Machine: {machine_notes()}")
    print(
        f"Run: {options.users:,} users; {options.rate:g} events/s (per 5: 2 call.ringing, "
        f"2 call.ended, 1 user.presence.changed) for {options.seconds:g} s after 1 s of warm-up, "
        f"headless then connector; {options.desktops} stream desktops "
        f"({min(options.mirrors, options.desktops)} with a "
        f"model), then {options.idle} idle desktops more held {options.idle_seconds:g} s under the "
        f"same load; {options.joins} quiet joins and one during the hold; "
        f"whole run {time.monotonic() - began:.0f} s"
    )
    print()
    report(options, headless, connector)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=float, default=1000.0, help="events/s")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured stream phase")
    parser.add_argument("--desktops", type=int, default=50, help="desktops getting the stream")
    parser.add_argument("--mirrors", type=int, default=5, help="of those, with a model")
    parser.add_argument("--idle", type=int, default=TARGET_IDLE, help="idle desktops held")
    parser.add_argument("--idle-seconds", type=float, default=TARGET_IDLE_SECONDS)
    parser.add_argument("--users", type=int, default=TARGET_JOIN_USERS)
    parser.add_argument("--joins", type=int, default=3, help="quiet joins timed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a short run: 3 s stream, 10 desktops, 20 idle for 10 s, 5,000 users",
    )
    parser.add_argument("--serve", choices=["headless", "connector"], help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.quick:
        options.seconds, options.desktops, options.mirrors = 3.0, 10, 2
        options.idle, options.idle_seconds, options.users, options.joins = 20, 10.0, 5_000, 1
    if options.serve is not None:
        with tempfile.TemporaryDirectory(prefix="bench-connector-app-") as folder:
            asyncio.run(serve(options.serve, Path(folder)))
        return 0
    if options.mirrors < 1 or options.desktops < 1:
        parser.error("at least one desktop, and one mirror desktop, are needed")
    return orchestrate(options)


if __name__ == "__main__":
    sys.exit(main())
