"""The Compare dialog driven as a teacher would, with real servers, clients and sensors on 127.0.0.1:
what the bars and the rates show, and that closing it leaves no thread, port or file behind."""

import re
import socket
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.widgets.server.test_wire_view import contrast
from tests.widgets.test_french import speaking
from widgets.server.compare_dialog import CompareDialog
from widgets.theme import colours


def open_compare(qtbot, services):
    qtbot.mouseClick(services.panel.compare, Qt.MouseButton.LeftButton)
    dialog = services.compare.dialog
    qtbot.waitExposed(dialog)
    return dialog


def heights(bars) -> list[float]:
    return [float(h) for h in bars.opts["height"]]


def test_the_mono_task_server_makes_each_client_wait_for_those_before_it(qtbot, services):
    dialog = open_compare(qtbot, services)
    dialog.clients.setValue(4)
    qtbot.mouseClick(dialog.echo_start, Qt.MouseButton.LeftButton)
    assert not dialog.echo_start.isEnabled()
    # The round ends on its own once every client has had its five answers.
    qtbot.waitUntil(lambda: dialog.echo_start.isEnabled(), timeout=20_000)
    mono, multi = heights(dialog.mono_bars), heights(dialog.multi_bars)
    assert len(mono) == len(multi) == 4
    # Each conversation lasts about half a second (five lines, 0.1 s apart): client k waits for k - 1 of them.
    assert all(later > earlier + 0.3 for earlier, later in zip(mono, mono[1:], strict=False))
    assert max(multi) < mono[1] / 2
    shown = re.search(r"mono-task ([\d.]+) s, multi-task ([\d.]+) s", dialog.echo_state.text())
    assert float(shown[1]) == pytest.approx(mono[-1], abs=0.01) and float(shown[1]) > 1.2


def test_a_textbook_store_keeps_fewer_readings_a_second_than_the_batched_one(qtbot, services):
    dialog = open_compare(qtbot, services)
    dialog.sensors.setValue(4)
    qtbot.mouseClick(dialog.writers_start, Qt.MouseButton.LeftButton)
    folder = Path(services.compare._writers._folder.name)
    assert folder.is_dir()
    qtbot.waitUntil(
        lambda: dialog.batched_curve.getData()[0] is not None and len(dialog.batched_curve.getData()[0]) >= 8, timeout=20_000
    )
    textbook, batched = (float(n.replace(",", "")) for n in re.findall(r"([\d,]+) readings/s", dialog.writers_state.text()))
    assert 0 < textbook < batched
    dialog.close()
    assert not services.compare.running
    assert not folder.exists()


def test_closing_the_dialog_stops_every_server_it_started(qtbot, services):
    dialog = open_compare(qtbot, services)
    before = set(threading.enumerate())
    dialog.clients.setValue(32)
    qtbot.mouseClick(dialog.echo_start, Qt.MouseButton.LeftButton)
    ports = [server.address[1] for server in services.compare._echo_servers]
    qtbot.waitUntil(lambda: max(heights(dialog.mono_bars), default=0) > 0.2)
    dialog.reject()
    assert not services.compare.running
    assert [t.name for t in threading.enumerate() if t not in before and t.is_alive()] == []
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_both_charts_open_tall_enough_to_read(qtbot, services):
    dialog = services.compare.open(services.panel)
    qtbot.waitExposed(dialog)
    assert dialog.mono_plot.height() >= 150
    assert dialog.rates_plot.height() >= 150


def shown_colour(label) -> QColor:
    """The colour a pyqtgraph label (a LabelItem, or an axis's text item) draws its text in, read from what it draws."""
    html = getattr(label, "item", label).toHtml()
    return QColor("#" + re.search(r"color:#([0-9a-fA-F]{6})", html).group(1))


def test_the_charts_words_are_as_readable_as_the_tick_labels(qtbot, services):
    dialog = services.compare.open(services.panel)
    background = QColor(colours().plot)
    for plot in (dialog.mono_plot, dialog.rates_plot):
        for side in ("left", "bottom"):
            assert contrast(shown_colour(plot.getAxis(side).label), background) >= 4.5
    assert contrast(shown_colour(dialog.mono_plot.getPlotItem().titleLabel), background) >= 4.5
    for _, label in dialog.rates_plot.getPlotItem().legend.items:
        assert contrast(shown_colour(label), background) >= 4.5


def test_the_axes_write_numbers_in_french_with_a_comma(qtbot, qapp):
    with speaking(qapp, "fr"):
        dialog = CompareDialog(8, 4, 2.0)
        qtbot.addWidget(dialog)
        for plot in (dialog.mono_plot, dialog.multi_plot, dialog.rates_plot):
            for side in ("left", "bottom"):
                assert plot.getAxis(side).tickStrings([0.2, 0.4], 1, 0.2) == ["0,2", "0,4"]
