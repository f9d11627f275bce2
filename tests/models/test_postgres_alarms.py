"""Alarms in a PostgreSQL database (models/storage/postgres_alarms.py) against a real server: the same
book as SQLite's, the migration from a database without alarm tables, one active alarm per sensor and
rule whatever the number of collectors."""

from __future__ import annotations

import io

import psycopg
import pytest

from models.alarms import AlarmEvent, AlarmKind, AlarmRule, InvalidRule, UnknownAlarm
from models.reading import Reading
from models.storage import StorageError, open_alarm_book, open_storage
from models.storage.postgres_schema import SCHEMA_VERSION
from models.storage.url import masked
from tests.engines.postgres import PASSWORD

HIGH = AlarmRule(AlarmKind.HIGH, 30.0, hysteresis=0.5)


def sql(url: str, query: str, parameters=()) -> list[tuple]:
    with psycopg.connect(url) as connection:
        cursor = connection.execute(query, parameters)
        return cursor.fetchall() if cursor.description else []


def test_rules_are_saved_replaced_checked_and_read_back(postgres_url):
    book = open_alarm_book(postgres_url)
    try:
        first = book.save_rule(HIGH)
        fridge = book.save_rules("fridge", [AlarmRule(AlarmKind.HIGH, 8.0, "fridge"), AlarmRule(AlarmKind.LOW, 2.0, "fridge")])
        again = book.save_rule(AlarmRule(AlarmKind.HIGH, 31.0, hysteresis=1.0))
        with pytest.raises(InvalidRule, match="below the high threshold"):
            book.save_rule(AlarmRule(AlarmKind.LOW, 9.0, "fridge"))
        with pytest.raises(UnknownAlarm, match="there is no alarm rule 99"):
            book.remove_rule(99)
    finally:
        book.close()
    assert again.id == first.id
    other = open_alarm_book(postgres_url)
    try:
        assert other.rules() == [AlarmRule(AlarmKind.HIGH, 31.0, None, 1.0, 0.0, first.id), *fridge]
        other.remove_rule(fridge[1].id)
        assert [rule.kind for rule in other.rules()] == [AlarmKind.HIGH, AlarmKind.HIGH]
    finally:
        other.close()


def test_a_database_of_an_older_schema_gets_the_alarm_tables(postgres_url):
    sql(postgres_url, "CREATE TABLE thermolab_schema (version integer NOT NULL); INSERT INTO thermolab_schema VALUES (1)")
    sql(
        postgres_url,
        'CREATE TABLE mesures (capteur_id text NOT NULL, temperature float8 NOT NULL, "timestamp" timestamptz NOT NULL)',
    )
    book = open_alarm_book(postgres_url)
    try:
        assert book.save_rule(HIGH).id is not None
    finally:
        book.close()
    assert sql(postgres_url, "SELECT version FROM thermolab_schema") == [(SCHEMA_VERSION,)]


def test_an_alarm_raised_twice_on_one_database_is_stored_and_told_once(postgres_url):
    first, second = open_alarm_book(postgres_url), open_alarm_book(postgres_url)
    try:
        rule = first.save_rule(HIGH)
        raised = AlarmEvent("fridge", rule.id, rule.kind, 30.0, 31.0, 100.0)
        stored = first.record(raised)
        assert stored is not None and stored.id is not None
        assert second.record(AlarmEvent("fridge", rule.id, rule.kind, 30.0, 32.0, 100.5)) is None, "already raised"
        cleared = second.record(AlarmEvent("fridge", rule.id, rule.kind, 30.0, 32.0, 100.5, cleared_at=104.0))
        assert cleared is not None and (cleared.id, cleared.raised_at, cleared.cleared_at) == (stored.id, 100.0, 104.0)
        assert first.record(AlarmEvent("fridge", rule.id, rule.kind, 30.0, 31.0, 100.0, cleared_at=105.0)) is None
        assert first.record(AlarmEvent("fridge", rule.id, rule.kind, 30.0, 33.0, 110.0)) is not None, "a new alarm"
        assert [(e.raised_at, e.cleared_at) for e in first.events()] == [(110.0, None), (100.0, 104.0)]
    finally:
        first.close()
        second.close()


def test_a_storage_raises_stores_and_keeps_an_alarm_across_a_restart(postgres_url):
    book = open_alarm_book(postgres_url)
    book.save_rule(HIGH)
    book.close()
    storage = open_storage(postgres_url)
    feed = storage.alarms.feed()
    assert storage.submit([Reading("oven", 35.0, 1_790_000_000.0, 0, True)], 1_790_000_000.5).wait(10)
    (raised,) = feed.drain(timeout=10)
    storage.close()
    assert raised.sentence() == "alarm raised: oven above 30 °C (35 °C)"
    again = open_storage(postgres_url)
    try:
        assert again.alarms.active() == [raised], "still raised, not raised again"
    finally:
        again.close()
    book = open_alarm_book(postgres_url)
    try:
        assert book.acknowledge(raised.id, "ann", 1_790_000_010.0).acknowledged_by == "ann"
        out = io.StringIO()
        assert book.export_csv(out) == 1
    finally:
        book.close()
    assert out.getvalue().splitlines()[1].startswith(f"{raised.id},oven,high,30.0,35.0,2026-")


def test_a_server_gone_is_one_sentence_without_the_password(postgres_url):
    book = open_alarm_book(postgres_url)
    try:
        sql(
            postgres_url,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE pid <> pg_backend_pid() AND datname = current_database()",
        )
        with pytest.raises(StorageError) as refused:
            book.rules()
    finally:
        book.close()
    assert masked(postgres_url) in str(refused.value) and "cannot be read" in str(refused.value)
    assert PASSWORD not in str(refused.value)
