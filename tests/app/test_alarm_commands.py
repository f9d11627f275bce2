"""`alarms` and `server --headless --on-alarm` as a user runs them: real processes, a real database, a real
command run for each alarm."""

import csv
import io
import json
import sys
from pathlib import Path

from tests.support import LineClient, ServerProcess, run_main

PROBE = Path(__file__).with_name("alarm_probe.py")


def acked(server: ServerProcess, *temperatures: float, sensor: str = "fridge") -> None:
    """Send readings and wait for their acks: once acked, they are committed and evaluated."""
    with LineClient(server.address) as client:
        client.send(*({"capteur_id": sensor, "temperature": t, "seq": i} for i, t in enumerate(temperatures)))
        assert [client.answer() for _ in temperatures] == [{"ack": i} for i in range(len(temperatures))]


def lines_until(server: ServerProcess, prefix: str) -> list[str]:
    """Every stdout line up to and with the first that starts with `prefix`."""
    seen = []
    for line in server.process.stdout:
        seen.append(line.rstrip("\n"))
        if line.startswith(prefix):
            return seen
    raise AssertionError(f"the server never printed {prefix!r}: {seen}")


def test_rules_are_added_listed_and_removed_with_one_sentence_for_a_bad_one(tmp_path):
    db = str(tmp_path / "m.db")
    assert run_main("alarms", "add", "--db", db, "--high", "30", "--hysteresis", "0.5").stdout == (
        "rule 1: all sensors, high above 30 °C, hysteresis 0.5 °C\n"
    )
    assert run_main("alarms", "add", "--db", db, "--sensor", "fridge", "--silent", "60", "--for", "5").returncode == 0
    refused = run_main("alarms", "add", "--db", db, "--sensor", "fridge", "--low", "31")
    assert (refused.returncode, refused.stderr) == (
        2,
        "thermolab: the low threshold (31 °C) must be below the high threshold (30 °C) for fridge\n",
    )
    assert run_main("alarms", "list", "--db", db).stdout.splitlines() == [
        "rule  sensor       alarm",
        "1     all sensors  high above 30 °C, hysteresis 0.5 °C",
        "2     fridge       silent for more than 60 s, for 5 s",
    ]
    assert (
        run_main("alarms", "remove", "--db", db, "1").stdout
        == "removed rule 1: all sensors, high above 30 °C, hysteresis 0.5 °C\n"
    )
    missing = run_main("alarms", "remove", "--db", db, "1")
    assert (missing.returncode, missing.stderr) == (1, "thermolab: there is no alarm rule 1: `alarms list` shows them\n")


