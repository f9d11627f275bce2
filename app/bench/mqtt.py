"""MQTT: simulated publishers, QoS 1, into one collector, beside what the broker itself moves.

The benchmark starts its own Mosquitto (app/bench/mosquitto.py) and, on that broker, in the same run:
- "ceiling": N `mosquitto_pub -q 1 -l` (Mosquitto's own C clients, MQTT 5) each publish COUNT lines,
  and one `mosquitto_sub -q 1` takes them all: the messages per second between the first and the last
  it received is what this broker moves on this machine, the yardstick the other figures are divided by;
- "publishers": N simulated sensors (`python main.py simulate --mqtt`, split over PROCESSES processes,
  since one Python process publishes on one core at most) publish COUNT readings each to
  thermolab/<capteur_id>, taken by the same `mosquitto_sub`: what Thermolab's publishing side moves,
  with the receiving side as fast as the broker's;
- "collector": N `mosquitto_pub` publish COUNT readings each into `python main.py server --headless
  --mqtt` (a process of its own, storing into SQLite): readings per second stored, from the first row
  to the last, what the collector takes in when its publishers cost it nothing;
- "end to end": the simulated sensors into the same collector: readings per second stored, and the
  collector's peak memory (VmHWM).
A subscriber with a persistent session is made before each part, so nothing is published before a
subscription exists and no message is lost to a late start.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.bench.mosquitto import Mosquitto, MosquittoMissing
from app.commands.common import fail, positive_int

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("ceiling", "publishers", "collector", "end-to-end")
CLIENTS = "mosquitto-clients"
"""The Debian package of mosquitto_pub and mosquitto_sub, the yardstick."""
WAIT_LIMIT = 300.0
SAMPLE = b'{"capteur_id": "bench_1", "temperature": 21.437, "timestamp": 1764860000.123456, "seq": 1}\n'
"""A reading as the sensors publish it: the yardstick's messages are the same size."""
FIRST_TIMESTAMP = 1_764_860_000
"""Of the collector part's readings, one a second from then: a reading stored twice would be one."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    parser.add_argument("--publishers", type=positive_int, default=100, help="publishers (default: 100)")
    parser.add_argument("--count", type=positive_int, default=2_000, help="readings per publisher (default: 2,000)")
    parser.add_argument(
        "--processes", type=positive_int, default=2, help="processes the simulated publishers are split over (default: 2)"
    )


def run(args: argparse.Namespace) -> int:
    total = args.publishers * args.count
    parts = args.only or PARTS
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder, contextlib.ExitStack() as stack:
        if not (shutil.which("mosquitto_pub") and shutil.which("mosquitto_sub")):
            return fail(f"mosquitto_pub and mosquitto_sub are not installed: install the Debian package `{CLIENTS}`", 2)
        try:
            broker = stack.enter_context(Mosquitto(Path(folder) / "mosquitto"))
        except MosquittoMissing as error:
            return fail(str(error), 2)
        print(f"Mosquitto on {broker.url}, {args.publishers} publishers x {args.count:,} QoS 1 messages", flush=True)
        publish = functools.partial(_simulate, broker, args.publishers, args.count, args.processes)
        ceiling = ceiling_rate(broker, args.publishers, args.count, Path(folder))
        _show("ceiling, mosquitto_pub -> mosquitto_sub:     ", ceiling, "messages/s", ceiling)
        if "publishers" in parts:
            rate = publishers_rate(broker, publish, total, Path(folder))
            _show("publishers, simulate --mqtt -> mosquitto_sub:", rate, "readings/s", ceiling)
        if "collector" in parts:
            lines = b"".join(b'{"temperature": 21.5, "timestamp": %d.25}\n' % (FIRST_TIMESTAMP + n) for n in range(args.count))
            feed = functools.partial(_mosquitto_pub, broker, "thermolab/bench_c", args.publishers, lines)
            rate, _ = end_to_end_rate(broker, feed, total, Path(folder) / "collector.db")
            _show("collector, mosquitto_pub -> server --mqtt:   ", rate, "readings/s stored", ceiling)
        if "end-to-end" in parts:
            rate, peak = end_to_end_rate(broker, publish, total, Path(folder) / "end-to-end.db")
            _show("end to end, simulate --mqtt -> server --mqtt:", rate, "readings/s stored", ceiling)
            print(f"collector peak memory (VmHWM): {peak:.0f} MB for {total:,} readings")
    return 0


def _show(label: str, rate: float, unit: str, ceiling: float) -> None:
    print(f"{label} {rate:10,.0f} {unit} ({rate / ceiling:.2f})", flush=True)


def ceiling_rate(broker: Mosquitto, publishers: int, count: int, folder: Path) -> float:
    with _Counter(broker, "yardstick/#", publishers * count, folder) as counter:
        _mosquitto_pub(broker, "yardstick/", publishers, SAMPLE * count)
        return counter.rate()


def _mosquitto_pub(broker: Mosquitto, prefix: str, publishers: int, lines: bytes) -> None:
    """`publishers` `mosquitto_pub -q 1 -l`, the Nth publishing each of `lines` to PREFIXN; returns once
    all are acknowledged."""
    feeders = [
        subprocess.Popen(
            ["mosquitto_pub", "-V", "5", "-q", "1", "-p", str(broker.port), "-h", "127.0.0.1", "-t", f"{prefix}{n}", "-l"],
            stdin=subprocess.PIPE,
        )
        for n in range(publishers)
    ]
    writers = [threading.Thread(target=_feed, args=(feeder, lines)) for feeder in feeders]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    for feeder in feeders:
        feeder.wait(WAIT_LIMIT)


def publishers_rate(broker: Mosquitto, publish: Callable[[], None], total: int, folder: Path) -> float:
    with _Counter(broker, "thermolab/#", total, folder) as counter:
        publish()
        return counter.rate()


def end_to_end_rate(broker: Mosquitto, publish: Callable[[], None], total: int, database: Path) -> tuple[float, float]:
    """Readings stored per second by a collector of its own, storing into `database`, while `publish`
    runs; and the collector's peak memory in MB."""
    command = [sys.executable, str(ROOT / "main.py"), "server", "--headless", "--no-tcp", "--db", str(database)]
    command += ["--mqtt", broker.url, "--mqtt-client-id", f"bench-{database.stem}"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT) as server:
        # Its status line says "broker connected" once the subscription is in place: from then on, nothing
        # published is lost to it.
        reader = _read_until(server, "broker connected")
        try:
            watcher = _RowWatcher(database, total)
            watcher.start()
            publish()
            watcher.join(WAIT_LIMIT)
            return watcher.rate(), _peak_memory_mb(server.pid)
        finally:
            server.terminate()
            server.wait(60)
            reader.join()
            _end_session(broker, f"bench-{database.stem}")


