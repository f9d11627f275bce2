"""Keep N days: the writer deletes older readings in small steps, and ingest goes on meanwhile."""

import contextlib
import sqlite3
import threading

import pytest

from models.reading import Reading
from models.storage import SQLiteStorage, StorageError, open_storage
from models.storage.base import DAY
from network.collector.serveur_tcp import ServeurTCP
from tests.support import LineClient

NOW = 1_790_000_000.0


def stamped(capteur_id: str, start: float, count: int) -> list[Reading]:
    return [Reading(capteur_id, 20.0 + i % 7, start + i, i, True) for i in range(count)]


def fill(path, rows: list[Reading]) -> None:
    """Readings written in beforehand, by a storage that keeps everything."""
    storage = open_storage(path)
    for start in range(0, len(rows), 50_000):
        assert storage.submit(rows[start : start + 50_000], NOW).wait(60)
    storage.close()


def timestamps(path) -> list[float]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT timestamp FROM mesures ORDER BY timestamp")]


def retaining(
    path, keep_days: float, clock=lambda: NOW, purge_rows: int | None = None, serve: bool = False
) -> tuple[SQLiteStorage, threading.Event, ServeurTCP | None]:
    """A storage keeping `keep_days` (and a server storing into it), and an event set once a look has
    deleted what it found."""
    storage = SQLiteStorage(path, keep_days=keep_days, clock=clock)
    if purge_rows is not None:
        storage.purge_rows = purge_rows
    server = ServeurTCP(storage, port=0) if serve else None
    purged = threading.Event()
    storage.on_purged = lambda sentence: purged.set()
    storage.open()
    return storage, purged, server


def test_readings_older_than_the_retention_go_and_recent_ones_stay(tmp_path):
    """Many sensors (more than one step looks at), each with old readings and recent ones."""
    sensors = [f"s{n:03}" for n in range(150)]
    old = [r for s in sensors for r in stamped(s, NOW - 3 * DAY, 40)]
    recent = [r for s in sensors[::7] for r in stamped(s, NOW - DAY / 2, 20)]
    fill(tmp_path / "m.db", old + recent)
    storage, purged, _ = retaining(tmp_path / "m.db", keep_days=1, purge_rows=700)
    assert purged.wait(30)
    storage.close()
    assert storage.purged == 6_000
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as db:
        kept = db.execute("SELECT capteur_id, timestamp FROM mesures ORDER BY capteur_id, timestamp").fetchall()
    assert kept == sorted((r.capteur_id, r.timestamp) for r in recent)


def test_the_cutoff_follows_the_clock(tmp_path):
    """The same rows, a later clock: what was recent becomes old."""
    fill(tmp_path / "m.db", stamped("a", NOW - 10 * DAY, 10) + stamped("b", NOW - 2 * DAY, 10) + stamped("c", NOW, 10))
    storage, purged, _ = retaining(tmp_path / "m.db", keep_days=5)
    assert purged.wait(30)
    storage.close()
    assert len(timestamps(tmp_path / "m.db")) == 20
    later = NOW + 4 * DAY
    storage, purged, _ = retaining(tmp_path / "m.db", keep_days=5, clock=lambda: later)
    assert purged.wait(30)
    storage.close()
    assert timestamps(tmp_path / "m.db") == [r.timestamp for r in stamped("c", NOW, 10)]


def test_readings_stored_with_a_retention_are_kept_when_recent(tmp_path):
    storage, _, _ = retaining(tmp_path / "m.db", keep_days=7)
    commit = storage.submit(stamped("now", NOW - 60, 100) + stamped("late", NOW - 8 * DAY, 5), NOW)
    assert commit.wait(10) and commit.error is None
    storage.close()
    kept = timestamps(tmp_path / "m.db")
    assert [r.timestamp for r in stamped("now", NOW - 60, 100)] == kept[-100:]


def test_without_a_retention_nothing_is_deleted(tmp_path):
    rows = stamped("old", NOW - 400 * DAY, 50)
    fill(tmp_path / "m.db", rows)
    storage = open_storage(tmp_path / "m.db")
    assert storage.submit(stamped("new", NOW, 1), NOW).wait(10)
    storage.close()
    assert storage.purged == 0
    assert len(timestamps(tmp_path / "m.db")) == 51


def test_a_text_file_has_no_retention(tmp_path):
    with pytest.raises(StorageError, match="a text file keeps every reading"):
        open_storage(tmp_path / "donnees.txt", text_file=True, keep_days=3)


def test_acks_keep_coming_during_a_large_purge(tmp_path):
    """Readings sent while 200,000 old ones are being deleted are acked before the purge is over."""
    fill(tmp_path / "m.db", stamped("old", NOW - 30 * DAY, 200_000))
    storage, purged, server = retaining(tmp_path / "m.db", keep_days=1, purge_rows=200, serve=True)
    server.start()
    try:
        with LineClient(server.address) as client, contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as db:
            for seq in range(50):
                client.send({"capteur_id": "live", "temperature": 21.5, "timestamp": NOW + seq, "seq": seq})
                assert client.answer() == {"ack": seq}
            old_left = db.execute("SELECT count(*) FROM mesures WHERE capteur_id = 'old'").fetchone()[0]
        assert not purged.is_set()
        assert old_left > 0
        assert purged.wait(60)
    finally:
        server.stop()
        storage.close()
    assert storage.purged == 200_000
    assert timestamps(tmp_path / "m.db") == [NOW + seq for seq in range(50)]


def test_a_purge_that_fails_is_said_once_and_refuses_no_reading(tmp_path):
    fill(tmp_path / "m.db", stamped("old", NOW - 3 * DAY, 10))
    with contextlib.closing(sqlite3.connect(tmp_path / "m.db")) as db, db:
        db.execute("CREATE TRIGGER keep BEFORE DELETE ON mesures BEGIN SELECT RAISE(ABORT, 'deleting is refused here'); END")
    storage = SQLiteStorage(tmp_path / "m.db", keep_days=1, clock=lambda: NOW)
    said: list[str] = []
    told = threading.Event()
    storage.on_error = lambda sentence: (said.append(sentence), told.set())
    storage.open()
    assert told.wait(30)
    commit = storage.submit(stamped("new", NOW, 5), NOW)
    assert commit.wait(10) and commit.error is None
    storage.close()
    assert said == [f"deleting readings older than 1 days failed: deleting is refused here ({tmp_path / 'm.db'})"]
    assert len(timestamps(tmp_path / "m.db")) == 15
