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


def open_storage(
    path: Path | str, text_file: bool = False, clock: Callable[[], float] = time.time, keep_days: float | None = None
) -> Storage:
    """Open a storage and start its writer; raises StorageError with a sentence for the user. `clock`: the
    time its alarms are evaluated at and a retention measures age from; `keep_days`: delete readings
    older than that (a database only; None keeps everything)."""
    kind = TextFileStorage if text_file else SQLiteStorage
    storage = kind(path, clock=clock, keep_days=keep_days)
    storage.open()
    return storage
