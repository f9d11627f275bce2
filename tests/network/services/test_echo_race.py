"""EchoRace against the exercise's two echo servers on 127.0.0.1: who waits, and stopping mid-race."""

import threading

import pytest

from network.services.echo import EchoServer, echo_multi
from network.services.echo_race import EchoRace
from tests.sensor_support import wait_until
from tests.support import serving


def race(server, clients: int) -> list[float]:
    with serving(server):
        contest = EchoRace("127.0.0.1", server.address[1], clients, messages=3, pause=0.1)
        contest.start()
        try:
            wait_until(lambda: contest.finished, "every client answered", timeout=20)
        finally:
            contest.stop()
        assert contest.problems() == []
        return contest.round_trips()


def test_a_mono_task_server_serves_the_clients_in_turn():
    waits = race(EchoServer(port=0), 4)
    # A conversation is three lines 0.1 s apart: client k waits for the k - 1 before it.
    assert waits == sorted(waits)
    assert waits[3] - waits[0] > 0.6


def test_a_multi_task_server_answers_every_client_at_once():
    assert max(race(echo_multi(port=0), 4)) < 0.2


def test_stop_ends_a_race_whose_clients_are_still_waiting():
    with serving(EchoServer(port=0)) as server:
        contest = EchoRace("127.0.0.1", server.address[1], 3, messages=100, pause=0.1)
        contest.start()
        wait_until(lambda: contest.round_trips()[2] > 0.2, "the third client waiting")
        contest.stop()
        assert not [t for t in threading.enumerate() if t.name.startswith("echo client")]
        assert not contest.finished and contest.problems() == []


def test_a_number_of_clients_out_of_range_is_refused():
    with pytest.raises(ValueError, match="from 1 to 32"):
        EchoRace("127.0.0.1", 1, 33)
