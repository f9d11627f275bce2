"""PostgreSQL storage against a real server (tests/engines/postgres.py): the schema of docs/protocol.md
section 2, the uniqueness SQLite has, the readers, and one sentence for each fault (group commits are
tested with SQLite's, in tests/models/test_storage.py)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import threading

import psycopg
import pytest

from models.export import ExportFilter, count_readings, export_csv
from models.history import count_stored, load_history, sensor_summaries, time_span
from models.reading import Reading
from models.storage import StorageError, open_for_reading, open_storage
from models.storage.base import DAY
from models.storage.postgres import PostgresStorage
from models.storage.postgres_schema import SCHEMA_VERSION

START = 1_790_000_040.0
"""A whole minute, so that minute slots start at START."""


def readings(count: int, capteur_id: str = "c", start: float = START) -> list[Reading]:
    return [Reading(capteur_id, 20.0 + i % 10, start + i + 0.25, i, True) for i in range(count)]


def sql(url: str, query: str, parameters=()) -> list[tuple]:
    with psycopg.connect(url) as connection:
        cursor = connection.execute(query, parameters)
        return cursor.fetchall() if cursor.description else []


def test_the_database_follows_the_contract(postgres_url):
    open_storage(postgres_url).close()
    columns = dict(
        sql(postgres_url, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'mesures'")
    )
    assert columns["capteur_id"] == "text"
    assert columns["temperature"] == "double precision"
    assert columns["timestamp"] == "timestamp with time zone"
    assert sql(postgres_url, "SELECT version FROM thermolab_schema") == [(SCHEMA_VERSION,)]
    indexes = dict(sql(postgres_url, "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'mesures'"))
    assert 'USING brin ("timestamp")' in indexes["mesures_timestamp_brin"]
    unique = indexes["mesures_capteur_timestamp"]
    assert "UNIQUE" in unique and '(capteur_id, "timestamp", sensor_clock)' in unique, "time is in every unique constraint"
    with psycopg.connect(postgres_url) as connection:
        connection.execute("SET enable_seqscan = off")
        plan = connection.execute(
            "EXPLAIN SELECT * FROM mesures WHERE capteur_id = 'c' AND \"timestamp\" > now() - interval '1 hour'"
        ).fetchall()
    assert "mesures_capteur_timestamp" in str(plan), "one sensor over a time range uses the index"


def test_resent_readings_are_merged_only_when_the_sensor_stamped_them(postgres_url):
    storage = open_storage(postgres_url)
    stamped = readings(3)
    unstamped = [Reading("c", 1.0, START, None, False)] * 2
    for batch in (stamped, stamped, unstamped, stamped + unstamped):
        assert storage.submit(batch, START).wait(10)
    storage.close()
    assert storage.stored == 7
    rows = sql(
        postgres_url,
        'SELECT temperature, extract(epoch FROM "timestamp")::float8, extract(epoch FROM received_at)::float8,'
        " sensor_clock FROM mesures WHERE sensor_clock ORDER BY 2",
    )
    assert rows == [(r.temperature, r.timestamp, START, True) for r in stamped]


def test_a_batch_resending_its_own_readings_is_stored_once_with_what_is_new_beside_them(postgres_url):
    storage = open_storage(postgres_url)
    assert storage.submit(readings(2, "old"), START).wait(10)
    batch = readings(2, "old") + readings(300, "new") + readings(300, "new") + [Reading("c", 9.5, START, None, False)] * 2
    assert storage.submit(batch, START).wait(10)
    storage.close()
    assert storage.stored == 2 + 302
    counts = sql(postgres_url, "SELECT capteur_id, count(*) FROM mesures GROUP BY 1 ORDER BY 1")
    assert counts == [("c", 2), ("new", 300), ("old", 2)]


def test_history_summaries_and_export_read_what_was_stored(postgres_url, tmp_path):
    storage = open_storage(postgres_url)
    storage.submit(readings(120, "a") + readings(60, "b"), START).wait(10)
    storage.close()

    assert count_stored(postgres_url) == 180
    assert time_span(postgres_url) == (START + 0.25, START + 119.25)
    history = load_history(postgres_url, START + 60, 60.0)
    times, values = history["a"]
    assert list(times) == [START + 60, START + 90] and list(values) == [20.0, 29.0]
    assert "b" not in history, "b has no reading since START + 60"
    assert time_span(postgres_url, by_reception=True) == (START, START), "all were received at START"
    by_reception = load_history(postgres_url, None, 60.0, by_reception=True)
    assert list(by_reception["a"][0]) == [START, START + 30] and list(by_reception["a"][1]) == [20.0, 29.0]

    summaries = {s.capteur_id: s for s in sensor_summaries(postgres_url, None, START + 200)}
    assert summaries["a"].last_value == 20.0 + 119 % 10
    assert summaries["b"].last_seen == START + 59.25

    selection = ExportFilter(("b",), START + 10, START + 19.5)
    assert count_readings(postgres_url, selection) == 10
    out = tmp_path / "b.csv"
    with open(out, "w", encoding="utf-8", newline="") as file:
        assert export_csv(postgres_url, file, selection) == 10
    lines = out.read_text().splitlines()
    assert lines[0] == "capteur_id,temperature,timestamp" and lines[1].startswith("b,20.0,2026-")


def test_a_database_at_an_older_version_is_brought_up_to_date(postgres_url):
    sql(postgres_url, "CREATE TABLE thermolab_schema (version integer NOT NULL); INSERT INTO thermolab_schema VALUES (0)")
    storage = open_storage(postgres_url)
    assert storage.submit(readings(2), 0.0).wait(10)
    storage.close()
    assert sql(postgres_url, "SELECT version FROM thermolab_schema") == [(SCHEMA_VERSION,)]
    assert sql(postgres_url, "SELECT count(*) FROM mesures") == [(2,)]


def test_a_database_of_a_newer_version_is_one_sentence(postgres_url):
    open_storage(postgres_url).close()
    sql(postgres_url, "UPDATE thermolab_schema SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StorageError) as refused:
        open_storage(postgres_url)
    assert str(refused.value) == (
        f"{masked_url(postgres_url)} was made by a newer Thermolab (schema version {SCHEMA_VERSION + 1};"
        f" this one knows up to {SCHEMA_VERSION}): update Thermolab or choose another database"
    )
    with pytest.raises(StorageError, match="newer Thermolab"):
        count_stored(postgres_url)


def masked_url(url: str) -> str:
    return url.replace(":pg-test-secret@", ":****@")


def test_each_fault_at_the_start_is_one_sentence_without_the_password(postgres_server, postgres_url):
    database = postgres_url.rsplit("/", 1)[1]
    unused_port = postgres_server.url(database).replace(f":{postgres_server.port}/", ":1/")
    faults = {
        postgres_server.url(database, password="wrong-secret"): "refused the password for postgresql://thermolab:****@",
        postgres_server.url("no_such_db"): "the database of postgresql://thermolab:****@127.0.0.1:",
        unused_port: "cannot reach the PostgreSQL server of postgresql://thermolab:****@127.0.0.1:1/",
    }
    for url, sentence in faults.items():
        with pytest.raises(StorageError) as refused:
            open_storage(url)
        message = str(refused.value)
        assert sentence in message and "\n" not in message
        assert "secret" not in message


def test_a_user_who_may_not_create_the_table_is_told_what_to_ask(postgres_server, postgres_url):
    database = postgres_url.rsplit("/", 1)[1]
    with contextlib.suppress(Exception):
        postgres_server.psql("CREATE ROLE reader LOGIN PASSWORD 'reader-secret'")
    postgres_server.psql(f"GRANT CONNECT ON DATABASE {database} TO reader")
    with pytest.raises(StorageError) as refused:
        open_storage(postgres_server.url(database, "reader", "reader-secret"))
    assert str(refused.value).startswith("the user reader may not create the table mesures in postgresql://reader:****@")
    assert "GRANT CREATE ON SCHEMA public TO reader" in str(refused.value)


def test_a_restarted_server_fails_its_batches_then_the_writer_reconnects_by_itself(postgres_server, postgres_url):
    storage = open_storage(postgres_url)
    said: list[str] = []
    storage.on_error = said.append
    assert storage.submit(readings(5), 0.0).wait(10)
    postgres_server.stop()
    try:
        for attempt in range(3):
            batch = storage.submit(readings(5, "lost", START + 100 * attempt), 0.0)
            assert batch.wait(30)
            assert batch.error == "storage failed: the database server cannot be reached"
    finally:
        postgres_server.start()
    batch = storage.submit(readings(5, "after"), 0.0)
    assert batch.wait(30) and batch.error is None
    storage.close()
    assert sql(postgres_url, "SELECT capteur_id, count(*) FROM mesures GROUP BY 1 ORDER BY 1") == [("after", 5), ("c", 5)]
    assert len(said) == 2, said
    assert said[0].startswith("storage failed: ") and said[0].endswith(f"({masked_url(postgres_url)})")
    assert said[1] == f"storage works again: readings are stored in {masked_url(postgres_url)}"
    assert not any("pg-test-secret" in sentence for sentence in said)
    assert "pg-test-secret" not in f"{storage.path} {storage.where} {storage.short_name}"


def test_a_reader_whose_server_goes_away_says_so_in_one_sentence(postgres_server, postgres_url):
    open_storage(postgres_url).close()
    reader = open_for_reading(postgres_url)
    postgres_server.stop()
    try:
        with pytest.raises(StorageError) as lost:
            reader.execute("SELECT count(*) FROM mesures")
        with pytest.raises(StorageError, match="^cannot reach the PostgreSQL server of postgresql://thermolab:\\*\\*\\*\\*@"):
            count_stored(postgres_url)
    finally:
        reader.close()
        postgres_server.start()
    assert str(lost.value).startswith(f"the PostgreSQL database {masked_url(postgres_url)} cannot be read (")
    assert str(lost.value).endswith("): check that its server runs") and "\n" not in str(lost.value)


def test_collectors_starting_at_once_on_a_new_database_make_one_schema(postgres_url):
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        starts = [pool.submit(open_storage, postgres_url) for _ in range(4)]
    refused = [str(start.exception()) for start in starts if start.exception() is not None]
    for start in starts:
        if start.exception() is None:
            start.result().close()
    assert refused == []
    assert sql(postgres_url, "SELECT version FROM thermolab_schema") == [(SCHEMA_VERSION,)]


def test_a_retention_deletes_the_old_readings_in_steps_and_keeps_the_recent_ones(postgres_url):
    old, recent = readings(500, "old", START - 3 * DAY), readings(50, "recent", START - DAY / 2)
    storage = open_storage(postgres_url)
    assert storage.submit(old + recent, START).wait(10)
    storage.close()
    storage = PostgresStorage(postgres_url, clock=lambda: START, keep_days=1)
    storage.purge_rows = 120
    purged = threading.Event()
    storage.on_purged = lambda sentence: purged.set()
    storage.open()
    assert purged.wait(30)
    storage.close()
    assert storage.purged == 500
    assert sql(postgres_url, "SELECT capteur_id, count(*) FROM mesures GROUP BY 1") == [("recent", 50)]
