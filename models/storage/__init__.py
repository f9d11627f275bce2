"""Where readings are kept: SQLite (the default), a PostgreSQL server, or the exercise's text file."""

import time
from collections.abc import Callable
from pathlib import Path

from models.alarms import AlarmBook
from models.storage.base import Commit, Storage, StorageError
from models.storage.kind import check_kind
from models.storage.readers import Reader, open_for_reading
from models.storage.sqlite import SQLiteStorage, open_file_alarm_book
from models.storage.textfile import TextFileStorage
from models.storage.url import Location, is_database_url, location_of, masked

__all__ = [
    "Commit",
    "Location",
    "Reader",
    "Storage",
    "StorageError",
    "SQLiteStorage",
    "TextFileStorage",
    "check_kind",
    "is_database_url",
    "location_of",
    "masked",
    "open_alarm_book",
    "open_for_reading",
    "open_storage",
]


def open_storage(
    location: Location, text_file: bool = False, clock: Callable[[], float] = time.time, keep_days: float | None = None
) -> Storage:
    """Open a storage and start its writer; raises StorageError with a sentence for the user. `clock`: the
    time its alarms are evaluated at and a retention measures age from; `keep_days`: delete readings older
    than that (a database only; None keeps everything)."""
    storage: Storage
    if is_database_url(location):
        # psycopg loads libpq: only a database server needs it.
        from models.storage.postgres import PostgresStorage

        storage = PostgresStorage(str(location), clock=clock, keep_days=keep_days)
    else:
        kind = TextFileStorage if text_file else SQLiteStorage
        storage = kind(location, clock=clock, keep_days=keep_days)
    storage.open()
    return storage


def open_alarm_book(location: Location, text_file: bool = False, create: bool = True) -> AlarmBook | None:
    """The alarms of a storage, for a program beside the server (the window, `alarms`): in the database
    (a file or a PostgreSQL URL), or in the database beside a text file (None when there is none yet and
    `create` is False)."""
    if is_database_url(location):
        from models.storage.postgres_alarms import open_postgres_alarm_book

        return open_postgres_alarm_book(str(location))
    return open_file_alarm_book(Path(location), text_file, create)
