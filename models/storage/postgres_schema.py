"""PostgreSQL: connecting with one sentence per fault, and the schema, made on first use and migrated by
version (docs/protocol.md, section 2). The writer and every reader connect here.

The table is `mesures`, as in SQLite, in PostgreSQL's own types: the time is a `timestamptz`, so that
TimescaleDB's `create_hypertable('mesures', 'timestamp')` applies to it as it is, and it is part of the
one unique constraint, as a hypertable requires. NULLs are distinct in that constraint, as in SQLite's
index: a resent reading the sensor stamped is stored once, server-stamped readings are never merged.

Version 2 numbers the rows (`id`, an identity column, in the order they were committed: see
models/storage/postgres.py), so that a window following the database asks for "the rows after the last
one I saw", as it asks SQLite by rowid. The id is in no unique constraint, which a hypertable forbids
without the time column: its index is a plain one.
"""

from __future__ import annotations

import psycopg
from psycopg import errors

from models.storage.base import StorageError
from models.storage.url import hide, masked

SCHEMA_VERSION = 3
CONNECT_TIMEOUT = 5
"""Seconds to wait for a server that does not answer (a host down, a firewall) before saying so."""
SCHEMA_LOCK = 0x7468_6C61_62
"""The advisory lock two collectors starting at once take, so that one of them makes the schema."""
WRITE_LOCK = 0x7468_6C61_63
"""The advisory lock every write transaction takes before it inserts, until it commits: the ids of
concurrent collectors then follow the order of their commits (models/storage/postgres.py)."""
NEW_READINGS = "thermolab_mesures"
"""The channel every write transaction NOTIFYs, delivered at its commit: a following window wakes."""

MIGRATIONS = {
    1: """
CREATE TABLE IF NOT EXISTS mesures (
    capteur_id   text NOT NULL,
    temperature  double precision NOT NULL,
    "timestamp"  timestamptz NOT NULL,
    received_at  timestamptz,
    sensor_clock boolean,
    CONSTRAINT mesures_capteur_timestamp UNIQUE (capteur_id, "timestamp", sensor_clock)
);
CREATE INDEX IF NOT EXISTS mesures_timestamp_brin ON mesures USING brin ("timestamp");
""",
    2: """
ALTER TABLE mesures ADD COLUMN IF NOT EXISTS id bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX IF NOT EXISTS mesures_id ON mesures (id);
""",
    3: """
CREATE TABLE IF NOT EXISTS alarm_rules (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    capteur_id   text,
    kind         text NOT NULL,
    threshold    double precision NOT NULL,
    hysteresis   double precision NOT NULL DEFAULT 0,
    min_duration double precision NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alarm_events (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    capteur_id      text NOT NULL,
    rule_id         bigint NOT NULL,
    kind            text NOT NULL,
    threshold       double precision NOT NULL,
    value           double precision NOT NULL,
    raised_at       double precision NOT NULL,
    cleared_at      double precision,
    acknowledged_by text,
    acknowledged_at double precision
);
CREATE UNIQUE INDEX IF NOT EXISTS alarm_events_one_active ON alarm_events (capteur_id, rule_id) WHERE cleared_at IS NULL;
""",
}
"""What brings a database from the version before to each version; a new version adds an entry.
2: the id that windows follow (in commit order under WRITE_LOCK, models/storage/postgres.py); 3: the
alarm tables, as SQLite's (models/alarms/book.py), times in Unix seconds as there, with one active alarm
per sensor and rule (models/storage/postgres_alarms.py); an identity never gives a number twice."""

_REQUIRED_COLUMNS = {"capteur_id", "temperature", "timestamp"}


def connect(url: str, *, read_only: bool = False) -> psycopg.Connection:
    """A connection, or StorageError with one sentence saying what to do; never a password in it.

    A reader's connection commits each statement by itself (autocommit), so that one kept open between
    two refreshes of a window holds no transaction open on the server."""
    try:
        connection = psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, application_name="thermolab", autocommit=read_only)
        if read_only:
            connection.execute("SET default_transaction_read_only = on")
    except psycopg.Error as error:
        raise StorageError(hide(_unreachable(str(error), url), url)) from None
    return connection


