"""File > Export CSV… writes for a French spreadsheet when asked, and asks the same way next time."""

from PySide6.QtCore import QSettings

from app.server.server_app import ServerApp
from models.server_config import ServerConfig
from tests.support import LineClient
from widgets.server.export_dialog import ExportDialog


def export(qtbot, app: ServerApp, destination, monkeypatch, layout: str | None = None) -> str:
    """Export everything through the dialog, choosing `layout` (or leaving what it offers); the format it offered."""
    offered = []

    def choose(dialog: ExportDialog) -> int:
        offered.append(dialog.format.currentData())
        if layout is not None:
            dialog.format.setCurrentIndex(dialog.format.findData(layout))
        dialog.destination.setText(str(destination))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", choose)
    with qtbot.waitSignal(app.window.statusBar().messageChanged, timeout=10_000) as message:
        app.window.export_requested.emit()
    assert message.args[0].endswith(f" exported to {destination}")
    return offered[0]


def test_the_excel_french_layout_is_written_and_offered_again_after_a_restart(
    qtbot, server_app, tmp_path, monkeypatch, paris, private_data_dir
):
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "=serre", "temperature": 21.5, "timestamp": "2026-11-21T14:31:05.123Z", "seq": 1})
        assert sensor.answer() == {"ack": 1}
    qtbot.waitUntil(lambda: server_app.window.chart.sensors() == ["=serre"])

    assert export(qtbot, server_app, tmp_path / "standard.csv", monkeypatch) == "standard"
    assert (
        tmp_path / "standard.csv"
    ).read_bytes() == b"capteur_id,temperature,timestamp\r\n'=serre,21.5,2026-11-21T14:31:05.123Z\r\n"

    export(qtbot, server_app, tmp_path / "excel.csv", monkeypatch, "excel-fr")
    assert (tmp_path / "excel.csv").read_bytes() == (
        b"\xef\xbb\xbfcapteur_id;temperature;timestamp;heure_locale\r\n"
        b"'=serre;21,5;2026-11-21T14:31:05.123Z;21/11/2026 15:31:05\r\n"
    )
    assert export(qtbot, server_app, tmp_path / "again.csv", monkeypatch) == "excel-fr"

    server_app.window.close()
    assert QSettings(str(private_data_dir / "settings.ini"), QSettings.Format.IniFormat).value("export/format") == "excel-fr"
    again = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(again.window)
    with qtbot.waitSignal(again.session.listening, timeout=10_000):
        again.start()
    assert export(qtbot, again, tmp_path / "after-restart.csv", monkeypatch) == "excel-fr"
    assert (tmp_path / "after-restart.csv").read_bytes() == (tmp_path / "excel.csv").read_bytes()
    again.window.close()
