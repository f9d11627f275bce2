"""Readings in a PostgreSQL database, table `mesures` (docs/protocol.md, section 2), from the one writer
of models/storage/base.py: one transaction per group commit, as for SQLite.

Each transaction COPYs everything queued straight into `mesures` (binary COPY, inside a savepoint).
Only when that meets a reading already stored (a sensor resending after a reconnection) is the
savepoint rolled back and the same rows COPYed into a temporary table, then moved with `INSERT ...
ON CONFLICT DO NOTHING`. Measured with `bench ingest --db postgresql://...` (docs/performance.md):
the stream reached 0.47 to 0.74 of a plain COPY's rate this way, 0.36 to 0.57 when every commit went
through the temporary table, and 0.29 with a pipelined `executemany` of the INSERT.

Each transaction first takes the advisory lock WRITE_LOCK, which it holds until its commit. A row's id
comes from a sequence when it is inserted, and concurrent transactions would otherwise commit out of
that order: a window that had read up to id 200 (committed by one collector) would never read ids 101
to 200 another collector commits a moment later. Under the lock, every id one transaction takes is
above every id of the transactions committed before it and below those of the ones after, so "the ids
above the last one seen" neither misses nor repeats a reading (models/history.py). The transaction
also NOTIFYs NEW_READINGS, which PostgreSQL delivers to the listening windows when it commits.

When the server goes away (restarted, the network cut), the batch fails, its senders get an error,
and the base class reconnects before each next batch until the server answers again.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import psycopg
from psycopg import errors

from models.alarms import AlarmBook
from models.reading import Reading
from models.storage.base import MAX_PENDING_READINGS, Storage
from models.storage.postgres_alarms import open_postgres_alarm_book
from models.storage.postgres_schema import NEW_READINGS, WRITE_LOCK, connect, first_line, prepare_database, unopenable
from models.storage.url import hide, masked

COLUMNS = 'capteur_id, temperature, "timestamp", received_at, sensor_clock'
TYPES = ["text", "float8", "timestamptz", "timestamptz", "bool"]
STAGING = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS mesures_staging ON COMMIT DELETE ROWS AS SELECT {COLUMNS} FROM mesures WITH NO DATA"
)
"""The columns a collector writes, without the id, the constraints or the indexes: resent readings may
meet here, and take their id when they move into mesures."""
MOVE = f"INSERT INTO mesures ({COLUMNS}) SELECT {COLUMNS} FROM mesures_staging ON CONFLICT DO NOTHING"
PURGE = 'DELETE FROM mesures WHERE ctid IN (SELECT ctid FROM mesures WHERE "timestamp" < to_timestamp(%s) LIMIT %s)'
UNREACHABLE = "the database server cannot be reached"
REFUSED = "the database refused the write (the server's log says why)"


class PostgresStorage(Storage):
    CANNOT_OPEN = UNREACHABLE

    def __init__(
        self,
        url: str,
        max_pending: int = MAX_PENDING_READINGS,
        clock: Callable[[], float] = time.time,
        keep_days: float | None = None,
    ):
        # The base class keeps a path for files; here it is only ever a name without the password.
        super().__init__(masked(url), max_pending, clock, keep_days)
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

    def _alarm_book(self) -> AlarmBook:
        return open_postgres_alarm_book(self.url)

    def _check_file(self) -> None:
        """No file to lose: the server keeps what it committed."""

    def _write(self, readings: Sequence[Reading], received_at: float) -> int:
        moment = functools.partial(datetime.fromtimestamp, tz=UTC)
        received = moment(received_at)
        self._staged.extend(
            (r.capteur_id, r.temperature, moment(r.timestamp), received, True if r.sensor_timestamp else None) for r in readings
        )
        return 0

    def _flush(self) -> int:
        rows, self._staged = self._staged, []
        assert self._connection is not None
        with self._connection.cursor() as cursor:
            cursor.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK}); NOTIFY {NEW_READINGS}")
            cursor.execute("SAVEPOINT direct")
            try:
                self._copy(cursor, "mesures", rows)
            except errors.UniqueViolation:
                # A resent reading already stored: this once, through the staging table.
                cursor.execute("ROLLBACK TO SAVEPOINT direct")
            else:
                cursor.execute("RELEASE SAVEPOINT direct")
                return len(rows)
            self._copy(cursor, "mesures_staging", rows)
            cursor.execute(MOVE)
            return cursor.rowcount

    @staticmethod
    def _copy(cursor: psycopg.Cursor, table: str, rows: list[tuple]) -> None:
        with cursor.copy(f"COPY {table} ({COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(TYPES)
            for row in rows:
                copy.write_row(row)

    def _purge(self, cutoff: float, limit: int) -> tuple[int, bool]:
        # The BRIN index on "timestamp" finds the oldest pages; ctid picks at most `limit` rows of them.
        assert self._connection is not None
        with self._connection.cursor() as cursor:
            cursor.execute(PURGE, (cutoff, limit))
            deleted = cursor.rowcount
        self._connection.commit()
        return deleted, deleted < limit

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
