"""The server window's session hands the alarms of its storage to the window: what the Alarms panel, the
sensors table and the status bar are built on; the event log tells them already."""

from app.server.server_app import ServerApp
from models.alarms import AlarmKind, AlarmRule
from models.server_config import ServerConfig
from models.storage import open_alarm_book
from tests.support import LineClient


def test_the_session_emits_each_alarm_raised_and_cleared_and_the_event_log_tells_it(qtbot, tmp_path):
    book = open_alarm_book(tmp_path / "m.db")
    book.save_rule(AlarmRule(AlarmKind.HIGH, 8.0, "fridge", hysteresis=1.0))
    book.close()
    app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
    qtbot.addWidget(app.window)
    with qtbot.waitSignal(app.session.listening, timeout=10_000):
        app.start()
    seen = []
    app.session.alarms.connect(seen.extend)
    with LineClient(app.session.server.address) as sensor:
        sensor.send({"capteur_id": "fridge", "temperature": 9.5, "seq": 1})
        assert sensor.answer() == {"ack": 1}
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)
        assert app.session.server.storage.alarms.active() == seen
        sensor.send({"capteur_id": "fridge", "temperature": 6.5, "seq": 2})
        assert sensor.answer() == {"ack": 2}
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert [(event.id, event.sensor, event.state) for event in seen] == [(1, "fridge", "raised"), (1, "fridge", "cleared")]
    log = app.window.event_log.text.toPlainText()
    assert "alarm raised: fridge above 8 °C (9.5 °C)" in log
    assert "alarm cleared: fridge no longer above 8 °C" in log
    app.window.close()
