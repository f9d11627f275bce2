"""CSV export as docs/protocol.md section 3 says: header, ISO 8601 UTC, no formulas, filters, time order."""

import csv
import io

import pytest

from models.export import ExportCancelled, ExportFilter, count_readings, export_csv
from models.reading import Reading
from models.storage import StorageError, open_storage

T0 = 1_795_271_465.123  # 2026-11-21T14:31:05.123Z


@pytest.fixture
def database(tmp_path):
    storage = open_storage(tmp_path / "m.db")
    storage.submit(
        [
            Reading("capteur_2", 19.0, T0 + 10, None, True),
            Reading("capteur_1", 23.5, T0, None, True),
            Reading("=HYPERLINK(\"x\")", -4.25, T0 + 20, None, True),
            Reading("cap, \"quoted\"", 0.0, T0 + 30, None, True),
        ],
        T0,
    ).wait(10)
    storage.close()
    return tmp_path / "m.db"


def exported(database, selection=ExportFilter()) -> str:
    out = io.StringIO(newline="")
    export_csv(database, out, selection)
    return out.getvalue()


def test_the_file_a_spreadsheet_opens(database):
    assert exported(database) == (
        "capteur_id,temperature,timestamp\r\n"
        "capteur_1,23.5,2026-11-21T14:31:05.123Z\r\n"
        "capteur_2,19.0,2026-11-21T14:31:15.123Z\r\n"
        "\"'=HYPERLINK(\"\"x\"\")\",-4.25,2026-11-21T14:31:25.123Z\r\n"
        '"cap, ""quoted""",0.0,2026-11-21T14:31:35.123Z\r\n'
    )


def test_a_csv_reader_reads_back_the_same_facts(database):
    rows = list(csv.DictReader(io.StringIO(exported(database))))
    assert rows[3] == {"capteur_id": 'cap, "quoted"', "temperature": "0.0", "timestamp": "2026-11-21T14:31:35.123Z"}


def test_filtered_by_sensor_and_time(database):
    assert exported(database, ExportFilter(("capteur_1", "capteur_2"), since=T0 + 5)).splitlines() == [
        "capteur_id,temperature,timestamp",
        "capteur_2,19.0,2026-11-21T14:31:15.123Z",
    ]
    assert count_readings(database, ExportFilter(until=T0 + 10)) == 2


def test_progress_and_cancel(database):
    seen = []
    with pytest.raises(ExportCancelled):
        export_csv(database, io.StringIO(), cancelled=lambda: True)
    assert export_csv(database, io.StringIO(), progress=seen.append) == 4
    assert seen == [4]


def test_a_missing_database_is_one_sentence(tmp_path):
    with pytest.raises(StorageError, match="does not exist: check the path of the database"):
        export_csv(tmp_path / "none.db", io.StringIO())
