"""How a reading is written as CSV cells (docs/protocol.md, section 3), shared by export and the text file."""

from __future__ import annotations

from datetime import datetime, timezone

HEADER = ("capteur_id", "temperature", "timestamp")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def iso_utc(timestamp: float, timespec: str = "milliseconds") -> str:
    """`2026-11-21T14:31:05.123Z`."""
    moment = datetime.fromtimestamp(timestamp, timezone.utc)
    return moment.isoformat(timespec=timespec).replace("+00:00", "Z")


def safe_text(cell: str) -> str:
    """A leading quote keeps a spreadsheet from running the cell as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_row(capteur_id: str, temperature: float, timestamp: float, timespec: str = "milliseconds") -> tuple:
    return safe_text(capteur_id), temperature, iso_utc(timestamp, timespec)