def _unreachable(words: str, url: str) -> str:
    where = masked(url)
    if "password authentication failed" in words:
        return f"the PostgreSQL server refused the password for {where}: check it (in PGPASSWORD, ~/.pgpass or the URL)"
    if "no password supplied" in words:
        return f"the PostgreSQL server asks for a password for {where}: give it in PGPASSWORD or ~/.pgpass"
    if "does not exist" in words and "database" in words:
        return f"the database of {where} does not exist on that server: create it (createdb) or check its name"
    if "Connection refused" in words or "resolve host" in words or "timeout expired" in words or "No such file" in words:
        return f"cannot reach the PostgreSQL server of {where}: check that it runs and that its host and port are right"
    return str(unopenable(psycopg.Error(words), url))


def unopenable(error: psycopg.Error, url: str) -> StorageError:
    """A psycopg error met while opening, past the connection, as one sentence."""
    return StorageError(hide(f"cannot open the PostgreSQL database {masked(url)} ({first_line(str(error))}): check the URL", url))


def unreadable(error: psycopg.Error, url: str) -> StorageError:
    """A psycopg error met while reading, as one sentence."""
    return StorageError(
        hide(f"the PostgreSQL database {masked(url)} cannot be read ({first_line(str(error))}): check that its server runs", url)
    )


def first_line(words: str) -> str:
    """libpq's message without its prefix and its hints on further lines."""
    line = words.strip().splitlines()[0] if words.strip() else "no reason given"
    return line.rpartition("FATAL:")[2].strip() if "FATAL:" in line else line.removeprefix("connection failed: ")


def prepare_database(connection: psycopg.Connection, url: str) -> None:
    """Bring the schema to SCHEMA_VERSION, or raise StorageError: a newer version, no right to create it."""
    try:
        version = schema_version(connection)
        connection.rollback()
        if version < SCHEMA_VERSION:
            # Outside any transaction, so that this one is not a savepoint but commits.
            with connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                connection.execute("CREATE TABLE IF NOT EXISTS thermolab_schema (version integer NOT NULL)")
                version = schema_version(connection)
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    connection.execute(MIGRATIONS[step])
                if version < SCHEMA_VERSION:
                    connection.execute("DELETE FROM thermolab_schema")
                    connection.execute("INSERT INTO thermolab_schema (version) VALUES (%s)", (SCHEMA_VERSION,))
        check_version(connection, url)
        check_columns(connection, url)
    except errors.InsufficientPrivilege:
        user = connection.info.user
        raise StorageError(
            f"the user {user} may not create the table mesures in {masked(url)}: ask the database's owner to run"
            f" Thermolab once, or to GRANT CREATE ON SCHEMA public TO {user}"
        ) from None
    except psycopg.Error as error:
        raise StorageError(
            hide(f"cannot open the PostgreSQL database {masked(url)} ({first_line(str(error))}): check the URL", url)
        ) from None
    finally:
        if not connection.closed:
            connection.rollback()


def check_version(connection: psycopg.Connection, url: str) -> None:
    """A database a newer Thermolab made may hold what this one would misread or break."""
    if (version := schema_version(connection)) > SCHEMA_VERSION:
        raise StorageError(
            f"{masked(url)} was made by a newer Thermolab (schema version {version}; this one knows up to"
            f" {SCHEMA_VERSION}): update Thermolab or choose another database"
        )


def schema_version(connection: psycopg.Connection) -> int:
    """0 for a database Thermolab never used."""
    if connection.execute("SELECT to_regclass('thermolab_schema')").fetchone() == (None,):
        return 0
    row = connection.execute("SELECT max(version) FROM thermolab_schema").fetchone()
    return row[0] if row and row[0] is not None else 0


def check_columns(connection: psycopg.Connection, url: str) -> None:
    """A table mesures made by another program must hold the three facts."""
    rows = connection.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'mesures' AND table_schema = current_schema()"
    ).fetchall()
    columns = {row[0] for row in rows}
    if not columns:
        raise StorageError(f"{masked(url)} holds no readings (no table mesures): choose a Thermolab database")
    if missing := _REQUIRED_COLUMNS - columns:
        raise StorageError(
            f"{masked(url)} has a table mesures without the column(s) {', '.join(sorted(missing))}: choose another database"
        )
