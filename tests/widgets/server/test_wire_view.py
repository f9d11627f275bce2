"""The wire view over real sockets: TCP's chunks, the message put back together, the replies."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from models.wire import WireEvent, WireKind
from network.serveur import format_peer
from tests.support import LineClient
from widgets.server.wire_view import WireView
from widgets.theme import apply_scheme

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}


def select_connection(qtbot, window, peer: str) -> None:
    panel = window.connections
    qtbot.waitUntil(lambda: peer in [panel.connections.peer_at(row) for row in range(panel.connections.rowCount())])
    row = next(row for row in range(panel.connections.rowCount()) if panel.connections.peer_at(row) == peer)
    panel.selectRow(row)


def watch(qtbot, server_app, client: LineClient):
    """The user selects the client's connection and asks to watch it (Server › Watch the connection)."""
    window = server_app.window
    peer = format_peer(client.socket.getsockname())
    select_connection(qtbot, window, peer)
    window.findChild(type(window.start_action), "watch_connection").trigger()
    qtbot.waitUntil(lambda: window.wire_view.isVisible())
    assert window.wire_view.windowTitle() == f"Conversation with {peer}"
    return window.wire_view


def shown(view, kind: WireKind):
    return [event for event in view.model.events() if event.kind is kind]


def test_a_message_sent_in_three_parts_shows_three_chunks_one_message_across_them_and_its_ack(qtbot, server_app):
    with LineClient(server_app.session.server.address) as client:
        client.send({**GOOD, "seq": 1})
        assert client.answer() == {"ack": 1}
        view = watch(qtbot, server_app, client)
        line = json.dumps({**GOOD, "seq": 2}).encode() + b"\n"
        parts = (line[:12], line[12:35], line[35:])
        for number, part in enumerate(parts, 1):
            client.send(part)
            # The server has read this part before the next is sent: TCP cannot join them.
            qtbot.waitUntil(lambda n=number: len(shown(view, WireKind.CHUNK)) == n)
        assert client.answer() == {"ack": 2}
        qtbot.waitUntil(lambda: len(shown(view, WireKind.REPLY)) == 1)
    assert [event.size for event in shown(view, WireKind.CHUNK)] == [len(part) for part in parts]
    [message] = shown(view, WireKind.READING)
    assert (message.first_chunk, message.chunk) == (1, 3)
    assert [event.kind for event in view.model.events()][-2:] == [WireKind.READING, WireKind.REPLY]
    model = view.model
    row = model.rowCount() - 2
    assert model.index(row, model.COLUMNS.index("chunk")).data() == "#1–#3"
    assert model.index(row, model.COLUMNS.index("what")).data() == "message: reading (across 3 chunks)"
    assert model.index(row + 1, model.COLUMNS.index("content")).data() == '{"ack": 2}\\n'
    chunk_rows = [row for row, event in enumerate(model.events()) if event.kind is WireKind.CHUNK]
    assert [model.index(row, model.COLUMNS.index("chunk")).data() for row in chunk_rows[-3:]] == ["#1", "#2", "#3"]
    assert {model.index(row, model.COLUMNS.index("what")).data() for row in chunk_rows} == {"chunk read"}
    reading_colour = model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
    reply_colour = model.index(row + 1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert reading_colour != reply_colour


def test_a_rejected_message_and_its_error_are_shown_and_copied_as_text(qtbot, server_app):
    with LineClient(server_app.session.server.address) as client:
        client.send({**GOOD, "seq": 1})
        client.answer()
        view = watch(qtbot, server_app, client)
        client.send({**GOOD, "temperature": "hot", "seq": 5})
        assert client.answer() == {"error": "temperature must be a number", "seq": 5}
        qtbot.waitUntil(lambda: len(shown(view, WireKind.ERROR_REPLY)) == 1)
    qtbot.waitUntil(lambda: len(shown(view, WireKind.CLOSED)) == 1)
    qtbot.mouseClick(
        next(b for b in view.findChildren(type(view.pause)) if b.text() == "Copy as text"), Qt.MouseButton.LeftButton
    )
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0] == "Time\tChunk\tBytes\tWhat\tContent"
    assert any("message: rejected" in line and "temperature must be a number" in line for line in copied)
    assert copied[-1].endswith("connection closed\tby the peer")


def test_paused_the_view_holds_what_arrives_and_shows_it_on_resuming(qtbot, server_app):
    with LineClient(server_app.session.server.address) as client:
        client.send({**GOOD, "seq": 1})
        client.answer()
        view = watch(qtbot, server_app, client)
        view.pause.click()
        client.send({**GOOD, "seq": 2})
        assert client.answer() == {"ack": 2}
        qtbot.waitUntil(lambda: "3 events held" in view.status.text())
        assert view.model.rowCount() == 0
        view.pause.click()
        assert [event.kind for event in view.model.events()] == [WireKind.CHUNK, WireKind.READING, WireKind.REPLY]


def test_closing_the_view_stops_the_recording(qtbot, server_app):
    with LineClient(server_app.session.server.address) as client:
        client.send({**GOOD, "seq": 1})
        client.answer()
        view = watch(qtbot, server_app, client)
        [stats] = server_app.session.server.monitor._open.values()
        assert stats.wire is not None
        view.close()
        assert stats.wire is None


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_is_readable_on_the_table_in_light_and_dark(qtbot, qapp, scheme):
    view = WireView()
    qtbot.addWidget(view)
    apply_scheme(scheme)
    view.model.add([WireEvent(kind, 0.0, 1, "x") for kind in WireKind])
    background = view.table.palette().color(QPalette.ColorRole.Base)
    for row, kind in enumerate(WireKind):
        colour = view.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
        assert contrast(colour, background) >= 4.5, kind


def test_the_view_says_how_many_events_a_fast_connection_made_it_miss(qtbot):
    view = WireView()
    qtbot.addWidget(view)
    view.watch("127.0.0.1:5000")
    view.add_events([WireEvent(WireKind.CHUNK, 0.0, 1, "x", 1, 1)], dropped=0)
    assert "not shown" not in view.status.text()
    view.add_events([WireEvent(WireKind.CHUNK, 0.0, 1, "x", 2, 2)], dropped=1_500)
    assert "1,500 events were not shown" in view.status.text()
    view.pause.click()
    view.pause.click()
    assert "1,500 events were not shown" in view.status.text()
