"""The server window under load: event-loop latency, chart redraws, memory, and a 1,000,000-point pan.

The window runs in this process on Qt's offscreen platform, its server in a QThread as usual; the
sensors are `python main.py simulate` in another process, as a user would run them.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from app.bench.alarms import add_rules
from app.commands.common import fail
from models.value_models import DEFAULT_MODEL, ModelError, parse_model

ROOT = Path(__file__).resolve().parent.parent.parent
TICK_MS = 10


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sensors", type=int, default=100, help="simulated sensors (default: 100)")
    parser.add_argument("--rate", type=float, default=500.0, help="readings/s per sensor (default: 500, 50,000 in all)")
    parser.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"the sensors' value model, as for simulate (default: {DEFAULT_MODEL})"
    )
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to stream (default: 30; 600 for the memory check)")
    parser.add_argument(
        "--rules", type=int, default=0, help="alarm rules in the server's database, none crossed (default: 0; bench alarms)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        parse_model(args.model)
    except ModelError as error:
        return fail(str(error), 2)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.qt_app import make_application, settle_heap
    from app.server.server_app import ServerApp
    from models.server_config import ServerConfig

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder:
        os.environ["THERMOLAB_DATA_DIR"] = folder
        database = Path(folder) / "bench.db"
        add_rules(database, args.rules, [f"capteur_{number}" for number in range(1, args.sensors + 1)])
        server_app = ServerApp(ServerConfig(port=0, storage_path=database))
        server_app.window.resize(1280, 800)
        ports: list[int] = []
        server_app.session.listening.connect(lambda host, port: ports.append(port))
        server_app.start()
        _wait(app, lambda: ports, 10)
        settle_heap()

        lateness: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            lateness.append(max(0, now - last[0] - TICK_MS))
            last[0] = now

        ticker = QTimer(interval=TICK_MS, timeout=tick)
        ticker.start()
        sensors = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "simulate",
                "--sensors",
                str(args.sensors),
                "--rate",
                str(args.rate),
                "--duration",
                str(args.seconds),
                "--port",
                str(ports[0]),
                "--model",
                args.model,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        memory = []
        _wait(app, lambda: server_app.session.server.monitor.totals().received > 0, 30)
        frames_before, start = server_app.window.chart.frames, time.perf_counter()
        full_before = server_app.window.chart.full_frames
        received_before = server_app.session.server.monitor.totals().received
        lateness.clear()
        minute = _Minute(server_app, lateness)
        while sensors.poll() is None:
            _wait(app, lambda: False, 1.0)
            memory.append(_rss_mb())
            if time.perf_counter() - minute.start >= 60:
                minute = minute.report()
        elapsed = time.perf_counter() - start
        frames = server_app.window.chart.frames - frames_before
        received = server_app.session.server.monitor.totals().received - received_before
        ticker.stop()
        server_app.window.close()
        rules = f", {args.rules} alarm rules" if args.rules else ""
        rate = received / elapsed
        print(f"{args.sensors} sensors{rules} for {elapsed:.0f} s: {rate:,.0f} readings/s received by the window's server")
        print(
            f"GUI event-loop lateness ({TICK_MS} ms timer): p50 {np.percentile(lateness, 50):.1f} ms, "
            f"p99 {np.percentile(lateness, 99):.1f} ms, max {max(lateness):.0f} ms"
        )
        full = server_app.window.chart.full_frames - full_before
        print(f"chart redraws: {frames / elapsed:.1f} per second, {full / max(frames, 1):.0%} of them painting every curve")
        third = max(1, len(memory) // 3)
        print(
            f"resident memory: {np.mean(memory[:third]):.0f} MB in the first third, {np.mean(memory[-third:]):.0f} MB in the last"
        )
    pan_redraw(app)
    return 0


def pan_redraw(app) -> None:
    """20 sensors x 50,000 points; the time of one full repaint while the view pans across them,
    forward (the chart moves its last picture) and back (it paints everything)."""
    from models.series import SensorBatch
    from widgets.chart.chart import LiveChart

    chart = LiveChart("", decimate=False)
    chart.resize(1280, 600)
    chart.show()
    now = time.time()
    times = now - 50_000 + np.arange(50_000.0)
    chart.add_points({f"capteur_{k}": SensorBatch.of(times, 20 + 5 * np.sin(times / 3000 + k)) for k in range(20)})
    chart.set_following(False)
    chart.plot.setXRange(now - 50_000, now - 30_000, padding=0)
    chart.plot.grab()
    durations: dict[str, list[float]] = {"forward": [], "back": []}
    for way, step in [("forward", step) for step in range(1, 21)] + [("back", step) for step in range(19, -1, -1)]:
        start = now - 50_000 + step * 1_000
        chart.plot.setXRange(start, start + 20_000, padding=0)
        began = time.perf_counter()
        chart.plot.grab()
        durations[way].append((time.perf_counter() - began) * 1000)
    print(
        "1,000,000 points, panning: repaint "
        + ", ".join(f"{way} p50 {np.percentile(spent, 50):.1f} ms, max {max(spent):.1f} ms" for way, spent in durations.items())
    )
    chart.close()


class _Minute:
    """One line a minute over a long run: whether the window stays smooth and its memory flat."""

    def __init__(self, server_app, lateness: list[float]):
        self.server_app, self.lateness = server_app, lateness
        self.start, self.first_tick = time.perf_counter(), len(lateness)
        self.frames = server_app.window.chart.frames
        self.received = server_app.session.server.monitor.totals().received

    def report(self) -> _Minute:
        seconds = time.perf_counter() - self.start
        ticks = self.lateness[self.first_tick :]
        received = self.server_app.session.server.monitor.totals().received - self.received
        print(
            f"  {time.strftime('%H:%M:%S')}: {received / seconds:,.0f} readings/s, "
            f"lateness p99 {np.percentile(ticks, 99) if ticks else 0:.0f} ms, "
            f"{(self.server_app.window.chart.frames - self.frames) / seconds:.1f} redraws/s, {_rss_mb():.0f} MB"
            f"{_malloc_in_use()}",
            flush=True,
        )
        return _Minute(self.server_app, self.lateness)


def _wait(app, done, seconds: float) -> None:
    """Run the event loop until `done()` or the time is up (the bench drives Qt as main() would)."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def _malloc_in_use() -> str:
    """What malloc has handed out and not taken back, where glibc can say: memory that grows there, while
    Python's objects do not, is held by C code (Qt, SQLite, numpy)."""
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return ""
    mallinfo2.restype = _MallInfo2
    return f" (malloc {mallinfo2().uordblks / 2**20:.1f} MB in use)"


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    ]


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
