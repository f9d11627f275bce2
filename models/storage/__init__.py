"""Where readings are kept: SQLite (the default), a PostgreSQL server, or the exercise's text file."""

from models.storage.base import Commit, Storage, StorageError
from models.storage.kind import check_kind
from models.storage.readers import Reader, open_for_reading
from models.storage.sqlite import SQLiteStorage
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
    "open_for_reading",
    "open_storage",
]


def open_storage(location: Location, text_file: bool = False) -> Storage:
    """Open a storage and start its writer; raises StorageError with a sentence for the user."""
    storage: Storage
    if is_database_url(location):
        # psycopg loads libpq: only a database server needs it.
        from models.storage.postgres import PostgresStorage

        storage = PostgresStorage(str(location))
    else:
        storage = TextFileStorage(location) if text_file else SQLiteStorage(location)
    storage.open()
    return storage
