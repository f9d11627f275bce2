"""`simulate` as a user runs it: totals and exit codes, refused settings, signals, and no reading lost
while the server is killed and restarted under it."""

import contextlib
import signal
import sqlite3
import subprocess
import sys
from itertools import pairwise

import pytest

from app.cli import main
from tests.mqtt_subscriber import Subscriber
from tests.sensor_support import free_port, wait_until
from tests.support import ROOT, ServerProcess, running_server, stored_rows


def simulate(*arguments: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "simulate", *arguments]


def row_count(path) -> int:
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM mesures").fetchone()[0]


def test_each_sensor_sends_its_count_and_the_totals_are_printed(server, tmp_path, capsys):
    port = str(server.address[1])
    assert main(["simulate", "--sensors", "3", "--rate", "500", "--count", "100", "--port", port]) == 0
    out = capsys.readouterr().out
    assert "3 sensors, 300 measured, 300 sent, 300 acked, 0 resent, 0 dropped, 0 refused, 0 errors" in out.splitlines()[-1]
    ids = sorted({row[0] for row in stored_rows(tmp_path / "mesures.db")})
    assert ids == ["capteur_1", "capteur_2", "capteur_3"]


def test_a_duration_measures_that_long_at_the_rate_asked(server, tmp_path, capsys):
    port = str(server.address[1])
    arguments = ["--sensors", "2", "--rate", "200", "--duration", "0.5", "--prefix", "room-", "--model", "sine:period=1"]
    assert main(["simulate", *arguments, "--port", port]) == 0
    rows = stored_rows(tmp_path / "mesures.db")
    assert len(rows) == 200
    assert {row[0] for row in rows} == {"room-1", "room-2"}


@pytest.mark.parametrize(
    ("arguments", "sentence"),
    [
        (["--rate", "0"], "rate must be from 0.01 to 10,000 readings per second, got 0"),
        (["--rate", "-2"], "rate must be from 0.01 to 10,000 readings per second, got -2"),
        (["--rate", "nan"], "rate must be from 0.01 to 10,000 readings per second, got nan"),
        (["--model", "thermometer"], "unknown model 'thermometer': choose constant, walk, sine, ramp or manual"),
        (["--model", "sine:period=0"], "period must be above 0"),
        (["--prefix", "p" * 64], f"'{'p' * 64}1' cannot be a capteur_id: capteur_id must be at most 64 characters"),
    ],
)
def test_bad_settings_are_one_sentence_and_exit_code_2(arguments, sentence, capsys):
    assert main(["simulate", "--port", "1", *arguments]) == 2
    assert capsys.readouterr().err == f"thermolab: {sentence}\n"


def test_an_unknown_host_is_one_sentence_and_exit_code_1(capsys):
    assert main(["simulate", "--host", "bad_host!", "--count", "5"]) == 1
    assert capsys.readouterr().err == "thermolab: unknown host bad_host!: check the server's address\n"


def test_a_refused_token_is_one_sentence_and_exit_code_1(tmp_path, capsys):
    with running_server(tmp_path / "m.db", token="s3cret") as server:
        port = str(server.address[1])
        assert main(["simulate", "--sensors", "2", "--count", "5", "--port", port, "--token", "guess"]) == 1
    err = capsys.readouterr().err
    assert err == f"thermolab: 127.0.0.1:{port} refused the token: give the token the server was started with\n"


def test_sigterm_stops_it_cleanly_once_what_was_sent_is_acked(tmp_path):
    path = tmp_path / "m.db"
    server = ServerProcess("--db", str(path))
    port = str(server.address[1])
    with subprocess.Popen(
        simulate("--sensors", "3", "--rate", "100", "--port", port), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        wait_until(lambda: row_count(path) >= 30, "the first readings")
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=20)
    server.stop()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    totals = stdout.splitlines()[-1]
    assert totals.startswith("done in") and "0 dropped" in totals
    assert f", {row_count(path):,} acked," in totals


@pytest.mark.slow
def test_no_reading_is_lost_or_stored_twice_when_the_server_is_killed_twice(tmp_path):
    path, port = tmp_path / "m.db", free_port()
    log = tmp_path / "simulate.log"
    server = ServerProcess("--db", str(path), port=port)
    command = simulate("--sensors", "20", "--rate", "400", "--count", "1000", "--port", str(port))
    with open(log, "w") as output, subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT) as process:
        for rows in (4_000, 11_000):
            wait_until(lambda rows=rows: row_count(path) >= rows, f"{rows} rows stored")
            server.stop(signal.SIGKILL)
            assert process.poll() is None and row_count(path) < 20_000, "the kill came after the run"
            server = ServerProcess("--db", str(path), port=port)
        code = process.wait(timeout=60)
    server.stop()
    assert code == 0, log.read_text()
    rows = stored_rows(path)
    assert len(rows) == len({(capteur_id, timestamp) for capteur_id, _, timestamp in rows}) == 20_000
    for number in range(1, 21):
        timestamps = sorted(timestamp for capteur_id, _, timestamp in rows if capteur_id == f"capteur_{number}")
        gaps = [later - earlier for earlier, later in pairwise(timestamps)]
        assert len(timestamps) == 1000
        assert max(gaps) == pytest.approx(1 / 400, abs=1e-6), "a reading is missing"


def test_with_mqtt_the_sensors_publish_every_reading_to_the_broker(mosquitto, capsys):
    with Subscriber(mosquitto.url) as subscriber:
        assert main(["simulate", "--sensors", "2", "--rate", "500", "--count", "50", "--mqtt", mosquitto.url]) == 0
        assert subscriber.wait_for(100)
    assert "2 sensors, 100 measured, 100 sent, 100 acked" in capsys.readouterr().out.splitlines()[-1]
    assert {(topic, seq) for topic, _, seq, _ in subscriber.distinct()} == {
        (f"thermolab/capteur_{n}", seq) for n in (1, 2) for seq in range(1, 51)
    }


def test_a_wrong_broker_url_is_one_sentence(capsys):
    assert main(["simulate", "--mqtt", "http://ann:hunter2@host"]) == 2
    error = capsys.readouterr().err
    assert "http://ann:***@host is not a broker URL: write mqtt://HOST:PORT" in error and "hunter2" not in error


def test_faults_from_the_command_line_reach_the_server_and_the_summary_counts_them(tmp_path, capsys):
    with running_server(tmp_path / "mesures.db") as server:
        port = str(server.address[1])
        arguments = ["--sensors", "2", "--count", "100", "--rate", "1000", "--malformed", "0.2", "--duplicates", "0.2"]
        assert main(["simulate", *arguments, "--fault-seed", "5", "--port", port]) == 0
        refused = server.monitor.totals().rejected
    summary = capsys.readouterr().out.splitlines()[-1]
    assert f"{refused} refused" in summary
    injected = dict(reversed(part.split(" ", 1)) for part in summary.split("injected: ")[1].split(", "))
    malformed = sum(int(injected.get(kind, 0)) for kind in ("invalid JSON", "no temperature", "out of range"))
    assert malformed == refused > 0
    assert len(stored_rows(tmp_path / "mesures.db")) == 200 - refused


def test_a_fault_setting_out_of_range_is_one_sentence(capsys):
    assert main(["simulate", "--port", "1", "--malformed", "2"]) == 2
    assert capsys.readouterr().err == "thermolab: malformed must be a share from 0 to 1, got 2.0\n"
