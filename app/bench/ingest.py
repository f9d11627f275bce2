"""The headless collector under load: stream, one-shot and acked ingest rates, peak memory.

The server runs as `python main.py server --headless` in its own process, as a user runs it; the load
comes from this process. Each rate is printed beside SQLite's own bulk-insert rate measured in the same
run, since a ratio says more than a number on a shared machine. One-shot clients are also sent, in
alternate rounds, to a plain server (app/bench/plain_server.py) in a process of its own: what
Thermolab must at least match, whatever else the machine is doing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from statistics import median

from models.storage.sqlite import prepare_database

ROOT = Path(__file__).resolve().parent.parent.parent
BULK_ROWS = 500_000
WAIT_LIMIT = 300.0
# A client the accept queue cannot take retries its SYN after 1 s, 3 s, 7 s...: it will not get in.
QUEUE_WAIT = 5.0
THERMOLAB = [sys.executable, str(ROOT / "main.py"), "server", "--headless", "--port", "0"]
PLAIN = [sys.executable, "-m", "app.bench.plain_server"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--connections", type=int, default=100, help="stream: connections (default: 100)")
    parser.add_argument("--readings", type=int, default=10_000, help="stream: readings per connection (default: 10,000)")
    parser.add_argument("--one-shot", type=int, default=6_000, help="one-shot: connections, one reading each (default: 6,000)")
    parser.add_argument(
        "--queued", type=int, default=1_000, help="one-shot: clients queued while the server is paused (default: 1,000)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="one-shot: rounds against each server, alternated (default: 3)")
    parser.add_argument("--acked-connections", type=int, default=50, help="acked: connections (default: 50)")
    parser.add_argument("--acked-readings", type=int, default=10_000, help="acked: readings per connection (default: 10,000)")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="a PostgreSQL URL: only the stream, into that database (in a schema of its own, dropped after), beside a plain"
        " COPY of the same rows and the same stream into SQLite",
    )
    parser.add_argument(
        "--keep-days",
        type=int,
        default=0,
        help="also stream, in turns, into a server keeping N days and one keeping everything (default: 0, not measured)",
    )
    parser.add_argument(
        "--old-rows", type=int, default=1_000_000, help="retention: readings a year old in both databases (default: 1,000,000)"
    )


def run(args: argparse.Namespace) -> int:
    if args.db is not None:
        from app.bench.postgres_ingest import run_postgres

        with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder:
            return run_postgres(args.db, Path(folder), args.connections, args.readings)
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder:
        bulk = bulk_insert_rate(Path(folder) / "bulk.db")
        textbook = textbook_rate(Path(folder) / "textbook.db")
        print(f"SQLite bulk insert (executemany, 1,000 rows a transaction): {bulk:12,.0f} rows/s  (1.000)")
        print(f"textbook server (one commit per reading):                   {textbook:12,.0f} rows/s  ({textbook / bulk:.4f})")
        with _Server(THERMOLAB, Path(folder) / "bench.db") as server, _Server(PLAIN, Path(folder) / "plain.db") as plain:
            stream = stream_rate(server, args.connections, args.readings)
            print(
                f"stream, {args.connections} connections x {args.readings:,} readings, end to end:   "
                f"{stream:12,.0f} readings/s ({stream / bulk:.3f})"
            )
            for workers, label in ((1, "one at a time"), (8, "8 at once    ")):
                measure = functools.partial(one_shot_rate, count=args.one_shot, workers=workers)
                compare(f"one-shot clients, {label} (connect, send, close): ", measure, server, plain, args.rounds, bulk)
            measure = functools.partial(drained_rate, count=args.queued)
            compare(
                f"one-shot clients, {args.queued:,} queued, server paused till then:", measure, server, plain, args.rounds, bulk
            )
            acked = acked_rate(server, args.acked_connections, args.acked_readings)
            print(
                f"acked, seq on every reading, {args.acked_connections} pipelined connections:  "
                f"{acked:12,.0f} readings/s ({acked / bulk:.3f})"
            )
            peak, qt = server.peak_memory_mb(), server.loaded_qt()
        print(f"server peak memory (VmHWM): {peak:.0f} MB; Qt loaded in the server: {'yes' if qt else 'no'}")
        if args.keep_days:
            retention_cost(Path(folder), args)
    return 0


def retention_cost(folder: Path, args: argparse.Namespace) -> None:
    """The stream into two servers whose databases hold the same old readings, one keeping `keep_days`
    and deleting them meanwhile, the other keeping everything: in turns, and the ratio of each round."""
    paths = folder / "keep-everything.db", folder / "keep-days.db"
    for path in paths:
        write_old_rows(path, args.old_rows)
    retention = [*THERMOLAB, "--keep-days", str(args.keep_days)]
    with _Server(THERMOLAB, paths[0]) as everything, _Server(retention, paths[1]) as retaining:
        rates: dict[_Server, list[float]] = {everything: [], retaining: []}
        for round_ in range(args.rounds):
            for server in (everything, retaining) if round_ % 2 else (retaining, everything):
                rates[server].append(stream_rate(server, args.connections, args.readings))
        left = retaining.old_rows()
    ratios = [mine / plain for mine, plain in zip(rates[retaining], rates[everything], strict=True)]
    print(f"stream into a database holding {args.old_rows:,} readings a year old:")
    for server, name in ((everything, "keeping everything"), (retaining, f"keeping {args.keep_days} days")):
        print(f"  {name:24} {median(rates[server]):12,.0f} readings/s")
    rounds = " ".join(f"{ratio:.2f}" for ratio in ratios)
    print(f"  keeping {args.keep_days} days / keeping everything: {median(ratios):.2f} (rounds: {rounds})")
    print(f"  old readings deleted meanwhile: {args.old_rows - left:,} of {args.old_rows:,}")


def write_old_rows(path: Path, count: int) -> None:
    """`count` readings stamped a year ago, for a retention to delete while the server ingests."""
    if not count:
        return
    year_ago = time.time() - 365 * 86_400
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        prepare_database(db, path)
        db.execute("BEGIN")
        rows = ((f"old_{i % 100}", 20.0, year_ago + i / 100, year_ago, 1) for i in range(count))
        db.executemany("INSERT INTO mesures VALUES (?, ?, ?, ?, ?)", rows)
        db.execute("COMMIT")


def bulk_insert_rate(path: Path) -> float:
    """What SQLite itself manages on this machine with the same table and index."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        prepare_database(db, path)
        rows = [(f"capteur_{i % 100}", 20.0, 1.7e9 + i, 1.7e9 + i, None) for i in range(BULK_ROWS)]
        start = time.perf_counter()
        for first in range(0, BULK_ROWS, 1000):
            db.execute("BEGIN")
            db.executemany("INSERT OR IGNORE INTO mesures VALUES (?, ?, ?, ?, ?)", rows[first : first + 1000])
            db.execute("COMMIT")
        return BULK_ROWS / (time.perf_counter() - start)


