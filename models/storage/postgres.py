"""Readings in a PostgreSQL database, table `mesures` (docs/protocol.md, section 2), from the one writer
of models/storage/base.py: one transaction per group commit, as for SQLite.

Each transaction COPYs everything queued into a temporary table, then moves it into `mesures` with
one `INSERT ... ON CONFLICT DO NOTHING`, which also converts the Unix seconds to `timestamptz`: two
round trips per commit, whatever the number of readings. Measured with `bench ingest --db
postgresql://...`, this ran about twice as fast as a pipelined `executemany` of the same INSERT.

When the server goes away (restarted, the network cut), the batch fails, its senders get an error,
and the base class reconnects before each next batch until the server answers again.
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from models.reading import Reading
from models.storage.base import MAX_PENDING_READINGS, Storage
from models.storage.postgres_schema import connect, first_line, prepare_database, unopenable
from models.storage.url import hide, masked

STAGING = """
CREATE TEMPORARY TABLE IF NOT EXISTS mesures_staging (
    capteur_id text, temperature double precision, seconds double precision, received_at double precision,
    sensor_clock boolean
) ON COMMIT DELETE ROWS
"""
COPY = "COPY mesures_staging (capteur_id, temperature, seconds, received_at, sensor_clock) FROM STDIN"
MOVE = """
INSERT INTO mesures (capteur_id, temperature, "timestamp", received_at, sensor_clock)
SELECT capteur_id, temperature, to_timestamp(seconds), to_timestamp(received_at), sensor_clock FROM mesures_staging
ON CONFLICT DO NOTHING
"""
UNREACHABLE = "the database server cannot be reached"
REFUSED = "the database refused the write (the server's log says why)"


class PostgresStorage(Storage):
    CANNOT_OPEN = UNREACHABLE

    def __init__(self, url: str, max_pending: int = MAX_PENDING_READINGS):
        # The base class keeps a path for files; here it is only ever a name without the password.
        super().__init__(masked(url), max_pending)
        self.url = url
        self._connection: psycopg.Connection | None = None
        self._staged: list[tuple] = []

    @property
    def location(self) -> str:
        return self.url

    @property
    def where(self) -> str:
        return masked(self.url)

    @property
    def short_name(self) -> str:
        return "PostgreSQL"

    def _open(self) -> None:
        connection = connect(self.url)
        try:
            prepare_database(connection, self.url)
            connection.execute(STAGING)
            connection.commit()
        except psycopg.Error as error:
            connection.close()
            raise unopenable(error, self.url) from None
        except BaseException:
            connection.close()
            raise
        self._connection = connection

    def _check_file(self) -> None:
        """No file to lose: the server keeps what it committed."""

    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        self._staged.extend(
            (r.capteur_id, r.temperature, r.timestamp, received_at, True if r.sensor_timestamp else None) for r in readings
        )
        return 0

    def _flush(self) -> int:
        rows, self._staged = self._staged, []
        assert self._connection is not None
        with self._connection.cursor() as cursor:
            with cursor.copy(COPY) as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(MOVE)
            return cursor.rowcount

    def _commit(self) -> None:
        assert self._connection is not None
        self._connection.commit()

    def _rollback(self) -> None:
        self._staged = []
        assert self._connection is not None
        self._connection.rollback()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _reason(self, error: Exception) -> str:
        # Fixed words for the senders: the server's own may name its files or its users.
        if isinstance(error, psycopg.OperationalError):
            return UNREACHABLE
        if isinstance(error, psycopg.Error):
            return REFUSED
        return super()._reason(error)

    def _explain(self, error: Exception) -> str:
        if isinstance(error, psycopg.Error):
            return hide(first_line(str(error)), self.url)
        return super()._explain(error)
