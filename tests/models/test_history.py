"""History for the chart comes back from storage bucketed, whatever was stored."""

import contextlib
import sqlite3

import pytest

from models.history import NewReadings, count_stored, load_history, sensor_summaries, time_span
from models.reading import Reading
from models.storage import open_storage


def test_each_slot_gives_its_minimum_and_maximum(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", float(v), 100.0 + i * 0.25, None, True) for i, v in enumerate([5, 1, 9, 4, 6, 2])], 0.0).wait(10)
    storage.submit([Reading("b", 20.0, 90.0, None, True)], 0.0).wait(10)
    storage.close()
    history = load_history(tmp_path / "m.db", since=95.0, resolution=1.0)
    times, values = history["a"]
    assert list(times) == [100.0, 100.5, 101.0, 101.5]
    assert list(values) == [1.0, 9.0, 2.0, 6.0]
    assert "b" not in history
    assert time_span(tmp_path / "m.db") == pytest.approx((90.0, 101.25))


def test_the_table_gets_each_sensors_summary_from_storage(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", float(v), 100.0 + i, None, True) for i, v in enumerate([5, 1, 9, 4])], 0.0).wait(10)
    storage.close()
    (summary,) = sensor_summaries(tmp_path / "m.db", window=None, now=200.0)
    assert (summary.capteur_id, summary.count, summary.minimum, summary.maximum, summary.mean) == ("a", 4, 1.0, 9.0, 4.75)
    assert (summary.last_seen, summary.last_value) == (103.0, 4.0)


def test_the_tables_summary_covers_the_window_and_slides_on_from_there(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", float(v), 100.0 + i * 60, None, True) for i, v in enumerate([5, 1, 9, 4])], 0.0).wait(10)
    storage.close()
    (summary,) = sensor_summaries(tmp_path / "m.db", window=120.0, now=290.0)
    assert (summary.count, summary.minimum, summary.maximum, summary.mean) == (2, 4.0, 9.0, 6.5)
    assert (summary.last_seen, summary.last_value) == (280.0, 4.0)
    summary.expire(now=350.0)
    assert (summary.count, summary.minimum, summary.maximum) == (1, 4.0, 4.0)


@pytest.mark.parametrize("window", [None, 600.0])
def test_a_summary_through_a_rowid_leaves_the_later_rows_to_the_follower(tmp_path, window):
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", float(v), 100.0 + i, None, True) for i, v in enumerate([5, 1, 9, 4])], 0.0).wait(10)
    storage.close()
    follower = NewReadings(tmp_path / "m.db")
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", 30.0, 50.0, None, True), Reading("b", 7.0, 60.0, None, True)], 0.0).wait(10)
    storage.close()
    (summary,) = sensor_summaries(tmp_path / "m.db", window=window, now=200.0, through=follower.cursor)
    assert (summary.capteur_id, summary.count, summary.maximum) == ("a", 4, 9.0)
    assert follower.take() == [Reading("a", 30.0, 50.0), Reading("b", 7.0, 60.0)]
    assert follower.take() == []
    follower.close()


def test_the_readings_a_storage_holds_are_counted(tmp_path):
    for path, text_file in ((tmp_path / "m.db", False), (tmp_path / "donnees.txt", True)):
        storage = open_storage(path, text_file)
        storage.submit([Reading("a", 20.0, 100.0 + i, None, True) for i in range(7)], 0.0).wait(10)
        storage.close()
        assert count_stored(path, text_file) == 7


def test_the_follower_catches_up_in_bounded_looks_and_after_every_row_was_deleted(tmp_path):
    open_storage(tmp_path / "m.db").close()
    follower = NewReadings(tmp_path / "m.db")
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("a", float(i), 100.0 + i, None, True) for i in range(10)], 0.0).wait(10)
    assert [len(follower.take(limit=4)) for _ in range(4)] == [4, 4, 2, 0]
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as db, db:
        db.execute("DELETE FROM mesures")
    storage.submit([Reading("b", 1.0, 5.0, None, True)], 0.0).wait(10)
    storage.close()
    assert follower.take() == [Reading("b", 1.0, 5.0)]
    follower.close()


def test_by_reception_history_places_each_reading_at_its_arrival(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    # Measured by a clock an hour behind, received at 3,700 s; the server stamped the other at 3,701 s.
    storage.submit([Reading("late", 1.0, 100.0, None, True)], 3_700.0).wait(10)
    storage.submit([Reading("own", 2.0, 3_701.0, None, False)], 3_701.0).wait(10)
    storage.close()
    by_measurement = load_history(tmp_path / "m.db", since=3_600.0, resolution=1.0)
    assert sorted(by_measurement) == ["own"]
    by_reception = load_history(tmp_path / "m.db", since=3_600.0, resolution=1.0, by_reception=True)
    assert list(by_reception["late"][0]) == [3_700.0, 3_700.5]
    assert time_span(tmp_path / "m.db", by_reception=True) == (3_700.0, 3_701.0)
    summaries = sensor_summaries(tmp_path / "m.db", window=None, now=3_800.0, by_reception=True)
    assert {(s.capteur_id, s.last_seen, s.last_value) for s in summaries} == {("late", 3_700.0, 1.0), ("own", 3_701.0, 2.0)}