def textbook_rate(path: Path, seconds: float = 2.0) -> float:
    """The exercise's first server: connect once, then INSERT and commit for every reading."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE mesures (capteur_id TEXT, temperature REAL, timestamp REAL)")
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds:
            db.execute("INSERT INTO mesures VALUES (?, ?, ?)", ("capteur_1", 20.0, time.time()))
            db.commit()
            count += 1
        return count / (time.perf_counter() - start)


def stream_rate(server: _Server, connections: int, per_connection: int) -> float:
    """Newline-delimited readings without seq; timed from the first byte sent to the last row committed."""
    payloads = [
        b"".join(b'{"capteur_id": "stream_%d", "temperature": %d.5}\n' % (c, i % 40) for i in range(per_connection))
        for c in range(connections)
    ]
    target = server.rows() + connections * per_connection
    start = time.perf_counter()
    _in_threads([lambda p=payload: _send_all(server.address, p) for payload in payloads])
    server.wait_for_rows(target)
    return connections * per_connection / (time.perf_counter() - start)


def one_shot_rate(server: _Server, count: int, workers: int) -> float:
    """The exercise's client.py: one connection per reading, from `workers` threads; rows committed per second."""
    message = b'{"capteur_id": "one_shot", "temperature": 21.5}'
    sent = count - count % workers
    before = server.rows()
    start = time.perf_counter()

    def worker(share: int) -> None:
        for _ in range(share):
            _send_all(server.address, message)

    _in_threads([lambda: worker(count // workers)] * workers)
    server.wait_for_rows(before + sent)
    return (server.rows() - before) / (time.perf_counter() - start)


def drained_rate(server: _Server, count: int) -> float:
    """The server's own pace: `count` one-shot clients connect and close while it is stopped (the
    kernel queues them), then it takes them all; no client competes with it for the CPU."""
    message = b'{"capteur_id": "queued", "temperature": 21.5}'
    before = server.rows()
    os.kill(server.process.pid, signal.SIGSTOP)
    try:
        for _ in range(count):
            _send_all(server.address, message, timeout=QUEUE_WAIT)
    except TimeoutError:
        raise RuntimeError(f"the server's accept queue holds fewer than {count:,} connections: give a smaller --queued") from None
    finally:
        os.kill(server.process.pid, signal.SIGCONT)
    start = time.perf_counter()
    # Polled finely: the whole drain may take less than a tenth of a second.
    server.wait_for_rows(before + count, interval=0.002)
    return (server.rows() - before) / (time.perf_counter() - start)


def compare(label: str, measure, ours: _Server, theirs: _Server, rounds: int, bulk: float) -> None:
    """`measure` on both servers, `rounds` times, taking turns at going first; medians and the ratio of each round."""
    rates: dict[_Server, list[float]] = {ours: [], theirs: []}
    retried = dict.fromkeys(rates, 0)
    for round_ in range(rounds):
        for server in (ours, theirs) if round_ % 2 else (theirs, ours):
            overflows = listen_overflows()
            rates[server].append(measure(server))
            retried[server] += listen_overflows() - overflows
    ratios = [mine / plain for mine, plain in zip(rates[ours], rates[theirs], strict=True)]
    for server, name in ((ours, "Thermolab"), (theirs, "plain server")):
        figure = median(rates[server])
        print(f"{label:54} {figure:12,.0f} stored/s ({figure / bulk:.4f})  {name}, accept queue overflows: {retried[server]}")
    print(f"  Thermolab / plain server: {median(ratios):.2f} (rounds: {' '.join(f'{ratio:.2f}' for ratio in ratios)})")


def listen_overflows() -> int:
    """Connections Linux has turned away for a full accept queue so far, by any server (0 elsewhere):
    each such client waits a second before it tries again."""
    try:
        names, values = Path("/proc/net/netstat").read_text().splitlines()[:2]
    except OSError:
        return 0
    return int(values.split()[names.split().index("ListenOverflows")])


def acked_rate(server: _Server, connections: int, per_connection: int, window: int = 2_000) -> float:
    """Every reading carries a seq; each connection keeps `window` readings in flight."""

    def sensor(index: int) -> None:
        with socket.create_connection(server.address) as connection:
            acked = threading.Semaphore(window)
            reader = threading.Thread(target=_count_acks, args=(connection, per_connection, acked))
            reader.start()
            for first in range(0, per_connection, 500):
                for _ in range(500):
                    acked.acquire()
                connection.sendall(
                    b"".join(
                        b'{"capteur_id": "acked_%d", "temperature": 20.5, "seq": %d}\n' % (index, seq)
                        for seq in range(first, first + 500)
                    )
                )
            reader.join()

    start = time.perf_counter()
    _in_threads([lambda i=i: sensor(i) for i in range(connections)])
    return connections * per_connection / (time.perf_counter() - start)


def _count_acks(connection: socket.socket, expected: int, acked: threading.Semaphore) -> None:
    seen = 0
    while seen < expected:
        chunk = connection.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed before acking every reading")
        count = chunk.count(b"\n")
        seen += count
        acked.release(count)


def _send_all(address: tuple[str, int], payload: bytes, timeout: float | None = None) -> None:
    with socket.create_connection(address, timeout) as connection:
        connection.sendall(payload)


def _in_threads(jobs: list) -> None:
    threads = [threading.Thread(target=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class _Server:
    """A server as a child process that prints `listening on HOST:PORT`, with a read-only look at its database."""

    def __init__(self, command: list[str], path: Path | str):
        self.path = path
        self.process = subprocess.Popen([*command, "--db", str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
        for line in self.process.stdout:
            if line.startswith("listening on "):
                host, port = line.split()[-1].rsplit(":", 1)
                self.address = (host, int(port))
                break
        else:
            raise RuntimeError("the server did not start")
        self._reader = self._open_reader()

    def _open_reader(self):
        return sqlite3.connect(self.path)

    def __enter__(self) -> _Server:
        return self

    def __exit__(self, *_) -> None:
        self._reader.close()
        self.process.terminate()
        self.process.communicate(timeout=60)

    def rows(self) -> int:
        # max(rowid) instead of count(*): constant time, and a retention deletes only the old rows,
        # never the last one.
        return self._reader.execute("SELECT coalesce(max(rowid), 0) FROM mesures").fetchone()[0]

    def old_rows(self) -> int:
        return self._reader.execute("SELECT count(*) FROM mesures WHERE capteur_id GLOB 'old_*'").fetchone()[0]

    def wait_for_rows(self, target: int, interval: float = 0.01) -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        while self.rows() < target:
            if time.monotonic() > deadline:
                raise RuntimeError(f"only {self.rows():,} of {target:,} rows after {WAIT_LIMIT:.0f} s")
            time.sleep(interval)

    def peak_memory_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return kilobytes / 1024

    def loaded_qt(self) -> bool:
        return "libQt6" in Path(f"/proc/{self.process.pid}/maps").read_text()
