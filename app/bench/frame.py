"""The server window's own cost per frame: the GUI thread's CPU time for each part of a frame.

Readings are made up in this process, at the rate the window's benchmark streams, so nothing else
competes for the GIL or the cores: the figures move less from run to run than those of `bench
window`, which depend on the moment. They say where a frame's time goes, not how late the event
loop is.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time

import numpy as np

from app.commands.common import fail

WARM_UP = 0.2
"""The share of the frames left out: Qt fills its caches (glyphs, pixmaps) in the first ones."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sensors", type=int, default=100, help="sensors (default: 100)")
    parser.add_argument("--rate", type=float, default=500.0, help="readings/s per sensor (default: 500)")
    parser.add_argument("--seconds", type=float, default=15.0, help="how long to run (default: 15)")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pyqtgraph.widgets.GraphicsView import GraphicsView
    from PySide6.QtCore import QTimer

    from app.bench.window import _wait
    from app.qt_app import make_application, settle_heap
    from app.server.server_session import FRAME_MS
    from models.reading import Reading
    from models.series import SensorBatch, group_by_sensor
    from widgets.chart.chart import LiveChart
    from widgets.chart.curve_set import CurveSet
    from widgets.chart.time_axis import TimeAxis
    from widgets.server.server_window import ServerWindow

    app = make_application()
    spent: dict[str, list[float]] = {}
    parts = [
        ("adding the readings", ServerWindow, "add_readings"),
        ("following them (ranges)", LiveChart, "_redraw"),
        ("painting the plot", GraphicsView, "paintEvent"),
        ("  of which the curves", CurveSet, "paint"),
        ("  of which the time axis", TimeAxis, "paint"),
    ]
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder, contextlib.ExitStack() as timed:
        os.environ["THERMOLAB_DATA_DIR"] = folder
        for label, owner, name in parts:
            timed.enter_context(_timed(owner, name, spent.setdefault(label, [])))
        window = ServerWindow()
        window.resize(1280, 800)
        window.show()
        names = [f"capteur_{k + 1}" for k in range(args.sensors)]
        rng = np.random.default_rng(1)
        last = [time.time()]
        # A full window of history first, as after a restart: repaints and height measures cover it.
        past = np.linspace(last[0] - window.chart.time_window, last[0], int(args.rate * window.chart.time_window), endpoint=False)
        history = 20 + np.cumsum(rng.normal(0, 0.05, (args.sensors, len(past))), axis=1)
        window.add_readings({name: SensorBatch.of(past, history[k]) for k, name in enumerate(names)})
        levels = history[:, -1].copy()
        grouping = spent.setdefault("grouping the readings", [])

        def frame() -> None:
            now = time.time()
            count = max(1, round(args.rate * (now - last[0])))
            times = np.linspace(last[0], now, count, endpoint=False)
            values = levels[:, None] + np.cumsum(rng.normal(0, 0.05, (args.sensors, count)), axis=1)
            levels[:] = values[:, -1]
            last[0] = now
            readings = [
                Reading(names[k], float(values[k, i]), float(times[i])) for i in range(count) for k in range(args.sensors)
            ]
            began = time.thread_time()
            batches = group_by_sensor(readings)
            grouping.append(time.thread_time() - began)
            window.add_readings(batches)

        ticker = QTimer(interval=FRAME_MS, timeout=frame)
        ticker.start()
        settle_heap()
        _wait(app, lambda: False, args.seconds)
        ticker.stop()
        window.close()
    frames = len(spent["painting the plot"])
    if frames < 10:
        return fail(f"only {frames} frames painted in {args.seconds:g} s: run it longer", 1)
    print(f"{args.sensors} sensors at {args.rate:g} readings/s, {frames} frames painted in {args.seconds:g} s.")
    print("GUI thread CPU time of each part, each time it runs (about once a frame):")
    for label in ["grouping the readings", *(label for label, _, _ in parts)]:
        kept = np.array(spent[label][int(len(spent[label]) * WARM_UP) :]) * 1000
        print(f"  {label:26s} mean {kept.mean():5.2f} ms, 95th percentile {np.percentile(kept, 95):5.2f} ms")
    return 0


@contextlib.contextmanager
def _timed(owner: type, name: str, spent: list[float]):
    """While in use, each call of `owner.name` adds the thread's CPU time it took to `spent`."""
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        began = time.thread_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.thread_time() - began)

    setattr(owner, name, timed)
    try:
        yield
    finally:
        setattr(owner, name, original)
