"""Which kind of file a path holds, so that neither storage ever writes into a file of the other kind."""

from __future__ import annotations

from pathlib import Path

from models.storage.base import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


def holds_sqlite(path: Path) -> bool:
    """True when `path` is a SQLite database; False for a text file, an empty file or no file."""
    try:
        with open(path, "rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_kind(path: Path, text_file: bool) -> None:
    """Refuse a file whose content is not of the kind chosen; an empty or new file suits either kind."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return
    if text_file and holds_sqlite(path):
        raise StorageError(f"{path} is a SQLite database, not a text file: choose another file or store into SQLite")
    if not text_file and not holds_sqlite(path):
        raise StorageError(f"{path} is not a SQLite database: choose another file")
