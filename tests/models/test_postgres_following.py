"""Following a PostgreSQL database that collectors write (models/history.py, `PostgresNewReadings`):
ids in commit order whichever collector commits first, a version-1 database migrated with its
readings, and the bounded history by id. Against a real server (tests/engines/postgres.py)."""

from __future__ import annotations

import select
import time

import psycopg
import pytest

from models.history import PostgresNewReadings, sensor_summaries
from models.reading import Reading
from models.storage import StorageError, open_storage
from models.storage.postgres import COLUMNS
from models.storage.postgres_schema import MIGRATIONS, SCHEMA_VERSION, WRITE_LOCK
from models.storage.url import masked
from tests.models.test_postgres_storage import START, readings, sql


def wait_for_a_writer_on_the_lock(url: str) -> None:
    """Until a Thermolab connection of this database waits for an advisory lock (each look is a query)."""
    deadline = time.monotonic() + 10
    with psycopg.connect(url, autocommit=True) as connection:
        while not connection.execute(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'thermolab'"
            " AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
        ).fetchall():
            assert time.monotonic() < deadline, "the writer never waited for the lock"


def test_a_collector_slow_to_commit_is_not_skipped_by_one_that_commits_first(postgres_url):
    """The first collector's transaction takes its ids, then is slow to commit; a second one writes a
    batch meanwhile. Were the second one's ids committed first, the follower would pass them and never
    look back at the first one's."""
    storage = open_storage(postgres_url)
    follower = PostgresNewReadings(postgres_url)
    with psycopg.connect(postgres_url) as slow:
        slow.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        slow.execute("INSERT INTO mesures (capteur_id, temperature, \"timestamp\") VALUES ('slow', 1.0, now())")
        batch = storage.submit(readings(5, "quick"), 0.0)
        wait_for_a_writer_on_the_lock(postgres_url)
        assert follower.take() == []
    assert batch.wait(10)
    taken = follower.take()
    storage.close()
    follower.close()
    assert [reading.capteur_id for reading in taken] == ["slow"] + ["quick"] * 5


def test_a_commit_wakes_the_follower_and_each_reading_comes_once(postgres_url):
    storage = open_storage(postgres_url)
    assert storage.submit(readings(3, "before"), 0.0).wait(10)
    follower = PostgresNewReadings(postgres_url)
    assert follower.take() == []
    assert storage.submit(readings(4, "after"), 0.0).wait(10)
    readable, _, _ = select.select([follower.wake_socket()], [], [], 10)
    assert readable, "the commit's NOTIFY reaches the follower's socket"
    taken = follower.take()
    assert [(r.capteur_id, r.temperature, r.timestamp) for r in taken] == [
        (r.capteur_id, r.temperature, r.timestamp) for r in readings(4, "after")
    ]
    assert follower.take() == []
    assert select.select([follower.wake_socket()], [], [], 0)[0] == [], "the notification was read"
    storage.close()
    follower.close()


def test_a_version_1_database_keeps_its_readings_and_numbers_them(postgres_url):
    with psycopg.connect(postgres_url) as connection:
        connection.execute(MIGRATIONS[1])
        connection.execute("CREATE TABLE thermolab_schema (version integer NOT NULL); INSERT INTO thermolab_schema VALUES (1)")
        connection.execute(
            f"INSERT INTO mesures ({COLUMNS}) SELECT 'old', 20.0 + i %% 10, to_timestamp(%s + i), NULL, true"
            " FROM generate_series(0, 99) AS i",
            (START,),
        )
    with pytest.raises(StorageError) as refused:
        PostgresNewReadings(postgres_url)
    assert str(refused.value) == (
        f"{masked(postgres_url)} was made by an older Thermolab (schema version 1): start a collector of this"
        " version on it once, then open it again"
    )
    storage = open_storage(postgres_url)
    assert sql(postgres_url, "SELECT version FROM thermolab_schema") == [(SCHEMA_VERSION,)]
    assert sql(postgres_url, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM mesures") == [(100, 100, 1, 100)]
    follower = PostgresNewReadings(postgres_url)
    assert follower.cursor == 100
    assert storage.submit(readings(3, "new", START + 1_000), 0.0).wait(10)
    storage.close()
    assert [r.capteur_id for r in follower.take()] == ["new"] * 3
    follower.close()
    assert sql(postgres_url, "SELECT capteur_id, count(*) FROM mesures GROUP BY 1 ORDER BY 1") == [("new", 3), ("old", 100)]


def test_the_history_a_follower_starts_from_ends_at_its_cursor(postgres_url):
    storage = open_storage(postgres_url)
    assert storage.submit(readings(4, "a"), 0.0).wait(10)
    follower = PostgresNewReadings(postgres_url)
    assert storage.submit([Reading("a", 99.0, START - 50, None, True)], 0.0).wait(10)
    storage.close()
    (bounded,) = sensor_summaries(postgres_url, None, START + 100, through=follower.cursor)
    assert (bounded.count, bounded.maximum) == (4, 23.0)
    (everything,) = sensor_summaries(postgres_url, None, START + 100)
    assert (everything.count, everything.maximum) == (5, 99.0)
    assert [(r.capteur_id, r.temperature) for r in follower.take()] == [("a", 99.0)]
    follower.close()
