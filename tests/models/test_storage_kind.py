"""Neither storage writes into a file of the other kind, whatever asked for it (issue 15, item 1)."""

import pytest

from models.storage import StorageError, open_storage
from tests.support import running_server, stored_rows


def test_a_database_opened_as_text_file_is_refused_and_left_intact(tmp_path):
    database = tmp_path / "mesures.db"
    with running_server(database):
        pass
    before = database.read_bytes()
    with pytest.raises(StorageError, match=r"is a SQLite database, not a text file: choose another file or store into SQLite$"):
        open_storage(database, text_file=True)
    assert database.read_bytes() == before
    assert stored_rows(database) == []


def test_a_text_file_opened_as_database_is_refused_and_left_intact(tmp_path):
    text_file = tmp_path / "donnees.txt"
    text_file.write_text("capteur_1,22.5,2024-05-01T10:00:00.000000\n")
    with pytest.raises(StorageError, match=r"is not a SQLite database: choose another file$"):
        open_storage(text_file)
    assert text_file.read_text() == "capteur_1,22.5,2024-05-01T10:00:00.000000\n"


@pytest.mark.parametrize("text_file", [False, True])
def test_an_empty_file_suits_either_kind(tmp_path, text_file):
    path = tmp_path / "empty"
    path.touch()
    open_storage(path, text_file).close()
