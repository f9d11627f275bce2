"""A flood of bad messages writes a bounded number of log lines and events, whose counts add up."""

import logging
import socket

import pytest

from models.rejections import LOGGED_PER_WINDOW, LOGGED_PER_WINDOW_ALL_HOSTS, WINDOW, RejectionLimiter, Summary
from models.server_state import UNLOGGED_REJECTIONS, UNLOGGED_REJECTIONS_FROM_HOSTS, ServerMonitor
from tests.support import LineClient, running_server


class Clock:
    """Time that moves only when a test says so."""

    def __init__(self):
        self.now = 1_790_000_000.0

    def __call__(self) -> float:
        return self.now


def rejected_count(events) -> int:
    """How many rejected messages the events account for: one each, or a summary's count."""
    summaries = (UNLOGGED_REJECTIONS, UNLOGGED_REJECTIONS_FROM_HOSTS)
    return sum(event.values["count"] if event.template in summaries else 1 for event in events)


def rejection_events(monitor: ServerMonitor) -> list:
    return [event for event in monitor.events()[1] if event.level == logging.WARNING]


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def monitor(clock):
    return ServerMonitor(clock=clock)


def flood(monitor, clock, peer: str, count: int, every: float = 0.0) -> None:
    stats = monitor.connection_opened(peer, "client")
    for _ in range(count):
        monitor.rejected(stats, "invalid JSON at byte 0", clock.now)
        clock.now += every


def test_after_a_few_lines_a_flood_is_summarised_once_its_window_ends(monitor, clock, caplog):
    caplog.set_level(logging.INFO, "thermolab.server")
    flood(monitor, clock, "127.0.0.1:5000", 1_208)
    assert len(rejection_events(monitor)) == LOGGED_PER_WINDOW
    clock.now += WINDOW
    events = rejection_events(monitor)
    summary = events[-1]
    assert summary.message == "1,203 more rejected messages in the last 10 s"
    assert (summary.peer, summary.template, summary.values) == ("127.0.0.1", UNLOGGED_REJECTIONS, {"count": 1203, "seconds": 10})
    assert rejected_count(events) == 1_208
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert warnings == ["127.0.0.1:5000: rejected: invalid JSON at byte 0"] * 5 + [
        "127.0.0.1: 1,203 more rejected messages in the last 10 s"
    ]


def test_a_long_flood_gives_a_few_lines_per_window_and_they_add_up(monitor, clock):
    flood(monitor, clock, "127.0.0.1:5000", 6_000, every=0.01)
    monitor.report_rejections()
    events = rejection_events(monitor)
    assert len(events) <= 6 * (LOGGED_PER_WINDOW + 1)
    assert rejected_count(events) == 6_000


def test_one_shot_clients_from_one_host_are_summarised_together(monitor, clock):
    for port in range(1_000, 2_000):
        flood(monitor, clock, f"[::1]:{port}", 1)
    monitor.report_rejections()
    events = rejection_events(monitor)
    assert [event.peer for event in events] == [f"[::1]:{port}" for port in range(1_000, 1_005)] + ["::/64"]
    assert rejected_count(events) == 1_000


def test_each_host_has_its_own_few_lines(monitor, clock):
    for _ in range(10):
        flood(monitor, clock, "192.0.2.1:4000", 1)
        flood(monitor, clock, "192.0.2.2:4000", 1)
    monitor.report_rejections()
    events = rejection_events(monitor)
    assert [event.message for event in events[-2:]] == ["5 more rejected messages in the last 1 s"] * 2
    assert rejected_count(e for e in events if e.peer.startswith("192.0.2.1")) == 10


def test_a_quiet_host_is_logged_in_full_again_after_its_window(monitor, clock):
    flood(monitor, clock, "127.0.0.1:5000", LOGGED_PER_WINDOW)
    clock.now += WINDOW
    flood(monitor, clock, "127.0.0.1:5001", LOGGED_PER_WINDOW)
    monitor.report_rejections()
    assert [event.message for event in rejection_events(monitor)] == ["rejected: invalid JSON at byte 0"] * 10


def test_past_the_host_limit_the_oldest_window_is_summarised_early():
    limiter = RejectionLimiter(logged_per_window=1, window=10.0, max_hosts=2)
    assert limiter.rejected("a", 0.0) == (True, [])
    assert limiter.rejected("a", 1.0) == (False, [])
    assert limiter.rejected("b", 2.0) == (True, [])
    assert limiter.rejected("c", 3.5) == (True, [Summary("a", 1, 4)])
    assert limiter.flush(4.0) == []


def test_a_flood_through_a_real_server_leaves_a_few_log_lines(tmp_path, caplog):
    caplog.set_level(logging.INFO, "thermolab.server")
    with running_server(tmp_path / "m.db") as server, LineClient(server.address) as flooder:
        flooder.send(b"not json\n" * 2_000 + b'{"capteur_id": "c", "temperature": 1, "seq": 1}\n')
        answers = [flooder.answer() for _ in range(2_001)]
        assert answers[-1] == {"ack": 1}
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) <= 2 * (LOGGED_PER_WINDOW + 1)
    assert rejected_count(rejection_events(server.monitor)) == 2_000


def test_a_flood_from_many_addresses_is_summarised_once_all_hosts_have_used_their_lines(monitor, clock):
    for host in range(1_000):
        flood(monitor, clock, f"127.0.{host // 250}.{host % 250 + 2}:5000", 1)
    clock.now += WINDOW
    events = rejection_events(monitor)
    assert len(events) == LOGGED_PER_WINDOW_ALL_HOSTS + 1
    assert events[-1].message == "950 more rejected messages from 950 hosts in the last 10 s"
    assert rejected_count(events) == 1_000


def test_an_ipv6_peer_is_counted_by_its_64_block(monitor, clock):
    for host in range(1, 21):
        flood(monitor, clock, f"[2001:db8::{host:x}]:4000", 1)
    flood(monitor, clock, "[2001:db8:0:1::1]:4000", 1)
    monitor.report_rejections()
    events = rejection_events(monitor)
    assert [(event.peer, event.message) for event in events[LOGGED_PER_WINDOW + 1 :]] == [
        ("2001:db8::/64", "15 more rejected messages in the last 1 s")
    ]
    assert events[LOGGED_PER_WINDOW].peer == "[2001:db8:0:1::1]:4000"


def test_one_shot_clients_from_many_loopback_addresses_leave_a_few_log_lines(tmp_path, caplog):
    caplog.set_level(logging.INFO, "thermolab.server")
    with running_server(tmp_path / "m.db") as server:
        for host in range(100):
            with socket.socket() as client:
                client.settimeout(10)
                client.bind((f"127.0.1.{host + 2}", 0))
                client.connect(server.address)
                client.sendall(b"x\n")
                assert client.recv(100) == b'{"error": "invalid JSON at byte 0"}\n'
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == LOGGED_PER_WINDOW_ALL_HOSTS + 1
    assert warnings[-1].getMessage() == "50 more rejected messages from 50 hosts in the last 1 s"
    assert rejected_count(rejection_events(server.monitor)) == 100
