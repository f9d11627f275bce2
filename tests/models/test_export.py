"""CSV export as docs/protocol.md section 3 says: header, ISO 8601 UTC, no formulas, filters, time order."""

import csv
import io

import pytest

from models.csv_format import EXCEL_FR, excel_fr_row
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
            Reading('=HYPERLINK("x")', -4.25, T0 + 20, None, True),
            Reading('cap, "quoted"', 0.0, T0 + 30, None, True),
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
        '"\'=HYPERLINK(""x"")",-4.25,2026-11-21T14:31:25.123Z\r\n'
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


def test_the_file_a_french_spreadsheet_opens(database, tmp_path, paris):
    with open(tmp_path / "excel.csv", "w", encoding="utf-8", newline="") as out:
        assert export_csv(database, out, style=EXCEL_FR) == 4
    assert (tmp_path / "excel.csv").read_bytes() == (
        b"\xef\xbb\xbf"
        b"capteur_id;temperature;timestamp;heure_locale\r\n"
        b"capteur_1;23,5;2026-11-21T14:31:05.123Z;21/11/2026 15:31:05\r\n"
        b"capteur_2;19,0;2026-11-21T14:31:15.123Z;21/11/2026 15:31:15\r\n"
        b'"\'=HYPERLINK(""x"")";-4,25;2026-11-21T14:31:25.123Z;21/11/2026 15:31:25\r\n'
        b'"cap, ""quoted""";0,0;2026-11-21T14:31:35.123Z;21/11/2026 15:31:35\r\n'
    )


def test_the_french_variant_quotes_formulas_and_semicolons_and_follows_summer_time(paris):
    july = 1_784_635_200.5  # 2026-07-21T12:00:00.500Z
    assert excel_fr_row("@SUM(A1)", 1234.5, july) == ("'@SUM(A1)", "1234,5", "2026-07-21T12:00:00.500Z", "21/07/2026 14:00:00")
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerow(excel_fr_row("salle;2", -0.25, july))
    assert out.getvalue() == '"salle;2";-0,25;2026-07-21T12:00:00.500Z;21/07/2026 14:00:00\r\n'
