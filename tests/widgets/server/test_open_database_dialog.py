"""File > Open database: a SQLite file from the picker, or a PostgreSQL URL typed beside it."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from widgets.server.open_database_dialog import OpenDatabaseDialog


def test_a_url_is_opened_and_anything_else_typed_is_one_sentence(qtbot):
    dialog = OpenDatabaseDialog("postgresql://ann@db.lab/thermo")
    qtbot.addWidget(dialog)
    dialog.show()
    opened = []
    dialog.chosen.connect(opened.append)
    dialog.url.setText("db.lab/thermo")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
    assert opened == [] and dialog.isVisible()
    assert dialog.problem.text() == "A PostgreSQL URL starts with postgresql://, as in postgresql://user@host/dbname."

    dialog.url.setText(" postgresql:///?service=lab ")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton)
    assert opened == ["postgresql:///?service=lab"] and not dialog.isVisible()


def test_a_file_chosen_in_the_picker_is_opened(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_: (str(tmp_path / "old.db"), ""))
    dialog = OpenDatabaseDialog("")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert chosen.args == [tmp_path / "old.db"] and isinstance(chosen.args[0], Path)
