"""Two collector processes store into one database while a window in a third process, which collects
nothing, follows it (issue 18, item 3): a SQLite file, and a PostgreSQL database of a real server."""

import contextlib
import time

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from app import viewer_app
from app.viewer_app import ViewerApp
from models.reading import Reading
from models.storage import open_for_reading, open_storage
from tests.support import LineClient, ServerProcess

ROUNDS, PER_ROUND = 10, 60
"""Each collector gets ROUNDS rounds of PER_ROUND readings, both collectors in every round."""


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, tmp_path):
    """A database that already holds a reading, as a lab's would."""
    path = request.getfixturevalue("postgres_url") if request.param == "postgresql" else tmp_path / "shared.db"
    storage = open_storage(path)
    assert storage.submit([Reading("before", 19.0, time.time() - 3_600, sensor_timestamp=True)], 0.0).wait(10)
    storage.close()
    return path


@pytest.fixture
def viewer(qtbot, shared, tmp_path):
    viewer = ViewerApp(shared, None, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(viewer.window)
    viewer.start()
    qtbot.waitUntil(lambda: viewer.window.chart.sensors() == ["before"])
    yield viewer
    viewer.window.close()


def counted(table, capteur_id: str) -> int:
    """The sensors table's count for `capteur_id`, 0 before its row is there."""
    rows = [table.sensor_at(row) for row in range(table.rowCount())]
    return table.stats(capteur_id).count if capteur_id in rows else 0


def readings(capteur_id: str, round_: int, start: float) -> list[dict]:
    first = round_ * PER_ROUND
    return [
        {"capteur_id": capteur_id, "temperature": 15.0 + (i % 17) / 4, "timestamp": start + i, "seq": i}
        for i in range(first, first + PER_ROUND)
    ]


def test_a_window_follows_two_collectors_writing_one_database(qtbot, viewer, shared):
    collectors = [ServerProcess("--db", str(shared)), ServerProcess("--db", str(shared))]
    start = time.time() - 600
    sent: dict[str, list[dict]] = {"room_a": [], "room_b": []}
    try:
        with LineClient(collectors[0].address) as room_a, LineClient(collectors[1].address) as room_b:
            for round_ in range(ROUNDS):
                for client, capteur_id in ((room_a, "room_a"), (room_b, "room_b")):
                    batch = readings(capteur_id, round_, start)
                    client.send(*batch)
                    sent[capteur_id] += batch
                for client, capteur_id in ((room_a, "room_a"), (room_b, "room_b")):
                    acks = [client.answer() for _ in range(PER_ROUND)]
                    assert acks == [{"ack": m["seq"]} for m in sent[capteur_id][-PER_ROUND:]]
    finally:
        outcomes = [collector.stop() for collector in collectors]
    for code, stdout, stderr in outcomes:
        assert code == 0, stderr
        assert f"stopped: {ROUNDS * PER_ROUND:,} readings stored, 0 rejected" in stdout

    with contextlib.closing(open_for_reading(shared)) as db:
        stored = dict(db.execute("SELECT capteur_id, count(*) FROM mesures GROUP BY capteur_id").fetchall())
    assert stored == {"before": 1, "room_a": ROUNDS * PER_ROUND, "room_b": ROUNDS * PER_ROUND}

    table, chart = viewer.window.sensor_model, viewer.window.chart
    qtbot.waitUntil(lambda: sorted(chart.sensors()) == ["before", "room_a", "room_b"])
    for capteur_id, messages in sent.items():
        qtbot.waitUntil(lambda c=capteur_id: table.stats(c).count == ROUNDS * PER_ROUND)
        values = [m["temperature"] for m in messages]
        stats = table.stats(capteur_id)
        assert (stats.minimum, stats.maximum, stats.last_value) == (min(values), max(values), values[-1])
        series = chart.series(capteur_id)
        assert np.nanmin(series.y) == min(values) and np.nanmax(series.y) == max(values)
    assert table.stats("before").count == 1


def test_a_window_opened_later_shows_what_was_stored_then_follows(qtbot, shared, tmp_path):
    collector = ServerProcess("--db", str(shared))
    try:
        with LineClient(collector.address) as sensor:
            sensor.send(*readings("early", 0, time.time() - 60))
            assert [sensor.answer() for _ in range(PER_ROUND)][-1] == {"ack": PER_ROUND - 1}
            viewer = ViewerApp(shared, None, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
            qtbot.addWidget(viewer.window)
            viewer.start()
            table = viewer.window.sensor_model
            qtbot.waitUntil(lambda: table.stats("early").count == PER_ROUND)
            readings_column = table.COLUMNS.index("readings")
            assert table.headerData(readings_column, Qt.Orientation.Horizontal) == "Readings (all stored)"
            sensor.send(*readings("early", 1, time.time() - 60))
            assert [sensor.answer() for _ in range(PER_ROUND)][-1] == {"ack": 2 * PER_ROUND - 1}
            qtbot.waitUntil(lambda: table.stats("early").count == 2 * PER_ROUND)
    finally:
        collector.stop()
    viewer.window.close()


def test_readings_committed_while_the_history_is_read_are_counted_once(qtbot, shared, tmp_path, monkeypatch):
    """A collector commits after the window took its cursor and before it read the history: readings
    older than those the history holds (a sensor's backlog), each counted once."""
    read_history = viewer_app.read_history

    def commit(count: int, start: float) -> None:
        storage = open_storage(shared)
        batch = [Reading("racing", 20.0, start + i, sensor_timestamp=True) for i in range(count)]
        assert storage.submit(batch, 0.0).wait(10)
        storage.close()

    def committing_first(*arguments, **options):
        monkeypatch.setattr(viewer_app, "read_history", read_history)
        commit(25, time.time() - 100)
        return read_history(*arguments, **options)

    commit(5, time.time() - 10)
    monkeypatch.setattr(viewer_app, "read_history", committing_first)
    viewer = ViewerApp(shared, None, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(viewer.window)
    viewer.start()
    table = viewer.window.sensor_model
    qtbot.waitUntil(lambda: counted(table, "racing") >= 30)
    commit(1, time.time() - 200)
    qtbot.waitUntil(lambda: counted(table, "racing") >= 31)
    assert counted(table, "racing") == 31
    viewer.window.close()