def test_reading_the_alarms_of_a_missing_database_creates_nothing(tmp_path):
    result = run_main("alarms", "events", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 2 and result.stderr.endswith("none.db does not exist: check the path of the database\n")
    assert not (tmp_path / "none.db").exists()


def test_the_headless_server_tells_each_alarm_and_runs_the_command_with_the_event(tmp_path):
    db, written = str(tmp_path / "m.db"), tmp_path / "events.jsonl"
    run_main("alarms", "add", "--db", db, "--sensor", "fridge", "--high", "8", "--hysteresis", "1")
    server = ServerProcess("--db", db, "--on-alarm", f"{sys.executable} {PROBE} '{written}'")
    acked(server, 5.0, 9.5)
    assert lines_until(server, "alarm raised: ")[-1] == "alarm raised: fridge above 8 °C (9.5 °C) [event 1]"
    lines_until(server, "probe wrote raised")
    acked(server, 7.5, 6.0)
    assert lines_until(server, "alarm cleared: ")[-1] == "alarm cleared: fridge no longer above 8 °C [event 1]"
    lines_until(server, "probe wrote cleared")
    code, _, stderr = server.stop()
    assert code == 0 and stderr == "stopping: committing what was received…\n"
    raised, cleared = (json.loads(line) for line in written.read_text().splitlines())
    assert raised.pop("THERMOLAB_ALARM_TIME") == raised.pop("THERMOLAB_ALARM_RAISED_AT")
    assert raised == {
        "THERMOLAB_ALARM_ID": "1",
        "THERMOLAB_ALARM_STATE": "raised",
        "THERMOLAB_ALARM_SENSOR": "fridge",
        "THERMOLAB_ALARM_KIND": "high",
        "THERMOLAB_ALARM_THRESHOLD": "8",
        "THERMOLAB_ALARM_VALUE": "9.5",
        "THERMOLAB_ALARM_RULE": "1",
        "THERMOLAB_ALARM_MESSAGE": "alarm raised: fridge above 8 °C (9.5 °C)",
    }
    assert (cleared["THERMOLAB_ALARM_STATE"], cleared["THERMOLAB_ALARM_ID"]) == ("cleared", "1")
    assert cleared["THERMOLAB_ALARM_TIME"] > cleared["THERMOLAB_ALARM_RAISED_AT"]
    assert cleared["THERMOLAB_ALARM_MESSAGE"] == "alarm cleared: fridge no longer above 8 °C"


def test_a_sensor_name_reaches_the_command_as_data_never_as_shell(tmp_path):
    db, written = str(tmp_path / "m.db"), tmp_path / "events.jsonl"
    run_main("alarms", "add", "--db", db, "--low", "0")
    server = ServerProcess("--db", db, "--on-alarm", f"{sys.executable} {PROBE} '{written}'")
    sneaky = "x; touch pwned; $(id)"
    acked(server, -5.0, sensor=sneaky)
    lines_until(server, "probe wrote raised")
    server.stop()
    assert json.loads(written.read_text())["THERMOLAB_ALARM_SENSOR"] == sneaky
    assert not (tmp_path / "pwned").exists()


def test_a_failing_command_is_told_once_and_the_server_goes_on(tmp_path):
    db = str(tmp_path / "m.db")
    run_main("alarms", "add", "--db", db, "--high", "30")
    server = ServerProcess("--db", db, "--on-alarm", str(tmp_path / "no-such-command"))
    for sensor in ("a", "b", "c"):
        acked(server, 35.0, sensor=sensor)
        lines_until(server, f"alarm raised: {sensor} ")
    acked(server, 20.0, sensor="d")
    code, stdout, stderr = server.stop()
    assert code == 0 and "stopped: 4 readings stored" in stdout
    told = [line for line in stderr.splitlines() if "no-such-command" in line]
    assert len(told) == 2, stderr
    assert told[0].endswith("cannot be run (No such file or directory); the next failures are not told until it works again")
    failed, skipped = (int(word) for word in told[1].split() if word.isdigit())
    assert failed >= 1 and failed + skipped == 3, "each alarm tried, or counted as not run when the server stopped"


def test_a_restarted_server_keeps_the_alarm_raised_and_does_not_raise_it_again(tmp_path):
    db = str(tmp_path / "m.db")
    run_main("alarms", "add", "--db", db, "--high", "30")
    first = ServerProcess("--db", db)
    acked(first, 35.0, sensor="oven")
    lines_until(first, "alarm raised: oven")
    first.stop()

    again = ServerProcess("--db", db)
    acked(again, 36.0, 37.0, sensor="oven")
    acked(again, 20.0, sensor="oven")
    seen = lines_until(again, "alarm cleared: ")
    again.stop()
    assert not [line for line in seen if line.startswith("alarm raised")], seen
    assert seen[-1] == "alarm cleared: oven no longer above 30 °C [event 1]"
    events = run_main("alarms", "events", "--db", db).stdout.splitlines()
    assert len(events) == 2 and events[1].split()[:2] == ["1", "oven"]


def test_events_are_listed_acknowledged_and_exported(tmp_path):
    db = str(tmp_path / "m.db")
    run_main("alarms", "add", "--db", db, "--low", "2")
    server = ServerProcess("--db", db)
    acked(server, 1.0)
    lines_until(server, "alarm raised")
    server.stop()
    active = run_main("alarms", "events", "--db", db, "--active").stdout.splitlines()
    assert active[0].split() == ["event", "sensor", "alarm", "value", "raised", "(UTC)", "cleared", "(UTC)", "acknowledged"]
    assert active[1].split()[:7] == ["1", "fridge", "low", "below", "2", "°C", "1"]
    assert active[1].rstrip().endswith("still raised")
    assert run_main("alarms", "ack", "--db", db, "1", "--by", "marie").stdout.startswith("event 1 acknowledged by marie at ")
    again = run_main("alarms", "ack", "--db", db, "1", "--by", "paul").stdout
    assert again.startswith("event 1 already acknowledged by marie at ")
    exported = run_main("alarms", "export", "--db", db)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert [(row["capteur_id"], row["kind"], row["value"], row["cleared_at"], row["acknowledged_by"]) for row in rows] == [
        ("fridge", "low", "1.0", "", "marie")
    ]
    assert rows[0]["raised_at"].endswith("Z")


def test_on_alarm_needs_the_headless_server_and_a_readable_command(tmp_path):
    windowed = run_main("server", "--on-alarm", "notify-send", "--db", str(tmp_path / "m.db"))
    assert (windowed.returncode, windowed.stderr) == (
        2,
        "thermolab: --on-alarm runs with --headless only: the window shows its alarms itself\n",
    )
    unquoted = run_main("server", "--headless", "--port", "0", "--on-alarm", "say 'hello", "--db", str(tmp_path / "m.db"))
    assert (unquoted.returncode, unquoted.stderr) == (
        2,
        "thermolab: --on-alarm cannot be read (No closing quotation): check its quotes\n",
    )
