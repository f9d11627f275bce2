"""Alarms kept beside the readings: the tables of docs/protocol.md section 2, the migration of a database
written before them, evaluation on the writer thread, and a restart with an alarm raised."""

import contextlib
import io
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from models.alarms import AlarmEvaluator, AlarmKind, AlarmRule, InvalidRule, UnknownAlarm
from models.reading import Reading
from models.storage import StorageError, open_alarm_book, open_storage
from tests.support import LineClient, running_server

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "storage"
T0 = 1_790_000_000.0
WAIT = 10.0


class Clock:
    def __init__(self, now: float = T0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def reading(sensor: str, temperature: float) -> list[Reading]:
    return [Reading(sensor, temperature, T0, None, False)]


def store(storage, readings: list[Reading], at: float = T0) -> None:
    assert storage.submit(readings, at).wait(WAIT)


def add_rules(path: Path, *rules: AlarmRule, text_file: bool = False) -> list[AlarmRule]:
    book = open_alarm_book(path, text_file)
    try:
        return [book.save_rule(rule) for rule in rules]
    finally:
        book.close()


def test_a_database_written_before_alarms_is_brought_up_to_date_and_keeps_its_readings(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "mesures-v1.db", path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (1,)
        assert db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'alarm%'").fetchall() == []
    storage = open_storage(path)
    store(storage, reading("capteur_2", 1.0))
    storage.close()
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM mesures").fetchone() == (6,)
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        rules = [row[1] for row in db.execute("PRAGMA table_info(alarm_rules)")]
        events = [row[1] for row in db.execute("PRAGMA table_info(alarm_events)")]
    assert {"mesures", "alarm_rules", "alarm_events"} <= tables
    assert rules == ["id", "capteur_id", "kind", "threshold", "hysteresis", "min_duration"]
    assert events == [
        "id",
        "capteur_id",
        "rule_id",
        "kind",
        "threshold",
        "value",
        "raised_at",
        "cleared_at",
        "acknowledged_by",
        "acknowledged_at",
    ]


def test_the_command_line_adds_rules_to_a_database_written_before_alarms(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "mesures-v1.db", path)
    add_rules(path, AlarmRule(AlarmKind.HIGH, 30.0, "capteur_1"))
    storage = open_storage(path)
    store(storage, reading("capteur_1", 31.0))
    storage.close()
    book = open_alarm_book(path, create=False)
    assert [(e.sensor, e.value) for e in book.events()] == [("capteur_1", 31.0)]
    book.close()


def test_events_are_stored_as_they_are_raised_cleared_and_acknowledged(tmp_path):
    path = tmp_path / "m.db"
    (rule,) = add_rules(path, AlarmRule(AlarmKind.HIGH, 30.0, "fridge", hysteresis=1.0))
    storage = open_storage(path)
    feed = storage.alarms.feed()
    store(storage, reading("fridge", 32.5), T0 + 1)
    (raised,) = feed.drain(WAIT)
    assert storage.alarms.active() == [raised]
    store(storage, reading("fridge", 29.0), T0 + 2)
    (cleared,) = feed.drain(WAIT)
    storage.close()
    assert (raised.id, raised.state, cleared.id, cleared.state) == (1, "raised", 1, "cleared")
    book = open_alarm_book(path)
    book.acknowledge(1, "marie", T0 + 3)
    with contextlib.closing(sqlite3.connect(path)) as db:
        row = db.execute("SELECT * FROM alarm_events").fetchone()
    assert row == (1, "fridge", rule.id, "high", 30.0, 32.5, T0 + 1, T0 + 2, "marie", T0 + 3)
    assert book.acknowledge(1, "paul", T0 + 9).acknowledged_by == "marie", "the first acknowledgement stands"
    with pytest.raises(UnknownAlarm, match="^there is no alarm event 7: `alarms events` shows them$"):
        book.acknowledge(7, "marie", T0)
    book.close()


def test_a_restart_keeps_an_alarm_raised_and_does_not_raise_it_again(tmp_path):
    path = tmp_path / "m.db"
    add_rules(path, AlarmRule(AlarmKind.HIGH, 30.0))
    first = open_storage(path)
    feed = first.alarms.feed()
    store(first, reading("oven", 80.0))
    assert [e.state for e in feed.drain(WAIT)] == ["raised"]
    first.close()

    again = open_storage(path)
    assert [(e.sensor, e.id) for e in again.alarms.active()] == [("oven", 1)]
    feed = again.alarms.feed()
    store(again, reading("oven", 85.0))
    store(again, reading("oven", 20.0))
    changes = feed.drain(WAIT)
    again.close()
    assert [(e.id, e.state) for e in changes] == [(1, "cleared")]
    book = open_alarm_book(path)
    assert [(e.id, e.active) for e in book.events()] == [(1, False)]
    book.close()


def test_a_silence_is_raised_by_the_writer_as_the_clock_moves(tmp_path):
    path = tmp_path / "m.db"
    add_rules(path, AlarmRule(AlarmKind.SILENT, 60.0))
    clock = Clock()
    storage = open_storage(path, clock=clock)
    feed = storage.alarms.feed()
    store(storage, reading("greenhouse", 20.0), clock.now)
    clock.now += 90
    changes = feed.drain(WAIT)
    storage.close()
    assert [(e.sensor, e.kind, e.state, e.value) for e in changes] == [("greenhouse", AlarmKind.SILENT, "raised", 90.0)]


def test_rules_saved_by_another_program_while_the_server_runs_are_followed(tmp_path):
    path = tmp_path / "m.db"
    clock = Clock()
    storage = open_storage(path, clock=clock)
    feed = storage.alarms.feed()
    add_rules(path, AlarmRule(AlarmKind.LOW, 5.0, "fridge"))
    clock.now += 2
    # The writer's next tick reads the new rule: wait for it, then a cold reading raises an alarm.
    while not storage.alarms.rules():
        feed.drain(0.1)
    store(storage, reading("fridge", 3.0), clock.now)
    changes = feed.drain(WAIT)
    storage.close()
    assert [(e.sensor, e.state) for e in changes] == [("fridge", "raised")]


def test_a_text_file_keeps_its_alarms_in_a_database_beside_it_made_with_the_first_rule(tmp_path):
    path = tmp_path / "donnees.txt"
    storage = open_storage(path, text_file=True)
    storage.close()
    assert not (tmp_path / "donnees.txt.alarms.db").exists()
    add_rules(path, AlarmRule(AlarmKind.HIGH, 30.0), text_file=True)
    storage = open_storage(path, text_file=True)
    store(storage, reading("c", 40.0))
    storage.close()
    assert path.read_text().startswith("c,40.0,")
    book = open_alarm_book(path, text_file=True, create=False)
    assert [(e.sensor, e.value) for e in book.events()] == [("c", 40.0)]
    book.close()


def test_saving_a_sensors_rules_replaces_them_at_once_and_checks_them_together(tmp_path):
    book = open_alarm_book(tmp_path / "m.db")
    high, low = book.save_rules("fridge", [AlarmRule(AlarmKind.HIGH, 8.0, "fridge"), AlarmRule(AlarmKind.LOW, 2.0, "fridge")])
    # Both thresholds moved below the old low: saved one by one, the first would be refused.
    saved = book.save_rules("fridge", [AlarmRule(AlarmKind.HIGH, 1.0, "fridge"), AlarmRule(AlarmKind.LOW, -5.0, "fridge")])
    assert [(r.id, r.threshold) for r in saved] == [(high.id, 1.0), (low.id, -5.0)]
    with pytest.raises(InvalidRule, match="must be below the high threshold"):
        book.save_rules("fridge", [AlarmRule(AlarmKind.HIGH, -10.0, "fridge"), AlarmRule(AlarmKind.LOW, -5.0, "fridge")])
    book.save_rules("fridge", [AlarmRule(AlarmKind.SILENT, 30.0, "fridge")])
    assert [(r.kind, r.threshold) for r in book.rules()] == [(AlarmKind.SILENT, 30.0)]
    book.close()


def test_a_removed_rules_number_is_never_given_again(tmp_path):
    book = open_alarm_book(tmp_path / "m.db")
    first = book.save_rule(AlarmRule(AlarmKind.HIGH, 30.0))
    book.remove_rule(first.id)
    assert book.save_rule(AlarmRule(AlarmKind.HIGH, 31.0)).id != first.id
    with pytest.raises(UnknownAlarm, match="^there is no alarm rule 99: `alarms list` shows them$"):
        book.remove_rule(99)
    book.close()


def test_events_export_as_csv_with_utc_times_and_no_formula(tmp_path):
    path = tmp_path / "m.db"
    add_rules(path, AlarmRule(AlarmKind.LOW, 0.0))
    storage = open_storage(path)
    store(storage, reading("=cmd", -4.5), T0)
    storage.close()
    book = open_alarm_book(path)
    out = io.StringIO()
    assert book.export_csv(out) == 1
    book.close()
    assert out.getvalue().splitlines() == [
        "id,capteur_id,kind,threshold,value,raised_at,cleared_at,acknowledged_by,acknowledged_at,rule_id",
        "1,'=cmd,low,0.0,-4.5,2026-09-21T14:13:20.000Z,,,,1",
    ]


def test_a_missing_database_is_one_sentence_when_only_read(tmp_path):
    with pytest.raises(StorageError, match="does not exist: check the path of the database$"):
        open_alarm_book(tmp_path / "none.db", create=False)
    assert open_alarm_book(tmp_path / "none.txt", text_file=True, create=False) is None


def test_rules_are_evaluated_on_the_writer_thread_once_per_turn_never_per_reading(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    add_rules(path, AlarmRule(AlarmKind.HIGH, 30.0))
    calls = []
    observe = AlarmEvaluator.observe

    def watched(self, readings, at):
        readings = list(readings)
        calls.append((threading.current_thread().name, len(readings)))
        return observe(self, readings, at)

    monkeypatch.setattr(AlarmEvaluator, "observe", watched)
    with running_server(path) as server, LineClient(server.address) as sensor:
        sensor.send(*({"capteur_id": "c", "temperature": 20.0 + i % 5, "seq": i} for i in range(1_000)))
        assert [sensor.answer() for _ in range(1_000)][-1] == {"ack": 999}
    assert {name for name, _ in calls} == {"writer m.db"}
    assert sum(count for _, count in calls) == 1_000
    assert len(calls) < 1_000
