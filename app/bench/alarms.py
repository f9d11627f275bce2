"""The headless collector with alarm rules against the same without: ingest rate and CPU per reading.

Two `server --headless` processes run side by side, one with `--rules` rules (a high or a low threshold
per sensor, and one silence rule for all, none of them crossed: the cost of looking, paid on every
batch) and one without. Each measure runs in rounds, and the ratio of each round is printed: on a
shared machine a ratio says more than a rate.

- stream: readings as fast as the server takes them, from the first byte sent to the last row committed,
  one server after the other;
- paced: `--rate` readings a second for `--seconds` to both servers at once (so both meet the same
  machine), and each server's CPU time per reading;
- the evaluation alone, in this process (`AlarmEvaluator.observe` on batches as the writer gets them),
  the best of a few runs: what the rules add to each reading, beside the server's CPU per reading.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import tempfile
import time
import timeit
from dataclasses import replace
from pathlib import Path
from statistics import median

from app.bench.ingest import THERMOLAB, _in_threads, _Server, stream_rate
from models.alarms import AlarmEvaluator, AlarmKind, AlarmRule
from models.reading import Reading
from models.storage import open_alarm_book

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
SEND_EVERY = 0.01
BATCH = 1_000
"""Readings of one sensor per batch in the evaluation alone: about what one read of a streaming connection brings."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", type=int, default=100, help="alarm rules of the server that has them (default: 100)")
    parser.add_argument("--connections", type=int, default=100, help="connections, one sensor each (default: 100)")
    parser.add_argument("--readings", type=int, default=10_000, help="stream: readings per connection (default: 10,000)")
    parser.add_argument("--rate", type=int, default=50_000, help="paced: readings per second in all (default: 50,000)")
    parser.add_argument("--seconds", type=float, default=10.0, help="paced: how long each round sends (default: 10)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds against each server, alternated (default: 3)")


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="thermolab-bench-") as folder:
        with_rules = Path(folder) / "rules.db"
        add_rules(with_rules, args.rules, stream_names(args.connections))
        with _Server(THERMOLAB, Path(folder) / "plain.db") as plain, _Server(THERMOLAB, with_rules) as ruled:
            print(f"{args.rules} alarm rules against none, {args.connections} connections, {args.rounds} rounds each")

            def stream(server: _Server) -> float:
                return stream_rate(server, args.connections, args.readings)

            compare("stream, readings/s end to end", stream, ruled, plain, args.rounds, "{:12,.0f}")
            rounds = [paced_cpu((ruled, plain), args.connections, args.rate, args.seconds) for _ in range(args.rounds)]
            label = f"paced at {args.rate:,}/s each, both at once, server CPU µs per reading"
            cpu = report(label, [ruled_cpu for ruled_cpu, _ in rounds], [plain_cpu for _, plain_cpu in rounds], "{:12.2f}")
    alone = evaluation_cost(args.rules, stream_names(args.connections))
    print(f"evaluation alone: {alone:.3f} µs per reading, {alone / cpu:.1%} of the server's CPU per reading without rules")
    return 0


def bench_rules(count: int, sensors: list[str]) -> list[AlarmRule]:
    """`count` rules: one silence rule for all sensors, then a high or a low threshold for each sensor in
    turn, which its readings never cross."""
    rules = [AlarmRule(AlarmKind.SILENT, 3600.0)][:count]
    for index in range(count - 1):
        kind, threshold = (AlarmKind.HIGH, 45.0) if index // len(sensors) % 2 == 0 else (AlarmKind.LOW, -5.0)
        rules.append(AlarmRule(kind, threshold, sensors[index % len(sensors)]))
    return rules


def add_rules(path: Path, count: int, sensors: list[str]) -> None:
    """`bench_rules` saved in the database at `path`, before its server starts."""
    book = open_alarm_book(path)
    assert book is not None, "a database always has room for alarms"
    try:
        for rule in bench_rules(count, sensors):
            book.save_rule(rule)
    finally:
        book.close()


def evaluation_cost(count: int, sensors: list[str], repeat: int = 10) -> float:
    """µs per reading `AlarmEvaluator.observe` takes with `count` rules, a batch of each sensor in turn."""
    evaluator = AlarmEvaluator([replace(rule, id=number) for number, rule in enumerate(bench_rules(count, sensors))])
    batches = [[Reading(sensor, i % 40 + 0.5, 0.0) for i in range(BATCH)] for sensor in sensors]

    def observe_all() -> None:
        for batch in batches:
            evaluator.observe(batch, 0.0)

    return min(timeit.repeat(observe_all, number=1, repeat=repeat)) * 1e6 / (BATCH * len(sensors))


def stream_names(connections: int) -> list[str]:
    """The sensors `stream_rate` sends as, one per connection."""
    return [f"stream_{index}" for index in range(connections)]


def compare(label: str, measure, ruled: _Server, plain: _Server, rounds: int, figure: str) -> float:
    """`measure` on both servers, `rounds` times, taking turns at going first."""
    results: dict[_Server, list[float]] = {ruled: [], plain: []}
    for round_ in range(rounds):
        for server in (ruled, plain) if round_ % 2 else (plain, ruled):
            results[server].append(measure(server))
    return report(label, results[ruled], results[plain], figure)


def report(label: str, ruled: list[float], plain: list[float], figure: str) -> float:
    """The medians and the ratio of each round; returns the median without rules."""
    ratios = [mine / theirs for mine, theirs in zip(ruled, plain, strict=True)]
    print(f"{label}:")
    for results, name in ((plain, "without rules"), (ruled, "with rules")):
        print(f"  {name:14} {figure.format(median(results))}")
    print(f"  with / without: {median(ratios):.3f} (rounds: {' '.join(f'{ratio:.3f}' for ratio in ratios)})")
    return median(plain)


def paced_cpu(servers: tuple[_Server, ...], connections: int, rate: int, seconds: float) -> list[float]:
    """Send `rate` readings a second for `seconds` from `connections` sensors to each server at once; each
    server's CPU µs per reading."""
    per_turn = max(1, round(rate * SEND_EVERY / connections))
    turns = round(seconds / SEND_EVERY)
    sent = connections * per_turn * turns
    targets = [server.rows() + sent for server in servers]
    before = [cpu_seconds(server.process.pid) for server in servers]

    def sensor(server: _Server, index: int) -> None:
        chunk = b"".join(b'{"capteur_id": "stream_%d", "temperature": %d.5}\n' % (index, i % 40) for i in range(per_turn))
        with contextlib.closing(socket.create_connection(server.address)) as connection:
            start = time.monotonic()
            for turn in range(turns):
                connection.sendall(chunk)
                delay = start + (turn + 1) * SEND_EVERY - time.monotonic()
                if delay > 0:
                    time.sleep(delay)

    _in_threads([lambda s=server, i=index: sensor(s, i) for server in servers for index in range(connections)])
    for server, target in zip(servers, targets, strict=True):
        server.wait_for_rows(target)
    return [(cpu_seconds(s.process.pid) - cpu) * 1e6 / sent for s, cpu in zip(servers, before, strict=True)]


def cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND
