"""The export dialog and its job refuse to write the CSV over the database they export."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.export_job import ExportJob
from models.export import ExportFilter
from models.reading import Reading
from models.storage import open_storage
from tests.support import stored_rows
from widgets.export_dialog import ExportDialog


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "m.db"
    storage = open_storage(path)
    storage.submit([Reading("c", 21.5, 1_790_000_000.0, 1, True)], 0.0).wait(10)
    storage.close()
    return path


def test_the_dialog_stays_open_and_says_why_when_the_destination_is_the_database(qtbot, database):
    dialog = ExportDialog(["c"], (0.0, 1.0), database.parent / "out.csv", database=database)
    qtbot.addWidget(dialog)
    dialog.show()
    export = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    for destination in (database, Path(f"{database}-wal")):
        dialog.destination.setText(str(destination))
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.problem.isVisible()
        assert dialog.problem.text() == f"{destination} is the database being exported (or its journal): choose another file."
    dialog.destination.setText(str(database.parent / "out.csv"))
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored_rows(database) == [("c", 21.5, 1_790_000_000.0)]


def test_the_export_job_refuses_the_database_as_its_destination(qtbot, database):
    parent = QWidget()
    qtbot.addWidget(parent)
    job = ExportJob(database, database, ExportFilter(), parent)
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start()
    assert finished.args == [f"{database} is the database being exported (or its journal): choose another file."]
    assert stored_rows(database) == [("c", 21.5, 1_790_000_000.0)]
    assert not Path(f"{database}.part").exists()
