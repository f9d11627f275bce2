"""Simulated sensors: acknowledged readings per second, and whether many slow sensors hold their rate.

The server runs as a child process (python main.py server --headless --port 0 --db TMPFILE) and the
sensors in this process, as in `simulate`. Part "throughput": N sensors at R readings/s each, and the
readings acknowledged per second once under way. Part "fleet": 1,000 sensors at 1 Hz, the share of
the rate they hold and the CPU this process uses. Part "schedule": one sensor at 10 Hz for 60 s, and
the readings it sent (600 expected, give or take one).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.bench.server_process import headless_server
from app.commands.common import fail, positive_int, positive_number
from models.capteur import CapteurError
from models.value_models import make_model
from network.sensors.fleet import Fleet

PARTS = ("throughput", "fleet", "schedule")
WARM_UP = 2.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", choices=PARTS, action="append", help="run only this part (repeatable)")
    parser.add_argument("--sensors", type=positive_int, default=100, help="throughput: sensors (default: 100)")
    parser.add_argument("--rate", type=positive_number, default=1000.0, help="throughput: readings/s per sensor (default: 1000)")
    parser.add_argument(
        "--seconds", type=positive_number, default=10.0, help="throughput and fleet: seconds measured (default: 10)"
    )
    parser.add_argument("--fleet-sensors", type=positive_int, default=1000, help="fleet: sensors at 1 Hz (default: 1000)")
    parser.add_argument("--schedule-seconds", type=positive_number, default=60.0, help="schedule: seconds at 10 Hz (default: 60)")


def run(args: argparse.Namespace) -> int:
    connections = max(args.sensors, args.fleet_sensors) + 1
    with tempfile.TemporaryDirectory() as folder, headless_server(Path(folder) / "bench.db", connections) as port:
        for part in args.only or PARTS:
            try:
                print(f"{part}: {PART_RUNNERS[part](args, port)}", flush=True)
            except CapteurError as error:
                return fail(str(error), 2)
    return 0


def _throughput(args: argparse.Namespace, port: int) -> str:
    fleet = Fleet.create(args.sensors, "127.0.0.1", port, args.rate, make_model("walk"), prefix="throughput_")
    fleet.start()
    try:
        time.sleep(WARM_UP)
        before, started = fleet.status(), time.monotonic()
        time.sleep(args.seconds)
        after, elapsed = fleet.status(), time.monotonic() - started
        fleet.finish(10.0)
        fleet.wait(15.0)
    finally:
        fleet.stop()
    final = fleet.status()
    acked = (after.acked - before.acked) / elapsed
    asked = args.sensors * args.rate
    return (
        f"{args.sensors} sensors asked for {asked:,.0f} readings/s: {acked:,.0f} acknowledged/s "
        f"({acked / asked:.1%} of the rate asked) over {elapsed:.1f} s; at the end {final.acked:,} of "
        f"{final.measured:,} acknowledged, {final.dropped:,} dropped, {final.errors:,} errors"
    )


def _fleet(args: argparse.Namespace, port: int) -> str:
    sensors = args.fleet_sensors
    fleet = Fleet.create(sensors, "127.0.0.1", port, 1.0, make_model("walk"), prefix="fleet_")
    fleet.start()
    try:
        time.sleep(WARM_UP)
        before, cpu_before, started = fleet.status(), time.process_time(), time.monotonic()
        time.sleep(args.seconds)
        after, cpu, elapsed = fleet.status(), time.process_time() - cpu_before, time.monotonic() - started
    finally:
        fleet.stop()
    held = (after.measured - before.measured) / (sensors * elapsed)
    return (
        f"{sensors} sensors at 1 Hz for {elapsed:.1f} s: {held:.2%} of the rate asked, "
        f"{after.acked - before.acked:,} acknowledged, this process used {cpu / elapsed:.1%} of one core"
    )


def _schedule(args: argparse.Namespace, port: int) -> str:
    fleet = Fleet.create(1, "127.0.0.1", port, 10.0, make_model("walk"), prefix="schedule_")
    fleet.start()
    try:
        time.sleep(args.schedule_seconds)
        sent = fleet.status().sent
    finally:
        fleet.stop()
    expected = round(args.schedule_seconds * 10)
    return f"one sensor at 10 Hz sent {sent} readings in {args.schedule_seconds:g} s ({expected} ± 1 expected)"


PART_RUNNERS = {"throughput": _throughput, "fleet": _fleet, "schedule": _schedule}
