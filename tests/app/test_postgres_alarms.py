"""Alarms on a PostgreSQL database as a user runs them: `alarms --db URL` and headless servers storing into
a real PostgreSQL (tests/engines/postgres.py), one of them or two collectors at once."""

import csv
import io

from tests.app.test_alarm_commands import acked, lines_until
from tests.engines.postgres import PASSWORD
from tests.support import ServerProcess, run_main


def alarms(*arguments: str) -> str:
    done = run_main("alarms", *arguments)
    assert done.returncode == 0 and PASSWORD not in done.stdout + done.stderr, done.stderr
    return done.stdout


def test_an_alarm_is_raised_stored_acknowledged_kept_over_a_restart_and_exported(postgres_url):
    assert alarms("add", "--db", postgres_url, "--sensor", "fridge", "--high", "8") == "rule 1: fridge, high above 8 °C\n"
    first = ServerProcess("--db", postgres_url)
    assert first.printed[-1] == "alarms: 1 rules, 0 raised\n"
    acked(first, 5.0, 9.5)
    assert lines_until(first, "alarm raised: ")[-1] == "alarm raised: fridge above 8 °C (9.5 °C) [event 1]"
    code, _, stderr = first.stop()
    assert code == 0 and PASSWORD not in stderr

    active = alarms("events", "--db", postgres_url, "--active").splitlines()
    assert active[1].split()[:7] == ["1", "fridge", "high", "above", "8", "°C", "9.5"]
    assert alarms("ack", "--db", postgres_url, "1", "--by", "marie").startswith("event 1 acknowledged by marie at ")

    again = ServerProcess("--db", postgres_url)
    assert again.printed[-1].startswith("alarms: 1 rules, 1 raised")
    acked(again, 10.0, 11.0)
    acked(again, 7.0)
    seen = lines_until(again, "alarm cleared: ")
    again.stop()
    assert not [line for line in seen if line.startswith("alarm raised")], "still raised, not raised again"
    assert seen[-1] == "alarm cleared: fridge no longer above 8 °C [event 1]"
    rows = list(csv.DictReader(io.StringIO(alarms("export", "--db", postgres_url))))
    assert [(row["id"], row["capteur_id"], row["value"], row["acknowledged_by"]) for row in rows] == [
        ("1", "fridge", "9.5", "marie")
    ]
    assert rows[0]["cleared_at"].endswith("Z")


def test_two_collectors_of_one_sensor_raise_and_clear_its_alarm_once(postgres_url):
    alarms("add", "--db", postgres_url, "--high", "30")
    north, south = ServerProcess("--db", postgres_url), ServerProcess("--db", postgres_url)
    try:
        acked(north, 35.0, sensor="oven")
        assert lines_until(north, "alarm raised: ")[-1] == "alarm raised: oven above 30 °C (35 °C) [event 1]"
        # The south collector stores its own readings of the oven over 30 °C, then those of another
        # sensor: it tells the second alarm, and nothing of the oven's, already raised (its refused insert
        # took number 2: numbers may skip one).
        acked(south, 36.0, sensor="oven")
        acked(south, 40.0, sensor="kiln")
        assert lines_until(south, "alarm raised: ") == ["alarm raised: kiln above 30 °C (40 °C) [event 3]"]
        acked(south, 20.0, sensor="oven")
        assert lines_until(south, "alarm cleared: ")[-1] == "alarm cleared: oven no longer above 30 °C [event 1]"
        # The north collector sees the oven back too: the alarm is cleared already, nothing is told.
        acked(north, 21.0, sensor="oven")
        acked(north, 45.0, sensor="still")
        assert lines_until(north, "alarm raised: ") == ["alarm raised: still above 30 °C (45 °C) [event 4]"]
    finally:
        north.stop()
        south.stop()
    events = alarms("events", "--db", postgres_url).splitlines()[1:]
    assert [line.split()[:2] for line in events] == [["4", "still"], ["3", "kiln"], ["1", "oven"]]
