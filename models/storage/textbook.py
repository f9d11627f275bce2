"""`TextbookStorage`: SQLite written as a first version of the exercise writes it, one commit per reading.

It exists to be compared with `SQLiteStorage` (the Compare dialog, docs/guide-fr.md): the same table and
the same acks after the commit, but a transaction around each reading instead of around everything
queued, and SQLite's default sync, which `sqlite3.connect()` gives a first version: each commit waits
for the disk. Readings/s fall far below what one transaction per batch stores.
"""

from __future__ import annotations

from models.storage.base import Commit
from models.storage.sqlite import SQLiteStorage


class TextbookStorage(SQLiteStorage):
    def _open(self) -> None:
        super()._open()
        self._connection.execute("PRAGMA synchronous = FULL")

    def _write_all(self, batches: list[Commit]) -> None:
        for batch in batches:
            if self._closing:
                # Closing would otherwise take a second per thousand readings queued; refused, not lost unsaid.
                batch.error = "the server is stopping"
                batch._done.set()
                continue
            alone = [Commit([reading], batch.received_at) for reading in batch.readings]
            for commit in alone:
                super()._write_all([commit])
            batch.error = next((commit.error for commit in alone if commit.error), None)
            batch._done.set()
