"""`simulate`: N sensor threads sending readings to a server (or publishing them to an MQTT broker), a status
line every few seconds, the totals."""

from __future__ import annotations

import argparse
import math
import os
import signal
import time
from contextlib import contextmanager

from app.commands.common import add_address, fail, positive_int, positive_number
from models.capteur import CapteurError
from models.faults import FaultCounts, Faults
from models.server_config import DEFAULT_PORT
from models.value_models import DEFAULT_MODEL, MODELS, ModelError, parse_model
from network.mqtt.broker import PASSWORD_VARIABLE, BrokerError, parse_broker
from network.sensors.fleet import Fleet, FleetStatus

STATUS_EVERY = 2.0
DRAIN_GRACE = 10.0
"""After --duration or a first Ctrl-C: how long readings still unanswered may take to be acknowledged."""


def register(commands) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run simulated sensors that send readings",
        description="Run N simulated sensors, one thread each, sending readings to a server (docs/protocol.md). "
        "With --mqtt they publish to a broker instead. Exit code 0 when every reading was acknowledged and none dropped.",
    )
    parser.add_argument("--sensors", type=positive_int, default=1, help="how many sensors (default: 1)")
    parser.add_argument("--rate", type=float, default=1.0, help="readings per second per sensor, 0.01 to 10000 (default: 1)")
    parser.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        help=f"what they measure: {', '.join(MODELS)}; parameters as in sine:period=60,amplitude=3,noise=0.2 "
        f"(default: {DEFAULT_MODEL})",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--count", type=positive_int, help="readings per sensor; exit once all are acknowledged")
    length.add_argument("--duration", type=positive_number, help="seconds to measure; then exit once all are acknowledged")
    parser.add_argument("--prefix", default="capteur_", help="sensor ids are PREFIX1 to PREFIXN (default: capteur_)")
    parser.add_argument("--seed", type=int, help="the same seed gives the same values")
    add_address(parser, DEFAULT_PORT)
    parser.add_argument(
        "--token",
        default=os.environ.get("THERMOLAB_TOKEN"),
        help="token for a server that requires one (default: $THERMOLAB_TOKEN)",
    )
    parser.add_argument(
        "--mqtt",
        metavar="URL",
        help="publish to this MQTT broker instead, each reading to thermolab/<capteur_id> with QoS 1: "
        f"mqtt://[USER@]HOST[:PORT] or mqtts://... for TLS; the password from ${PASSWORD_VARIABLE}",
    )
    faults = parser.add_argument_group(
        "faults", "make the sensors misbehave on purpose, to see what the server does (docs/guide-fr.md has exercises)"
    )
    faults.add_argument(
        "--malformed",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of readings sent broken, 0 to 1: invalid JSON, no temperature, or below absolute zero",
    )
    faults.add_argument(
        "--duplicates",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of readings sent twice, 0 to 1 (the server should store each once)",
    )
    faults.add_argument(
        "--clock-offset",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="seconds added to every timestamp: a sensor whose clock is wrong",
    )
    faults.add_argument(
        "--split",
        type=int,
        default=0,
        metavar="BYTES",
        help="write at most BYTES per send (1: a byte at a time; default 0: whole batches)",
    )
    faults.add_argument(
        "--burst-size", type=int, default=0, metavar="N", help="also measure N readings at once every --burst-every seconds"
    )
    faults.add_argument("--burst-every", type=float, default=10.0, metavar="SECONDS", help="seconds between bursts (default: 10)")
    faults.add_argument(
        "--disconnect-every",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="cut the connection in the middle of a message about every SECONDS, at random",
    )
    faults.add_argument("--fault-seed", type=int, help="the same seed gives the same faults (default: --seed)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        model = parse_model(args.model)
        broker = parse_broker(args.mqtt) if args.mqtt else None
        faults = Faults(
            malformed=args.malformed,
            duplicates=args.duplicates,
            clock_offset=args.clock_offset,
            split=args.split,
            burst_size=args.burst_size,
            burst_every=args.burst_every,
            disconnect_every=args.disconnect_every,
            seed=args.seed if args.fault_seed is None else args.fault_seed,
        )
        fleet = Fleet.create(
            args.sensors,
            args.host,
            args.port,
            args.rate,
            model,
            prefix=args.prefix,
            seed=args.seed,
            token=args.token,
            count=args.count,
            duration=args.duration,
            broker=broker,
            faults=faults,
        )
    except (ModelError, CapteurError, BrokerError) as error:
        return fail(str(error), 2)
    started = time.monotonic()
    with _stopped_by_signals(fleet):
        try:
            fleet.start()
        except CapteurError as error:
            return fail(str(error))
        _watch(fleet, started, args.duration)
    fleet.stop()
    status = fleet.status()
    print(f"done in {time.monotonic() - started:.1f} s: {_counters(status)}", flush=True)
    return _verdict(status)


@contextmanager
def _stopped_by_signals(fleet: Fleet):
    """A first SIGINT or SIGTERM stops measuring and lets answers arrive; a second one ends at once."""
    signals = []

    def finish(*_) -> None:
        signals.append(True)
        fleet.finish(DRAIN_GRACE if len(signals) == 1 else 0)

    previous = {signum: signal.signal(signum, finish) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _watch(fleet: Fleet, started: float, duration: float | None) -> None:
    """Print a status line every few seconds until every sensor is done; a new error is added to it.

    With --duration the sensors stop measuring on their own; those whose readings are still not
    acknowledged DRAIN_GRACE seconds later are stopped.
    """
    give_up_at = started + duration + DRAIN_GRACE if duration else math.inf
    next_status = started + STATUS_EVERY
    last_acked, last_time, last_error = 0, started, None
    while not fleet.wait(max(0.0, min(next_status, give_up_at) - time.monotonic())):
        now = time.monotonic()
        if now >= give_up_at:
            fleet.finish(0)
            give_up_at = math.inf
        if now >= next_status:
            status = fleet.status()
            rate = (status.acked - last_acked) / (now - last_time)
            last_acked, last_time, next_status = status.acked, now, now + STATUS_EVERY
            line = f"{now - started:7.1f} s  {_states(status)} · {_counters(status)} · {rate:,.0f} acked/s"
            if status.last_error != last_error:
                last_error = status.last_error
                line += f" · last error: {last_error}"
            print(line, flush=True)


def _states(status: FleetStatus) -> str:
    return ", ".join(f"{count} {state}" for state, count in sorted(status.states.items()))


def _counters(status: FleetStatus) -> str:
    sensors = f"{status.sensors} sensor{'s' if status.sensors > 1 else ''}"
    counters = (
        f"{sensors}, {status.measured:,} measured, {status.sent:,} sent, {status.acked:,} acked, {status.resent:,} resent, "
        f"{status.dropped:,} dropped, {status.rejected:,} refused, {status.errors:,} errors"
    )
    return f"{counters}; injected: {_faults(status.faults)}" if status.faults != FaultCounts() else counters


def _faults(counts: FaultCounts) -> str:
    made = {
        "invalid JSON": counts.bad_json,
        "no temperature": counts.missing_field,
        "out of range": counts.out_of_range,
        "sent twice": counts.duplicates,
        "pieces sent": counts.split_sends,
        "bursts": counts.bursts,
        "connections cut": counts.disconnects,
    }
    return ", ".join(f"{count:,} {kind}" for kind, count in made.items() if count)


def _verdict(status: FleetStatus) -> int:
    """0 when every reading was acknowledged; otherwise 1 and one sentence saying what went wrong."""
    if status.gave_up:
        return fail(status.last_error)
    if status.complete:
        return 0
    if status.dropped:
        return fail(f"{status.dropped:,} readings were dropped from full buffers: lower the rate or keep the server up")
    if status.rejected > status.faults.malformed:
        return fail(f"the server refused {status.rejected:,} readings; the last error: {status.last_error}")
    return fail(f"{status.buffered:,} readings were never acknowledged: is a server listening? ({status.last_error})")
