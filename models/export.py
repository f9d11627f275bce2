"""CSV export of stored readings (docs/protocol.md, section 3), streamed so memory stays flat."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from models.csv_format import BOM, STANDARD, CsvStyle
from models.storage.readers import Reader, open_for_reading
from models.storage.url import Location, is_database_url

ROWS_PER_FETCH = 5_000
TIME = '"timestamp"'
"""The column readings are selected and ordered by: when each was measured."""


class ExportCancelled(Exception):
    """The user stopped the export; what was written so far is incomplete."""


@dataclass(frozen=True)
class ExportFilter:
    """Which readings to export: every field left empty means no restriction."""

    sensors: tuple[str, ...] = field(default_factory=tuple)
    since: float | None = None
    until: float | None = None

    def where(self, reader: Reader) -> tuple[str, list[str | float]]:
        clauses: list[str] = []
        parameters: list[str | float] = []
        if self.sensors:
            clauses.append(f"capteur_id IN ({', '.join('?' * len(self.sensors))})")
            parameters.extend(self.sensors)
        if self.since is not None:
            clauses.append(f"{TIME} >= {reader.moment}")
            parameters.append(self.since)
        if self.until is not None:
            clauses.append(f"{TIME} <= {reader.moment}")
            parameters.append(self.until)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), parameters


JOURNALS = ("-wal", "-shm", "-journal")
"""What SQLite keeps beside a database, named after the file it opened: a link's target, not the link."""


def writes_over_database(database: Location, destination: Path | str) -> bool:
    """Whether writing `destination` would overwrite the database being exported, or its journal.

    Paths are compared resolved (a symbolic link, `./`, `..`), then as files (a hard link). A
    destination named as the journal of a hard link to the database is refused too: the server may
    have opened the database by that name. A database server's tables are no file here.
    """
    if is_database_url(database):
        return False
    database, destination = Path(database).resolve(), Path(destination).resolve()
    parts = [database.with_name(database.name + suffix) for suffix in ("", *JOURNALS)]
    if destination in parts or _same_file(destination, parts):
        return True
    named_after = [destination.with_name(destination.name.removesuffix(s)) for s in JOURNALS if destination.name.endswith(s)]
    return any(_same_file(other, parts[:1]) for other in named_after)


def _same_file(path: Path, others: list[Path]) -> bool:
    return path.exists() and any(other.exists() and os.path.samefile(path, other) for other in others)


def count_readings(db_path: Location, selection: ExportFilter = ExportFilter()) -> int:
    reader = open_for_reading(db_path)
    try:
        where, parameters = selection.where(reader)
        return reader.execute(f"SELECT count(*) FROM mesures{where}", parameters).fetchone()[0]
    finally:
        reader.close()


def export_csv(
    db_path: Location,
    out: TextIO,
    selection: ExportFilter = ExportFilter(),
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    style: CsvStyle = STANDARD,
) -> int:
    """Write the header and the selected readings in time order; return how many rows were written.

    `progress` is called with the running row count after every fetch; `cancelled` is asked as
    often, and a True answer raises ExportCancelled. `style` lays the file out (models.csv_format).
    """
    reader = open_for_reading(db_path)
    try:
        where, parameters = selection.where(reader)
        cursor = reader.stream(
            f"SELECT capteur_id, temperature, {reader.seconds(TIME)} FROM mesures{where} ORDER BY {TIME}, capteur_id",
            parameters,
        )
        writer = csv.writer(out, delimiter=style.delimiter, lineterminator="\r\n")
        if style.bom:
            out.write(BOM)
        writer.writerow(style.header)
        written = 0
        while rows := cursor.fetchmany(ROWS_PER_FETCH):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            writer.writerows(style.row(*row) for row in rows)
            written += len(rows)
            if progress is not None:
                progress(written)
        return written
    finally:
        reader.close()
