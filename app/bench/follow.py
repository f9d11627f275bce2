"""A window following a database that a collector in another process writes: the cost of a look and
the delay from commit to chart.

The collector is `python main.py server --headless`; this process sends it a steady stream, plus one
acked marker reading every tenth of a second, and runs the read-only window (app/viewer_app.py) on
Qt's offscreen platform. A marker's delay runs from its ack, which follows its commit, to the look that
brought it into the sensors table. A look that finds nothing is timed alone beforehand, as the cost of
following a database nobody writes.

The database is a SQLite file, or with `--db postgresql://...` a schema of its own in that database,
dropped at the end (as `bench ingest --db` does): there a commit's NOTIFY wakes the window at once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from app.bench.frame import _timed
from app.bench.server_process import headless_server

MARKER = "marker"
MARKER_EVERY = 0.1
IDLE_LOOKS = 20_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rate", type=int, default=2_000, help="readings/s streamed besides the markers (default: 2,000)")
    parser.add_argument("--sensors", type=int, default=50, help="sensors the stream spreads over (default: 50)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to stream (default: 10)")
    parser.add_argument("--db", metavar="URL", help="follow a PostgreSQL database (default: a SQLite file)")


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from app.qt_app import make_application
    from app.viewer_app import FOLLOW_MS, ViewerApp
    from models.history import follow

    app = make_application(["thermolab-bench"])
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder, _followed(args.db, Path(folder)) as database:
        reader = follow(database)
        began = time.perf_counter()
        for _ in range(IDLE_LOOKS):
            reader.take()
        idle = (time.perf_counter() - began) / IDLE_LOOKS
        reader.close()
        print(f"a look that finds nothing: {idle * 1e6:.1f} µs, one query; {1000 / FOLLOW_MS:.0f} looks a second")

        with headless_server(database, 16) as port:
            spent: list[float] = []
            with _timed(ViewerApp, "_add_new_readings", spent):
                viewer = ViewerApp(database, None, QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
                viewer.start()
                acked: list[float] = []
                seen: list[float] = []
                stop = threading.Event()
                threads = [
                    threading.Thread(target=_stream, args=(port, args.rate, args.sensors, stop)),
                    threading.Thread(target=_markers, args=(port, acked, stop)),
                ]
                for thread in threads:
                    thread.start()

                def look_at_the_table() -> None:
                    count = viewer.window.sensor_model.stats(MARKER).count if MARKER in viewer.window.chart.sensors() else 0
                    seen.extend([time.perf_counter()] * (count - len(seen)))

                # The table is read every millisecond from the event loop itself, as a user's eye would.
                watch = QTimer()
                watch.timeout.connect(look_at_the_table)
                watch.start(1)
                QTimer.singleShot(round(args.seconds * 1000), app.quit)
                app.exec()
                watch.stop()
                stop.set()
                for thread in threads:
                    thread.join()
                viewer.window.close()

    delays = np.array([s - a for a, s in zip(acked, seen, strict=False)]) * 1000
    looks = np.array(spent) * 1000
    print(f"stream: {args.rate:,} readings/s over {args.sensors} sensors, {args.seconds:.0f} s; {len(looks):,} looks")
    print(f"GUI thread per look (CPU): mean {looks.mean():.2f} ms, 95th percentile {np.percentile(looks, 95):.2f} ms")
    print(
        f"commit to sensors table, {len(delays)} markers: median {np.median(delays):.0f} ms, "
        f"95th percentile {np.percentile(delays, 95):.0f} ms, worst {delays.max():.0f} ms (looks every {FOLLOW_MS} ms)"
    )
    return 0


@contextlib.contextmanager
def _followed(url: str | None, folder: Path):
    """An empty database to follow: a SQLite file in `folder`, or a schema of its own in `url`."""
    from models.storage import open_storage

    if url is None:
        open_storage(folder / "followed.db").close()
        yield folder / "followed.db"
        return
    import psycopg

    from app.bench.postgres_ingest import _with_search_path
    from models.storage.url import masked

    schema = f"thermolab_follow_{os.getpid()}"
    print(f"PostgreSQL: {masked(url)}, in the schema {schema} (dropped at the end)")
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            in_schema = _with_search_path(url, schema)
            open_storage(in_schema).close()
            yield in_schema
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def _stream(port: int, rate: int, sensors: int, stop: threading.Event) -> None:
    """`rate` readings a second, sent ten times a second, without seq."""
    with socket.create_connection(("127.0.0.1", port)) as connection:
        sent = 0
        began = time.monotonic()
        while not stop.wait(0.1):
            due = int((time.monotonic() - began) * rate)
            lines = (b'{"capteur_id": "room_%d", "temperature": %d.5}\n' % (i % sensors, i % 30) for i in range(sent, due))
            connection.sendall(b"".join(lines))
            sent = due


def _markers(port: int, acked: list[float], stop: threading.Event) -> None:
    """One acked reading every `MARKER_EVERY` seconds; the time of each ack."""
    with socket.create_connection(("127.0.0.1", port)) as connection, connection.makefile("rb") as answers:
        seq = 0
        while not stop.wait(MARKER_EVERY):
            connection.sendall(json.dumps({"capteur_id": MARKER, "temperature": 20.0, "seq": seq}).encode() + b"\n")
            answers.readline()
            acked.append(time.perf_counter())
            seq += 1
