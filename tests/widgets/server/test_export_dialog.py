"""The export dialog and its job refuse to write the CSV over the database they export; the dialog asks
before replacing a file and offers the last export's choices again."""

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from app.server.export_job import ExportJob
from app.server.server_app import ServerApp
from models.export import ExportFilter
from models.reading import Reading
from models.server_config import ServerConfig
from models.storage import open_storage
from tests.support import LineClient, stored_rows
from tests.widgets.modal import ModalAnswerer
from widgets.server.export_dialog import ExportDialog


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


def job_says(qtbot, database: Path, destination: Path) -> str:
    """What an export job says once it has finished."""
    parent = QWidget()
    qtbot.addWidget(parent)
    job = ExportJob(database, destination, ExportFilter(), parent)
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start()
    return finished.args[0]


def test_the_export_job_refuses_the_database_as_its_destination(qtbot, database):
    refusal = f"{database} is the database being exported (or its journal): choose another file."
    assert job_says(qtbot, database, database) == refusal
    assert stored_rows(database) == [("c", 21.5, 1_790_000_000.0)]
    assert not Path(f"{database}.part").exists()


def test_a_database_named_like_the_exports_temporary_file_is_left_alone(qtbot, tmp_path, database):
    named_so = database.rename(tmp_path / "out.csv.part")
    assert job_says(qtbot, named_so, tmp_path / "out.csv") == f"1 reading exported to {tmp_path / 'out.csv'}"
    assert stored_rows(named_so) == [("c", 21.5, 1_790_000_000.0)]
    assert (tmp_path / "out.csv").read_text().count("\n") == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv", "out.csv.part"]


def test_through_a_link_to_the_database_the_dialog_and_the_job_refuse_its_journal(qtbot, database):
    link = database.parent / "link.db"
    link.symlink_to(database.name)
    journal = Path(f"{database}-wal")
    dialog = ExportDialog(["c"], (0.0, 1.0), journal, database=link)
    qtbot.addWidget(dialog)
    dialog.show()
    click_export(qtbot, dialog)
    refusal = f"{journal} is the database being exported (or its journal): choose another file."
    assert dialog.isVisible() and dialog.problem.text() == refusal
    assert job_says(qtbot, link, journal) == refusal


def click_export(qtbot, dialog: ExportDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_file_that_exists_is_replaced_only_once_the_user_agrees(qtbot, database, tmp_path):
    existing = tmp_path / "out.csv"
    existing.write_text("kept\n")
    dialog = ExportDialog(["c"], (0.0, 1.0), existing, database=database)
    qtbot.addWidget(dialog)
    dialog.show()
    with ModalAnswerer(button=QMessageBox.StandardButton.Cancel) as answers:
        click_export(qtbot, dialog)
    assert answers.texts == [f"out.csv already exists in {tmp_path}. Replace it?"]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    with ModalAnswerer() as answers:
        click_export(qtbot, dialog)
    assert answers.seen == ["Export readings as CSV"]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_folder_or_no_sensor_ticked_is_refused_in_one_sentence(qtbot, database, tmp_path):
    dialog = ExportDialog(["a", "b"], (0.0, 1.0), tmp_path, database=database)
    qtbot.addWidget(dialog)
    dialog.show()
    click_export(qtbot, dialog)
    assert dialog.problem.text() == f"{tmp_path} is a folder: add the name of the file to write."
    dialog.destination.setText(str(tmp_path / "new.csv"))
    qtbot.mouseClick(next(b for b in dialog.findChildren(QPushButton) if b.text() == "None"), Qt.MouseButton.LeftButton)
    click_export(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem.text() == "Tick at least one sensor to export."


def test_the_last_choices_are_offered_again_after_a_restart(qtbot, server_app, tmp_path):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send(*({"capteur_id": c, "temperature": 20, "seq": n} for n, c in enumerate("abc")))
        assert [sensor.answer() for _ in "abc"][-1] == {"ack": 2}
    qtbot.waitUntil(lambda: sorted(server_app.window.chart.sensors()) == ["a", "b", "c"])
    folder = tmp_path / "exports"
    folder.mkdir()
    now = int(time.time())
    since, until = QDateTime.fromSecsSinceEpoch(now - 60), QDateTime.fromSecsSinceEpoch(now + 60)

    def choose(dialog: ExportDialog) -> None:
        dialog.sensors.findItems("b", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Unchecked)
        dialog.range_group.button(ExportDialog.BETWEEN).setChecked(True)
        dialog.since.setDateTime(since)
        dialog.until.setDateTime(until)
        dialog.format.setCurrentIndex(dialog.format.findData("excel-fr"))
        dialog.destination.setText(str(folder / "first.csv"))
        click_export(qtbot, dialog)

    with ModalAnswerer(fill=choose), qtbot.waitSignal(server_app.window.statusBar().messageChanged, timeout=10_000) as message:
        server_app.window.export_requested.emit()
    assert message.args[0] == f"2 readings exported to {folder / 'first.csv'}"
    server_app.window.close()

    again = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.session.listening, timeout=10_000):
        again.start()
    offered = []

    def look(dialog: ExportDialog) -> None:
        ticked = [
            dialog.sensors.item(i).text()
            for i in range(dialog.sensors.count())
            if dialog.sensors.item(i).checkState() == Qt.CheckState.Checked
        ]
        offered.append((dialog.destination.text(), ticked, dialog.range_group.checkedId(), dialog.format.currentData()))
        offered.append((dialog.since.dateTime(), dialog.until.dateTime()))
        dialog.reject()

    with ModalAnswerer(fill=look):
        again.window.export_requested.emit()
    assert offered == [(str(folder / "thermolab.csv"), ["a", "c"], ExportDialog.BETWEEN, "excel-fr"), (since, until)]
    again.window.close()
