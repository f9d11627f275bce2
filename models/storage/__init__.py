"""Where readings are kept: SQLite (the default) or the exercise's text file."""

import time
from collections.abc import Callable
from pathlib import Path

from models.storage.base import Commit, Storage, StorageError
from models.storage.kind import check_kind
from models.storage.sqlite import SQLiteStorage, open_alarm_book, open_for_reading
from models.storage.textfile import TextFileStorage

__all__ = [
    "Commit",
    "Storage",
    "StorageError",
    "SQLiteStorage",
    "TextFileStorage",
    "check_kind",
    "open_alarm_book",
    "open_for_reading",
    "open_storage",
]


def open_storage(path: Path | str, text_file: bool = False, clock: Callable[[], float] = time.time) -> Storage:
    """Open a storage and start its writer; raises StorageError with a sentence for the user. `clock`: the
    time its alarms are evaluated at."""
    storage = TextFileStorage(path, clock=clock) if text_file else SQLiteStorage(path, clock=clock)
    storage.open()
    return storage