def _simulate(broker: Mosquitto, publishers: int, count: int, processes: int) -> None:
    """`publishers` sensors in `processes` processes, each sensor with its own id; they measure at the
    highest rate allowed, so that what limits them is publishing."""
    commands = []
    for number in range(processes):
        sensors = publishers // processes + (number < publishers % processes)
        command = [sys.executable, str(ROOT / "main.py"), "simulate", "--mqtt", broker.url, "--sensors", str(sensors)]
        commands.append([*command, "--count", str(count), "--rate", "10000", "--prefix", f"bench_{number}_"])
    running = [subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT) for command in commands]
    for process in running:
        if process.wait(WAIT_LIMIT):
            raise SystemExit(f"thermolab: the simulated publishers failed: run `{' '.join(process.args[1:])}` to see why")


def _feed(feeder: subprocess.Popen, lines: bytes) -> None:
    with contextlib.suppress(BrokenPipeError):
        feeder.stdin.write(lines)
    feeder.stdin.close()


class _Counter:
    """`mosquitto_sub` taking `total` messages under `topic`, each line of its output the time it got one.

    Its session is made (and subscribed) before, by a first `mosquitto_sub -E`, so that what is
    published while the counter connects waits for it; it is ended after, so that the broker keeps no
    messages for it while the next parts run.
    """

    def __init__(self, broker: Mosquitto, topic: str, total: int, folder: Path):
        self.total = total
        self.broker = broker
        self.client_id = f"bench-{topic.split('/')[0]}"
        self.output = folder / f"{topic.split('/')[0]}.txt"
        common = ["mosquitto_sub", "-V", "5", "-q", "1", "-c", "-i", self.client_id, "-x", "600"]
        common += ["-h", "127.0.0.1", "-p", str(broker.port), "-t", topic]
        subprocess.run([*common, "-E"], check=True, timeout=WAIT_LIMIT)
        self._file = self.output.open("w")
        self.process = subprocess.Popen([*common, "-C", str(total), "-F", "%U"], stdout=self._file)

    def __enter__(self) -> _Counter:
        return self

    def __exit__(self, *_) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait()
        self._file.close()
        _end_session(self.broker, self.client_id)

    def rate(self) -> float:
        """Messages per second from the first received to the last, once all `total` are in."""
        self.process.wait(WAIT_LIMIT)
        self._file.flush()
        times = self.output.read_text().split()
        if len(times) < self.total:
            raise SystemExit(f"thermolab: only {len(times):,} of {self.total:,} messages arrived")
        return (self.total - 1) / (float(times[-1]) - float(times[0]))


class _RowWatcher(threading.Thread):
    """Reads the collector's row count every few milliseconds until `total` rows are stored."""

    def __init__(self, database: Path, total: int):
        super().__init__(name="row watcher")
        self.database, self.total = database, total
        self.first = self.last = 0.0
        self.first_rows = 0

    def run(self) -> None:
        deadline = time.monotonic() + WAIT_LIMIT
        with contextlib.closing(sqlite3.connect(self.database)) as reader:
            rows = 0
            while rows < self.total and time.monotonic() < deadline:
                # max(rowid), not count(*): constant time, and no row is deleted here.
                rows = reader.execute("SELECT coalesce(max(rowid), 0) FROM mesures").fetchone()[0]
                if rows and not self.first:
                    self.first, self.first_rows = time.monotonic(), rows
                self.last = time.monotonic()
                time.sleep(0.005)
        self.rows = rows

    def rate(self) -> float:
        if self.rows < self.total:
            raise SystemExit(f"thermolab: only {self.rows:,} of {self.total:,} readings were stored")
        return (self.rows - self.first_rows) / (self.last - self.first)


def _end_session(broker: Mosquitto, client_id: str) -> None:
    """Connect as `client_id` with a clean start, which ends the session the broker kept for it."""
    command = ["mosquitto_sub", "-V", "5", "-i", client_id, "-h", "127.0.0.1", "-p", str(broker.port), "-t", "bench/none", "-E"]
    subprocess.run(command, check=True, timeout=WAIT_LIMIT)


def _read_until(process: subprocess.Popen, words: str) -> threading.Thread:
    """Wait for a line of `process` with `words` in it; a thread reads on what follows, so that the
    process never stalls on a full pipe."""
    for line in process.stdout:
        if words in line:
            reader = threading.Thread(target=process.stdout.read, name="collector output")
            reader.start()
            return reader
    raise SystemExit("thermolab: the collector did not start: run `python main.py server --headless --mqtt URL` to see why")


def _peak_memory_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) / 1024
