"""SQLite and text storage (and PostgreSQL where both engines share a test): the schema of
docs/protocol.md section 2, group commits, clear start-up errors."""

import os
import sqlite3

import pytest

from models.history import count_stored
from models.reading import Reading
from models.storage import SQLiteStorage, StorageError, TextFileStorage, open_storage


def readings(count: int, capteur_id: str = "c", start: float = 1_790_000_000.0) -> list[Reading]:
    return [Reading(capteur_id, 20.0 + i % 10, start + i, i, True) for i in range(count)]


def test_the_database_follows_the_contract(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.close()
    with sqlite3.connect(tmp_path / "m.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        columns = {row[1]: (row[2], row[3]) for row in db.execute("PRAGMA table_info(mesures)")}
        assert columns["capteur_id"] == ("TEXT", 1)
        assert columns["temperature"] == ("REAL", 1)
        assert columns["timestamp"] == ("REAL", 1)
        plan = db.execute("EXPLAIN QUERY PLAN SELECT * FROM mesures WHERE capteur_id = 'c' AND timestamp > 5").fetchall()
    assert "USING INDEX" in plan[0][-1]


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """A new SQLite file, or a new database on the test session's PostgreSQL server."""
    return tmp_path / "m.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")


def test_many_small_batches_share_commits_and_all_arrive(database):
    storage = open_storage(database)
    batches = [storage.submit(readings(10, f"c{i}"), 0.0) for i in range(500)]
    for batch in batches:
        assert batch.wait(10) and batch.error is None
    storage.close()
    assert storage.stored == 5000
    assert storage.commits < 500
    assert count_stored(database) == 5000


def test_resent_readings_are_merged_only_when_the_sensor_stamped_them(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    stamped = readings(3)
    unstamped = [Reading("c", 1.0, 5.0, None, False)] * 2
    for batch in (stamped, stamped, unstamped):
        storage.submit(batch, 5.0).wait(10)
    storage.close()
    assert storage.stored == 5


def test_a_large_batch_is_stored_row_for_row_with_resends_merged_inside_it(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    batch = readings(1_000) + readings(300) + [Reading("c", 9.5, 7.0, None, False)] * 2
    assert storage.submit(batch, 42.0).wait(10)
    storage.close()
    assert storage.stored == 1_002
    with sqlite3.connect(tmp_path / "m.db") as db:
        rows = db.execute("SELECT temperature, timestamp, received_at, sensor_clock FROM mesures ORDER BY rowid").fetchall()
    expected = [(r.temperature, r.timestamp, 42.0, 1) for r in readings(1_000)] + [(9.5, 7.0, 42.0, None)] * 2
    assert rows == expected


def test_readers_see_committed_rows_while_the_writer_runs(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.submit(readings(7), 0.0).wait(10)
    with sqlite3.connect(tmp_path / "m.db") as reader:
        assert reader.execute("SELECT count(*) FROM mesures").fetchone() == (7,)
    storage.close()


def test_an_older_table_gets_the_new_columns(tmp_path):
    with sqlite3.connect(tmp_path / "old.db") as db:
        db.execute("CREATE TABLE mesures (capteur_id TEXT NOT NULL, temperature REAL NOT NULL, timestamp REAL NOT NULL)")
        db.execute("INSERT INTO mesures VALUES ('old', 1.0, 2.0)")
    storage = open_storage(tmp_path / "old.db")
    storage.submit(readings(1), 0.0).wait(10)
    storage.close()
    with sqlite3.connect(tmp_path / "old.db") as db:
        assert db.execute("SELECT count(*) FROM mesures").fetchone() == (2,)


@pytest.mark.parametrize("kind", [SQLiteStorage, TextFileStorage])
def test_a_missing_folder_is_one_sentence(tmp_path, kind):
    with pytest.raises(StorageError, match=r"the folder .*nowhere does not exist: create it or choose another file"):
        kind(tmp_path / "nowhere" / "m.db").open()


def test_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / "notes.db").write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError, match=r"notes.db is not a SQLite database: choose another file"):
        open_storage(tmp_path / "notes.db")


def test_a_database_with_another_mesures_table(tmp_path):
    with sqlite3.connect(tmp_path / "other.db") as db:
        db.execute("CREATE TABLE mesures (identifiant TEXT, valeur REAL)")
    with pytest.raises(StorageError, match=r"without the column\(s\) capteur_id, temperature, timestamp"):
        open_storage(tmp_path / "other.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_an_unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(StorageError, match="cannot write to .*m.db: choose a file in a folder you can write to"):
        open_storage(folder / "m.db")


def test_the_text_file_merges_a_resent_reading(tmp_path):
    storage = open_storage(tmp_path / "donnees.txt", text_file=True)
    for _ in range(2):
        storage.submit(readings(3), 0.0).wait(10)
    storage.close()
    assert len((tmp_path / "donnees.txt").read_text().splitlines()) == 3


def test_close_commits_what_is_still_queued(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    for i in range(50):
        storage.submit(readings(100, f"c{i}"), 0.0)
    storage.close()
    with sqlite3.connect(tmp_path / "m.db") as db:
        assert db.execute("SELECT count(*) FROM mesures").fetchone() == (5000,)


@pytest.mark.parametrize("text_file", [False, True], ids=["sqlite", "text file"])
def test_a_deleted_file_fails_its_batch_and_the_writer_goes_on_whatever_its_listener_does(tmp_path, text_file):
    path = tmp_path / ("donnees.txt" if text_file else "m.db")
    storage = open_storage(path, text_file)
    told = []

    def listener(sentence: str) -> None:
        told.append(sentence)
        raise RuntimeError("a listener with a bug")

    storage.on_error = listener
    assert storage.submit(readings(2), 0.0).wait(10)
    path.unlink()
    lost = storage.submit(readings(2, start=10.0), 0.0)
    assert lost.wait(10) and lost.error == "storage failed: the file was deleted while the server ran"
    again = storage.submit(readings(2, start=10.0), 0.0)
    assert again.wait(10) and again.error is None
    storage.close()
    assert told == [f"{path} was deleted while the server ran: a new, empty file takes its place"]
    assert (storage.stored, storage.failed) == (4, 2)


def test_a_database_replaced_by_another_kind_of_file_refuses_readings_until_it_is_a_database_again(tmp_path):
    path = tmp_path / "m.db"
    storage = open_storage(path)
    told = []
    storage.on_error = told.append
    assert storage.submit(readings(2), 0.0).wait(10)
    (tmp_path / "notes.txt").write_text("these are my notes, not a database\n" * 100)
    (tmp_path / "notes.txt").replace(path)
    refused = [storage.submit(readings(2, start=10.0), 0.0) for _ in range(2)]
    assert all(commit.wait(10) and commit.error.startswith("storage failed: ") for commit in refused)
    path.unlink()
    stored = storage.submit(readings(2, start=10.0), 0.0)
    assert stored.wait(10) and stored.error is None
    storage.close()
    assert told == [
        f"{path} was replaced while the server ran and cannot be opened ({path} is not a SQLite database: choose another file): "
        "readings are refused until it can",
        f"storage works again: readings are stored in {path}",
    ]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM mesures").fetchone() == (2,)
