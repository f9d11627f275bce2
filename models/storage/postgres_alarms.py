"""The alarm book in a PostgreSQL database: the SQL of models/alarms/book.py, with PostgreSQL's
parameters, transactions and errors told apart here (docs/protocol.md, section 2).

Several collectors may evaluate rules on one database. Each evaluates the readings it receives, and the
database keeps at most one active alarm per sensor and rule (`alarm_events_one_active`): the collector
whose insert comes first raises the alarm, another finds it raised and tells nothing; the first to see the
value back clears it, once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg

from models.alarms import AlarmBook, AlarmRule
from models.storage.base import StorageError
from models.storage.postgres_schema import connect, prepare_database, unopenable, unreadable

RULES_LOCK = 0x7468_6C61_72
"""The advisory lock a program saving rules holds, so that two saving at once check each other's rules."""


class PostgresAlarmBook(AlarmBook):
    errors = (StorageError,)

    def __init__(self, connection: psycopg.Connection, url: str):
        """`connection`: autocommit, the schema brought up to date."""
        super().__init__(connection)
        self.url = url

    def changed(self) -> tuple[AlarmRule, ...]:
        """PostgreSQL keeps no version of a table: the rules themselves, a small read once a second."""
        return tuple(self.rules())

    def _execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        with self._said():
            return self._connection.execute(sql.replace("?", "%s"), parameters)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._said(), self._connection.transaction():
            self._connection.execute("SELECT pg_advisory_xact_lock(%s)", (RULES_LOCK,))
            yield

    @contextlib.contextmanager
    def _said(self) -> Iterator[None]:
        """A server gone away or a refusal as one sentence, the password masked, as the window and
        `alarms` say a SQLite file's."""
        try:
            yield
        except psycopg.Error as error:
            raise unreadable(error, self.url) from None


def open_postgres_alarm_book(url: str) -> PostgresAlarmBook:
    """A book on its own connection (autocommit: an event is stored as it happens), the schema brought up
    to date first; StorageError with one sentence, the password masked."""
    connection = connect(url)
    try:
        prepare_database(connection, url)
        connection.autocommit = True
    except psycopg.Error as error:
        connection.close()
        raise unopenable(error, url) from None
    except BaseException:
        connection.close()
        raise
    return PostgresAlarmBook(connection, url)
