"""Where readings are kept: SQLite (the default) or the exercise's text file."""

from pathlib import Path

from models.storage.base import Commit, Storage, StorageError
from models.storage.kind import check_kind
from models.storage.sqlite import SQLiteStorage, open_for_reading
from models.storage.textfile import TextFileStorage

__all__ = [
    "Commit",
    "Storage",
    "StorageError",
    "SQLiteStorage",
    "TextFileStorage",
    "check_kind",
    "open_for_reading",
    "open_storage",
]


def open_storage(path: Path | str, text_file: bool = False, keep_days: float | None = None) -> Storage:
    """Open a storage and start its writer; raises StorageError with a sentence for the user.
    `keep_days`: delete readings older than that (a database only; None keeps everything)."""
    kind = TextFileStorage if text_file else SQLiteStorage
    storage = kind(path, keep_days=keep_days)
    storage.open()
    return storage
