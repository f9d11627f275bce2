"""Read-only connections to the readings, whatever the engine: the one place where SQLite's SQL and
PostgreSQL's differ for the chart's history, the sensors table and the CSV export.

A query is written once, with `?` for each parameter and the reader's words for time, each about a
time column or expression (`"timestamp"`, or `coalesce(received_at, "timestamp")`): `seconds(time)`
(that time as Unix seconds), `moment` (a parameter in Unix seconds, compared with a time as it is
stored, so that its indexes serve) and `slot(time)` (that time's slot for a width given as parameter).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from models.storage.url import Location, is_database_url


class Rows(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int) -> list[Any]: ...


class Reader:
    """SQLite's words; `PostgresReader` says the same in PostgreSQL's."""

    moment = "?"
    row_id = "rowid"
    """The column that numbers the rows in the order they were committed (models/history.py)."""

    def __init__(self, connection: Any):
        self.connection = connection

    def seconds(self, time: str) -> str:
        return time

    def slot(self, time: str) -> str:
        return f"CAST({time} / ? AS INTEGER)"

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Rows:
        return self.connection.execute(sql, parameters)

    def stream(self, sql: str, parameters: Sequence[Any] = ()) -> Rows:
        """Rows fetched in parts as they are asked for, so memory stays flat over a large table."""
        return self.execute(sql, parameters)

    def close(self) -> None:
        self.connection.close()


class PostgresReader(Reader):
    moment = "to_timestamp(?)"
    row_id = "id"

    def __init__(self, connection: Any, url: str):
        super().__init__(connection)
        self.url = url
        self._streams: list[Any] = []

    def seconds(self, time: str) -> str:
        return f"extract(epoch FROM {time})::float8"

    def slot(self, time: str) -> str:
        return f"floor(extract(epoch FROM {time}) / ?)::bigint"

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Rows:
        with self.said():
            return self.connection.execute(sql.replace("?", "%s"), parameters)

    def stream(self, sql: str, parameters: Sequence[Any] = ()) -> Rows:
        # A named cursor lives on the server, which sends its rows a fetch at a time; WITH HOLD, since
        # the reader's connection commits each statement.
        with self.said():
            cursor = self.connection.cursor(name="thermolab_export", withhold=True)
            cursor.execute(sql.replace("?", "%s"), parameters)
        self._streams.append(cursor)
        return cursor

    @contextlib.contextmanager
    def said(self) -> Iterator[None]:
        """A server gone away (restarted, the network cut) as one sentence, the password masked."""
        import psycopg

        from models.storage.postgres_schema import unreadable

        try:
            yield
        except psycopg.Error as error:
            raise unreadable(error, self.url) from None

    def close(self) -> None:
        for cursor in self._streams:
            cursor.close()
        super().close()


def open_for_reading(location: Location) -> Reader:
    """A reader beside the writer, or StorageError with a sentence when `location` holds no readings."""
    if is_database_url(location):
        # psycopg loads libpq: only a database server needs it.
        from models.storage.postgres_schema import check_columns, check_version, connect

        reader = PostgresReader(connect(str(location), read_only=True), str(location))
        try:
            with reader.said():
                check_version(reader.connection, reader.url)
                check_columns(reader.connection, reader.url)
        except BaseException:
            reader.close()
            raise
        return reader
    from models.storage.sqlite import open_for_reading as open_sqlite

    return Reader(open_sqlite(location))
