"""Each injected fault against a real server and a real SQLite file: what the sensor says it did, what the
server refused and why, and what storage holds."""

import time
from itertools import pairwise

import pytest

from models.capteur import CapteurError
from models.faults import BURST_SPACING, FaultCounts, Faults
from models.value_models import Constant
from network.sensors.fault_injection import FaultInjector
from tests.sensor_support import sensor_for, started, wait_until
from tests.support import stored_rows


def test_the_same_seed_breaks_the_same_readings():
    faults = Faults(malformed=0.3, duplicates=0.2, seed=7)
    runs = [FaultInjector("capteur_1", faults) for _ in range(2)]
    encoded = [run.encode(1, [float(t) for t in range(100)], [20.0] * 100) for run in runs]
    assert encoded[0] == encoded[1]
    assert runs[0].counts == runs[1].counts
    assert runs[0].counts.malformed > 0 and runs[0].counts.duplicates > 0


def test_a_share_of_malformed_readings_is_refused_with_each_reason_and_never_stored(server, tmp_path):
    sensor = sensor_for(server, rate=2000, count=300, faults=Faults(malformed=0.3, seed=1), model=Constant(value=21.5))
    with started(sensor):
        assert sensor.join(10)
    status, made = sensor.status(), sensor.status().faults
    assert min(made.bad_json, made.missing_field, made.out_of_range) > 10
    assert status.rejected == made.malformed
    assert status.acked + status.rejected == 300
    assert server.monitor.totals().rejected == made.malformed
    reasons = server.monitor.rejection_reasons()["capteur_1"]
    assert reasons.pop("temperature is missing") == made.missing_field
    assert reasons.pop("temperature is below absolute zero (-273.15 °C)") == made.out_of_range
    # Invalid JSON names no sensor: it counts as the sensor of the connection's last reading, so one sent
    # before the connection's first reading is the server's total only.
    assert made.bad_json - 1 <= reasons.pop("invalid JSON") <= made.bad_json
    assert reasons == {}
    assert len(stored_rows(tmp_path / "mesures.db")) == status.acked


def test_messages_sent_a_byte_at_a_time_are_all_stored(server, tmp_path):
    sensor = sensor_for(server, rate=200, count=20, faults=Faults(split=1))
    with started(sensor):
        assert sensor.join(10)
    assert sensor.status().acked == 20
    assert len(stored_rows(tmp_path / "mesures.db")) == 20
    # One send() per byte: a reading's line is well over 60 bytes.
    assert sensor.status().faults.split_sends > 20 * 60


def test_bursts_come_whole_every_interval_and_each_reading_is_stored(server, tmp_path):
    sensor = sensor_for(server, rate=0.01, faults=Faults(burst_size=40, burst_every=0.2))
    with started(sensor):
        wait_until(lambda: sensor.status().faults.bursts >= 3, "three bursts")
        sensor.finish()
        assert sensor.join(5)
    status = sensor.status()
    rows = stored_rows(tmp_path / "mesures.db")
    # The first regular reading, due at once, then every burst whole.
    assert status.measured == 1 + 40 * status.faults.bursts
    assert len(rows) == status.acked == status.measured
    first_burst = [timestamp for _, _, timestamp in rows[1:41]]
    assert [b - a for a, b in pairwise(first_burst)] == pytest.approx([BURST_SPACING] * 39, abs=1e-6)


def test_cut_connections_lose_nothing_and_store_each_reading_once(server, tmp_path):
    sensor = sensor_for(server, rate=2000, count=600, faults=Faults(disconnect_every=0.05, seed=3))
    with started(sensor):
        assert sensor.join(20)
    status = sensor.status()
    assert status.faults.disconnects >= 1
    assert status.acked == 600 and status.resent > 0
    rows = stored_rows(tmp_path / "mesures.db")
    assert len(rows) == len({timestamp for _, _, timestamp in rows}) == 600
    _, events = server.monitor.events()
    resets = [e for e in events if e.message.startswith("client disconnected (")]
    assert len(resets) >= status.faults.disconnects


def test_a_reading_sent_twice_is_stored_once_and_the_event_log_says_so(server, tmp_path):
    sensor = sensor_for(server, rate=1000, count=100, faults=Faults(duplicates=0.5, seed=2))
    with started(sensor):
        assert sensor.join(10)
    doubled = sensor.status().faults.duplicates
    assert 30 < doubled < 70
    assert sensor.status().acked == 100
    assert len(stored_rows(tmp_path / "mesures.db")) == 100
    assert server.monitor.totals().duplicates == doubled
    _, events = server.monitor.events()
    assert f"{doubled} readings received again were already stored: each is kept once" in [e.message for e in events]


def test_a_clock_offset_moves_every_timestamp(server, tmp_path):
    sensor = sensor_for(server, rate=100, count=5, faults=Faults(clock_offset=3600.0))
    with started(sensor):
        assert sensor.join(10)
    for _, _, timestamp in stored_rows(tmp_path / "mesures.db"):
        assert timestamp - time.time() == pytest.approx(3600, abs=30)


def test_faults_change_while_the_sensor_runs_and_counts_go_on(server):
    sensor = sensor_for(server, rate=500, faults=Faults(malformed=1.0))
    with started(sensor):
        wait_until(lambda: sensor.status().rejected >= 10, "ten refused readings")
        sensor.set_faults(Faults())
        acked = sensor.status().acked
        wait_until(lambda: sensor.status().acked >= acked + 50, "readings acknowledged again")
    assert sensor.status().faults.malformed >= 10


@pytest.mark.parametrize(
    "settings",
    [
        {"malformed": 1.5},
        {"duplicates": -0.1},
        {"split": -1},
        {"burst_size": 5000},
        {"burst_every": 0.0},
        {"clock_offset": 1e12},
        {"disconnect_every": 0.01},
    ],
)
def test_a_setting_out_of_range_is_refused_in_one_sentence(settings):
    with pytest.raises(CapteurError, match="must be|come every"):
        Faults(**settings)


def test_counts_add_up_kind_by_kind():
    assert FaultCounts(1, 2, 3) + FaultCounts(bursts=4) == FaultCounts(1, 2, 3, 0, 0, 4, 0)
    assert FaultCounts(1, 2, 3).malformed == 6
