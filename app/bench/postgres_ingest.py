"""`bench ingest --db postgresql://...`: the stream of `bench ingest` into PostgreSQL, end to end, beside
the rate at which the same server takes a plain COPY of the same rows into the same table, and beside
the same stream into SQLite, all in the same run.

Everything happens in a schema of its own (`thermolab_bench_PID`), dropped at the end: the database's
own `mesures` is never touched. The server child process reaches that schema through the URL's
`options` parameter, as any libpq client would.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import psycopg

from app.bench.ingest import THERMOLAB, _Server, stream_rate
from models.storage.postgres import COLUMNS
from models.storage.postgres_schema import prepare_database
from models.storage.url import masked

COPY_CHUNK = 1 << 20


def run_postgres(url: str, folder: Path, connections: int, per_connection: int) -> int:
    schema = f"thermolab_bench_{os.getpid()}"
    in_schema = _with_search_path(url, schema)
    print(f"PostgreSQL: {masked(url)}, in the schema {schema} (dropped at the end)")
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            copy = copy_rate(in_schema, connections * per_connection)
            rows = f"{connections * per_connection:,}"
            print(f"plain COPY of the same {rows} rows into mesures:      {copy:12,.0f} rows/s     (1.000)")
            label = f"stream, {connections} connections x {per_connection:,} readings, end to end,"
            with _PostgresServer(THERMOLAB, in_schema) as server:
                rate = stream_rate(server, connections, per_connection)
            print(f"{label} into PostgreSQL: {rate:12,.0f} readings/s ({rate / copy:.3f})")
            with _Server(THERMOLAB, folder / "bench.db") as server:
                rate = stream_rate(server, connections, per_connection)
            print(f"{label} into SQLite:     {rate:12,.0f} readings/s ({rate / copy:.3f})")
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    return 0


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


def copy_rate(url: str, count: int) -> float:
    """The database's own pace: the rows the stream sends, as COPY text made beforehand, into the same
    table with its constraint and indexes, one transaction; then the table is emptied for the stream."""
    now = time.time()
    lines = [
        f"stream_{i % 100}\t{i % 40}.5\t{datetime.fromtimestamp(now + i / 1000, UTC).isoformat()}\t\\N\t\\N\n"
        for i in range(count)
    ]
    data = "".join(lines).encode()
    with psycopg.connect(url) as connection:
        prepare_database(connection, url)
        start = time.perf_counter()
        with connection.cursor() as cursor, cursor.copy(f"COPY mesures ({COLUMNS}) FROM STDIN") as copy:
            for first in range(0, len(data), COPY_CHUNK):
                copy.write(data[first : first + COPY_CHUNK])
        connection.commit()
        elapsed = time.perf_counter() - start
        connection.execute("TRUNCATE mesures")
        connection.commit()
    return count / elapsed


class _PostgresServer(_Server):
    """The collector writing to PostgreSQL, its rows counted by a connection of this process."""

    def _open_reader(self):
        return psycopg.connect(str(self.path), autocommit=True)

    def rows(self) -> int:
        return self._reader.execute("SELECT count(*) FROM mesures").fetchone()[0]
