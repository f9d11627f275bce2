"""Simulator window: 500 sensors at 10 readings/s run from the window; rates held, table refreshes, GUI latency.

The window runs offscreen in this process, its sensors in its sensor process, and the server headless
in a child process (python main.py server --headless). The sensors are added as the Add sensors
dialog adds them (the window's `sensors_added` signal) and started at once; once all are connected
and after a warm-up, they are measured for --seconds:
  rates     each sensor's readings measured per second against the rate asked (the slowest, the mean)
            and the readings acknowledged per second, all sensors together (target: all within 2%)
  table     table refreshes per second (target: 2 or more)
  latency   the GUI thread's event-loop lateness, from a QTimer due every 10 ms (target: p99 under 50 ms)
  close     how long closing the window takes to stop every sensor thread (target: under a second)
Exit code 0 when every target is met.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from app.bench.server_process import headless_server
from app.commands.common import positive_int, positive_number

PROBE_MS = 10
RATE_TOLERANCE = 0.02
MIN_REFRESHES = 2.0
MAX_P99_MS = 50.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sensors", type=positive_int, default=500, help="sensors (default: 500)")
    parser.add_argument("--rate", type=positive_number, default=10.0, help="readings/s per sensor (default: 10)")
    parser.add_argument("--seconds", type=positive_number, default=60.0, help="seconds measured (default: 60)")
    parser.add_argument("--warm-up", type=positive_number, default=3.0, help="seconds before measuring (default: 3)")


def run(args: argparse.Namespace) -> int:
    # Qt is loaded here only: building the command line for a headless command must not load it.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder, headless_server(Path(folder) / "bench.db", args.sensors + 16) as port:
        # The window's settings and layout go to the temporary folder, not the user's.
        os.environ["THERMOLAB_DATA_DIR"] = folder
        figures = _measure(args, port)
    for line in figures["lines"]:
        print(line, flush=True)
    return 0 if figures["met"] else 1


def _measure(args: argparse.Namespace, port: int) -> dict:
    from PySide6.QtCore import Qt, QTimer

    from app.qt_app import make_application, settle_heap
    from app.simulator.simulator_app import SimulatorApp
    from models.value_models import make_model

    app = make_application(sys.argv[:1])
    simulator = SimulatorApp("127.0.0.1", port)
    fleet = simulator.fleet
    simulator.start()
    started = time.monotonic()
    simulator.window.sensors_added.emit([f"bench_{n}" for n in range(1, args.sensors + 1)], make_model("walk"), args.rate, True)
    lateness: list[float] = []
    marks: dict[str, tuple] = {}
    last = [0.0]
    probe = QTimer(interval=PROBE_MS, timerType=Qt.TimerType.PreciseTimer)
    ready = QTimer(interval=100)

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, now - last[0] - PROBE_MS / 1000))
        last[0] = now

    def mark(name: str) -> None:
        snapshot = fleet.snapshot
        marks[name] = (snapshot.taken_at, [row.measured for row in snapshot.rows], snapshot.totals.acked, fleet.refreshes)

    def begin() -> None:
        mark("start")
        last[0] = time.perf_counter()
        probe.start()
        QTimer.singleShot(int(args.seconds * 1000), end)

    def end() -> None:
        probe.stop()
        mark("end")
        host = fleet.host
        closing = time.monotonic()
        # Closing the window as a user does; the application then quits on its last window closed.
        simulator.window.close()
        marks["close"] = (time.monotonic() - closing, host.alive)

    def check_ready() -> None:
        snapshot = fleet.snapshot
        if snapshot is not None and snapshot.totals.connected == args.sensors:
            ready.stop()
            marks["ready"] = (time.monotonic() - started,)
            QTimer.singleShot(int(args.warm_up * 1000), begin)

    probe.timeout.connect(tick)
    ready.timeout.connect(check_ready)
    ready.start()
    settle_heap()
    app.exec()
    return _figures(args, marks, lateness)


def _figures(args, marks, lateness) -> dict:
    start, end = marks["start"], marks["end"]
    close_seconds, host_alive = marks["close"]
    elapsed = end[0] - start[0]
    held = [(after - before) / elapsed / args.rate for before, after in zip(start[1], end[1], strict=True)]
    within = sum(abs(h - 1) <= RATE_TOLERANCE for h in held)
    acked = (end[2] - start[2]) / elapsed
    refreshes = (end[3] - start[3]) / elapsed
    ordered = sorted(lateness)
    p50, p99 = (ordered[int(q * (len(ordered) - 1))] * 1000 for q in (0.5, 0.99))
    met = within == len(held) and refreshes >= MIN_REFRESHES and p99 < MAX_P99_MS and close_seconds < 1.0 and not host_alive
    asked = args.sensors * args.rate
    return {
        "met": met,
        "lines": [
            f"{args.sensors} sensors at {args.rate:g} readings/s, added from the window, all connected after "
            f"{marks['ready'][0]:.1f} s; measured over {elapsed:.1f} s",
            f"rates     slowest sensor {min(held):.2%} of its rate, mean {statistics.fmean(held):.2%}, "
            f"{within} of {len(held)} within {RATE_TOLERANCE:.0%}; {acked:,.0f} acknowledged/s of {asked:,.0f} asked",
            f"table     {refreshes:.1f} refreshes/s",
            f"latency   GUI event loop late by p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {ordered[-1] * 1000:.1f} ms "
            f"({len(ordered):,} samples of a {PROBE_MS} ms timer)",
            f"close     every sensor thread stopped and the sensor process ended in {close_seconds * 1000:.0f} ms"
            + (" (it was still running: a target missed)" if host_alive else ""),
            "verdict   " + ("every target met" if met else "a target was missed"),
        ],
    }
