"""How a reading is written as CSV cells (docs/protocol.md, section 3), shared by export and the text file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import NamedTuple

HEADER = ("capteur_id", "temperature", "timestamp")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def iso_utc(timestamp: float, timespec: str = "milliseconds") -> str:
    """`2026-11-21T14:31:05.123Z`."""
    moment = datetime.fromtimestamp(timestamp, UTC)
    return moment.isoformat(timespec=timespec).replace("+00:00", "Z")


def safe_text(cell: str) -> str:
    """A leading quote keeps a spreadsheet from running the cell as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def csv_row(capteur_id: str, temperature: float, timestamp: float, timespec: str = "milliseconds") -> tuple:
    return safe_text(capteur_id), temperature, iso_utc(timestamp, timespec)


def excel_fr_row(capteur_id: str, temperature: float, timestamp: float) -> tuple:
    """`capteur_1;23,5;2026-11-21T14:31:05.123Z;21/11/2026 15:31:05`: the decimal comma and the day
    first that a spreadsheet set to French reads as a number and a date."""
    local = datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M:%S")
    return safe_text(capteur_id), repr(float(temperature)).replace(".", ","), iso_utc(timestamp), local


class CsvStyle(NamedTuple):
    """One way of laying out an export (docs/protocol.md, section 3)."""

    name: str
    """What `export --format` and the export dialog's settings call it."""
    delimiter: str
    bom: bool
    """UTF-8 with a byte order mark: without it, Excel reads the file in the system's legacy code page."""
    header: tuple[str, ...]
    row: Callable[[str, float, float], tuple]
    """capteur_id, temperature (°C), timestamp (Unix seconds) -> the row's cells."""


STANDARD = CsvStyle("standard", ",", False, HEADER, csv_row)
"""RFC 4180, the default: what scripts and other programs read."""
EXCEL_FR = CsvStyle("excel-fr", ";", True, HEADER + ("heure_locale",), excel_fr_row)
"""For a spreadsheet in French: semicolons, decimal comma, BOM, and the local time beside UTC."""
STYLES = {style.name: style for style in (STANDARD, EXCEL_FR)}
