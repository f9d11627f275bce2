"""Compare: a mono-task and a multi-task echo server facing the same clients, and a textbook and a batched
readings store facing the same sensors, side by side, live.

The dialog shows what it is given and emits what the user asks for; app/server/compare_session.py starts
the servers, clients and sensors, and stops them all when the dialog closes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.chart.value_axis import ValueAxis
from widgets.locale_format import Numbers
from widgets.theme import colours

MONO_COLOUR, MULTI_COLOUR = "#d9822b", "#2e9d4f"
TEXTBOOK_COLOUR, BATCHED_COLOUR = "#b3261e", "#3b7dd8"
RATE_SECONDS = 60
"""The rates chart shows the last minute."""
PLOT_HEIGHT = 150
"""Pixels each chart keeps at least, for its axes and a legend to be read."""


class CompareDialog(QDialog):
    echo_start_requested = Signal(int)
    """How many clients each echo server gets."""
    echo_stop_requested = Signal()
    writers_start_requested = Signal(int)
    """How many sensors each readings server gets."""
    writers_stop_requested = Signal()

    def __init__(self, max_clients: int, max_sensors: int, sensor_rate: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare servers"))
        self.setObjectName("compareDialog")
        self._numbers = Numbers.current()

        self.clients = QSpinBox(minimum=1, maximum=max_clients, value=min(8, max_clients))
        self.clients.setToolTip(self.tr("Echo clients started against each server, at most {0}").format(max_clients))
        self.echo_start = _button(
            self.tr("Start"),
            self.tr("Start both echo servers and the clients; each client sends five lines and leaves"),
            lambda: self.echo_start_requested.emit(self.clients.value()),
        )
        self.echo_stop = _button(self.tr("Stop"), self.tr("Stop the clients and both echo servers"), self.echo_stop_requested)
        self.echo_state = _wrapping_label()
        self.mono_plot, self.mono_bars = self._bar_plot(self.tr("Mono-task (EchoServer)"), MONO_COLOUR)
        self.multi_plot, self.multi_bars = self._bar_plot(self.tr("Multi-task (echo_multi)"), MULTI_COLOUR)
        self.mono_plot.setYLink(self.multi_plot)
        echo = QGroupBox(self.tr("Echo: who waits?"))
        echo_layout = QGridLayout(echo)
        echo_layout.addLayout(self._controls(self.tr("Clients:"), self.clients, self.echo_start, self.echo_stop), 0, 0, 1, 2)
        echo_layout.addWidget(self.mono_plot, 1, 0)
        echo_layout.addWidget(self.multi_plot, 1, 1)
        echo_layout.addWidget(self.echo_state, 2, 0, 1, 2)

        self.sensors = QSpinBox(minimum=1, maximum=max_sensors, value=min(4, max_sensors))
        self.sensors.setToolTip(
            self.tr("Simulated sensors sending to each server, {0} readings/s each").format(
                self._numbers.integer(round(sensor_rate))
            )
        )
        self.writers_start = _button(
            self.tr("Start"),
            self.tr("Start both readings servers, each storing into a temporary file, and the sensors"),
            lambda: self.writers_start_requested.emit(self.sensors.value()),
        )
        self.writers_stop = _button(
            self.tr("Stop"),
            self.tr("Stop the sensors and both servers; the temporary files are removed"),
            self.writers_stop_requested,
        )
        self.writers_state = _wrapping_label()
        self.rates_plot = _fixed_plot()
        self.rates_plot.setLabel("left", self.tr("readings/s"))
        self.rates_plot.setLabel("bottom", self.tr("seconds"))
        self.rates_plot.addLegend(offset=(10, 5))
        self.textbook_curve = self.rates_plot.plot(
            [], [], pen=pg.mkPen(TEXTBOOK_COLOUR, width=2), name=self.tr("Textbook: one commit per reading")
        )
        self.batched_curve = self.rates_plot.plot(
            [], [], pen=pg.mkPen(BATCHED_COLOUR, width=2), name=self.tr("Thermolab: one commit per batch")
        )
        writers = QGroupBox(self.tr("Readings collector: how many readings/s are stored?"))
        writers_layout = QVBoxLayout(writers)
        writers_layout.addLayout(self._controls(self.tr("Sensors:"), self.sensors, self.writers_start, self.writers_stop))
        writers_layout.addWidget(self.rates_plot)
        writers_layout.addWidget(self.writers_state)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Stop everything this dialog started"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(echo, 3)
        layout.addWidget(writers, 2)
        layout.addWidget(buttons)
        self._apply_colours()
        self.set_echo_running(False)
        self.set_writers_running(False)
        self.echo_state.setText(
            self.tr(
                "Each bar is a client's longest round trip, in its order of arrival; a bar that grows is a client still waiting."
            )
        )
        # Sized now: a first show() would size it for its wrapping lines, and squash the lower chart.
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(900, 660)

    def set_echo_running(self, running: bool) -> None:
        self.echo_start.setEnabled(not running)
        self.clients.setEnabled(not running)
        self.echo_stop.setEnabled(running)

    def set_writers_running(self, running: bool) -> None:
        self.writers_start.setEnabled(not running)
        self.sensors.setEnabled(not running)
        self.writers_stop.setEnabled(running)

    def show_round_trips(self, mono: list[float], multi: list[float]) -> None:
        """Seconds, one per client in its order of arrival."""
        for bars, values in ((self.mono_bars, mono), (self.multi_bars, multi)):
            bars.setOpts(x=np.arange(1, len(values) + 1), height=np.asarray(values), width=0.7)
        # Set by hand: a bar graph does not tell its view that its bounds changed. Both plots share it
        # (their Y axes are linked), so the multi-task bars are seen at the mono-task scale.
        self.mono_plot.setYRange(0.0, max([*mono, *multi, 0.001]) * 1.05, padding=0)
        self.mono_plot.setXRange(0.4, max(len(mono), len(multi), 1) + 0.6, padding=0)
        self.multi_plot.setXRange(0.4, max(len(mono), len(multi), 1) + 0.6, padding=0)
        fixed = self._numbers.fixed
        self.echo_state.setText(
            self.tr("Last client's longest round trip: mono-task {0} s, multi-task {1} s.").format(
                fixed(mono[-1] if mono else 0.0, 2), fixed(multi[-1] if multi else 0.0, 2)
            )
        )

    def show_rates(self, seconds: list[float], textbook: list[float], batched: list[float]) -> None:
        """Readings stored per second by each server, sampled at `seconds` since the start."""
        self.textbook_curve.setData(seconds, textbook)
        self.batched_curve.setData(seconds, batched)
        if seconds:
            self.rates_plot.setXRange(max(0.0, seconds[-1] - RATE_SECONDS), max(seconds[-1], 5.0), padding=0)
            integer = self._numbers.integer
            last_textbook, last_batched = round(textbook[-1]), round(batched[-1])
            text = self.tr("Textbook {0} readings/s, Thermolab {1} readings/s").format(
                integer(last_textbook), integer(last_batched)
            )
            if last_textbook:
                text += " " + self.tr("({0} times as many)").format(self._numbers.fixed(last_batched / last_textbook, 1))
            self.writers_state.setText(text)

    def show_echo_problem(self, sentence: str) -> None:
        self.echo_state.setText(sentence)

    def show_writers_problem(self, sentence: str) -> None:
        self.writers_state.setText(sentence)

    def _controls(self, label: str, spin: QSpinBox, start: QPushButton, stop: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(label))
        row.addWidget(spin)
        row.addWidget(start)
        row.addWidget(stop)
        row.addStretch()
        return row

    def _bar_plot(self, title: str, colour: str) -> tuple[pg.PlotWidget, pg.BarGraphItem]:
        plot = _fixed_plot(title)
        plot.setLabel("left", self.tr("round trip (s)"))
        plot.setLabel("bottom", self.tr("client"))
        bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=colour)
        plot.addItem(bars)
        return plot, bars

    def _apply_colours(self) -> None:
        scheme = colours()
        for plot in (self.mono_plot, self.multi_plot, self.rates_plot):
            plot.setBackground(scheme.plot)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(scheme.text)
                # The axis's title takes the colour of its pen: the text's, to be read.
                plot.getAxis(side).setPen(scheme.text)
            if title := plot.getPlotItem().titleLabel.text:
                plot.setTitle(title, color=scheme.text)
        legend = self.rates_plot.getPlotItem().legend
        legend.setLabelTextColor(scheme.text)
        # pyqtgraph keeps the new colour for the labels' next text: each is given its text again.
        for _, label in legend.items:
            label.setText(label.text)


def _button(text: str, tip: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def _wrapping_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def _fixed_plot(title: str | None = None) -> pg.PlotWidget:
    """A plot the session moves itself: no menu, no dragging or zooming with the mouse."""
    plot = pg.PlotWidget(title=title, axisItems={side: ValueAxis(side) for side in ("left", "bottom")})
    plot.setMinimumHeight(PLOT_HEIGHT)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    return plot
