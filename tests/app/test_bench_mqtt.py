"""`bench mqtt` as a user runs it: each part's rate beside the broker's own, with their ratio, so a
collector slower than the broker can be told apart from one slower than its client library."""

import re
import shutil

import pytest

from app.bench.mosquitto import mosquitto_binary
from tests.engines import missing
from tests.support import run_main

RATE = r"\s+[\d,]+ {unit} \(\d\.\d\d\)$"


@pytest.mark.slow
def test_the_client_library_and_two_collectors_sharing_a_subscription_are_measured_against_the_broker():
    if mosquitto_binary() is None:
        missing("Mosquitto", "mosquitto")
    if not (shutil.which("mosquitto_pub") and shutil.which("mosquitto_sub")):
        missing("mosquitto_pub", "mosquitto-clients")
    small = ["--publishers", "4", "--count", "50", "--collectors", "2", "--only", "paho", "--only", "collector"]
    result = run_main("bench", "mqtt", *small, timeout=170)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.match(r"^Mosquitto on mqtt://127\.0\.0\.1:\d+, 4 publishers x 50 QoS 1 messages$", lines[0])
    assert re.match(r"^ceiling, mosquitto_pub -> mosquitto_sub:" + RATE.format(unit="messages/s"), lines[1])
    assert re.match(r"^paho alone, mosquitto_pub -> paho-mqtt:" + RATE.format(unit="messages/s"), lines[2])
    assert re.match(r"^collector, mosquitto_pub -> 2 x server --mqtt:" + RATE.format(unit="readings/s stored"), lines[3])
    assert len(lines) == 4
