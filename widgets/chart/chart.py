"""The live chart: one curve per sensor, a time window, follow mode, a crosshair, a context menu."""

from __future__ import annotations

import contextlib
import time

import numpy as np
import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from models.alarms import AlarmKind, AlarmRule, rules_for
from models.series import SensorBatch, SeriesBuffer
from widgets.chart.chart_legend import PLACEMENTS, ChartLegend
from widgets.chart.crosshair import Crosshair
from widgets.chart.curve_set import CurveSet, SensorCurve
from widgets.chart.threshold_lines import Threshold, ThresholdLines
from widgets.chart.time_axis import TimeAxis
from widgets.chart.value_axis import ValueAxis
from widgets.empty_hint import EmptyHint
from widgets.locale_format import Numbers
from widgets.palette import sensor_colour
from widgets.theme import colours

TIME_WINDOWS = [60.0, 600.0, 3600.0, 86400.0, None]
"""Seconds the chart shows; None shows everything the storage holds."""
SLOTS_PER_WINDOW = 300
"""Time slots across a window, each keeping its lowest and highest value: 600 points, a slot every
few pixels with no spike lost. Qt paints lines in software, so the number of points is what a frame
costs: 100 curves of 600 points still repaint about 20 times a second."""
HEIGHT_REMEASURE = 0.5
"""Seconds between two full measures of the height that following shows; in between, new readings
can only widen it. A full measure reads every point in the window, too much for every frame."""
HEIGHT_MARGIN = 0.1
"""Following, a new height leaves this share of the readings' span free above and below them."""
HEIGHT_FILL = 0.5
"""Following, the height narrows again once the readings fill less than this share of it."""
MIN_HEIGHT = 1.0
"""°C: steady readings show on a height of at least one degree, not as noise blown up."""
PADDING = 0.02
"""Share of the window left free right of the newest reading, and left of the oldest."""
LEGEND_LIMIT = 20
"""Beyond this many sensors the legend would hide the chart: the sensors table's colours say it."""
IMAGE_WIDTH = 1200
"""Pixels: an image of the chart (copied or exported as PNG) is at least this wide."""


class LiveChart(QWidget):
    window_changed = Signal(object)
    """The time window in seconds, or None for all: the caller reloads history for it."""
    follow_changed = Signal(bool)
    sensor_visibility_changed = Signal(str, bool)
    """The user clicked a legend entry: that sensor is now shown (True) or hidden."""
    legend_placement_changed = Signal(str)
    """The user chose where the legend goes (one of PLACEMENTS), to be remembered."""
    image_export_requested = Signal()
    """The context menu's "Export image…": the window asks where to."""

    def __init__(self, send_hint: str = "", parent: QWidget | None = None, decimate: bool = True):
        super().__init__(parent)
        self._decimate = decimate
        self._resolution = TIME_WINDOWS[0] / SLOTS_PER_WINDOW if decimate else 0.0
        self._curves: dict[str, SensorCurve] = {}
        self._colours: dict[str, QColor] = {}
        self._highlighted: set[str] = set()
        self._hidden: set[str] = set()
        self._following = True
        self._window: float | None = TIME_WINDOWS[0]
        self._newest = 0.0
        """The latest reading's time."""
        self._height: tuple[float | None, float | None] = (None, None)
        """The lowest and highest reading in the window, as far as known."""
        self._shown_height: tuple[float, float] | None = None
        self._height_measured = float("-inf")
        # New points are drawn at the next pass of the event loop, not as they are added: Qt would
        # paint them at once, and whatever waits meanwhile (the user's input, timers) would wait
        # for the readings and the painting in one block. Under load that block made the worst
        # waits half as long again (p99 67-73 ms, 46-56 ms once split).
        self._redraw_soon = QTimer(self, singleShot=True, interval=0, timeout=self._redraw)

        self._legend_stale = False
        """Sensors came that the legend does not list yet: it is rebuilt once, at the next redraw."""
        self.plot = pg.PlotWidget(axisItems={"bottom": TimeAxis(), "left": ValueAxis("left")})
        self.plot.setLabel("left", self.tr("Temperature"), units="°C")
        self.plot.setLabel("bottom", self.tr("Local time"))
        self.plot.getPlotItem().setMenuEnabled(False)
        self.legend = ChartLegend(self.plot.getPlotItem())
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.legend.place(PLACEMENTS[0])  # hidden until a first sensor: its backing would be an empty box
        self._curve_set = CurveSet(QColor(colours().plot))
        self.plot.addItem(self._curve_set)
        self.plot.getViewBox().sigRangeChangedManually.connect(self._user_moved)
        self._crosshair = Crosshair(self)
        self._rules: list[AlarmRule] = []
        self.thresholds = ThresholdLines(self.plot.getPlotItem())

        self.window_box = QComboBox()
        labels = [self.tr("1 min"), self.tr("10 min"), self.tr("1 h"), self.tr("24 h"), self.tr("All")]
        for seconds, label in zip(TIME_WINDOWS, labels, strict=True):
            self.window_box.addItem(label, seconds)
        self.window_box.setCurrentIndex(0)
        self.window_box.setToolTip(self.tr("How much time the chart shows"))
        self.window_box.currentIndexChanged.connect(self._window_picked)
        self.follow_button = QPushButton(self.tr("Follow"))
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(self.tr("Scroll with new readings (stops when you zoom or pan)"))
        self.follow_button.toggled.connect(self.set_following)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Window:")))
        controls.addWidget(self.window_box)
        controls.addWidget(self.follow_button)
        controls.addWidget(self._crosshair.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.plot)
        self.empty_hint = EmptyHint(
            self.plot,
            self.tr("No readings yet"),
            self.tr("Sensors send JSON over TCP. To send a first reading, run:"),
            area=self._plotting_area,
        )
        self.empty_hint.set_command(send_hint)
        self.plot.getViewBox().sigResized.connect(self.empty_hint.place)
        self.context_menu = self._make_context_menu()
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plot.customContextMenuRequested.connect(lambda at: self.context_menu.popup(self.plot.mapToGlobal(at)))
        self._restyle()
        self.plot.setYRange(0, 30)
        self._scroll()

    def sizeHint(self) -> QSize:
        """Modest, so the docks around the chart get their own preferred room on a first start."""
        return QSize(760, 480)

    @property
    def time_window(self) -> float | None:
        return self._window

    def set_time_window(self, seconds: float | None) -> None:
        """Show this window (a value of TIME_WINDOWS); emits window_changed like a user's choice."""
        self.window_box.setCurrentIndex(TIME_WINDOWS.index(seconds) if seconds in TIME_WINDOWS else 0)

    @property
    def frames(self) -> int:
        """Times the curves were painted: the benchmark's redraw count."""
        return self._curve_set.paints

    @property
    def full_frames(self) -> int:
        """Frames that painted every curve again; the others moved the last picture (`CurvePicture`)."""
        return self._curve_set.picture.full_paints

    @property
    def redraw_pending(self) -> bool:
        """Points were added that the chart has not drawn yet: it does at the next pass of the event loop."""
        return self._redraw_soon.isActive()

    @property
    def following(self) -> bool:
        return self._following

    def sensors(self) -> list[str]:
        return list(self._curves)

    def series(self, capteur_id: str) -> SeriesBuffer:
        return self._curves[capteur_id].series

    def colour(self, capteur_id: str) -> QColor:
        return self._colours[capteur_id]

    def add_points(self, points: dict[str, SensorBatch]) -> None:
        """New readings, a batch per sensor: times (Unix seconds) and values (°C)."""
        low, high = self._height
        for capteur_id, batch in points.items():
            self._ensure_curve(capteur_id).series.add(batch)
            self._newest = max(self._newest, batch.newest)
            if low is not None and capteur_id not in self._hidden:
                low, high = min(low, batch.low), max(high, batch.high)
        self._height = (low, high)
        self._redraw_soon.start()

    def resolution_for(self, span: float) -> float:
        """The slot width for a window of `span` seconds; 0 when the chart keeps every point."""
        return span / SLOTS_PER_WINDOW if self._decimate else 0.0

    def replace_history(self, history: dict[str, tuple[np.ndarray, np.ndarray]], resolution: float) -> None:
        """What storage holds for the window, bucketed at `resolution`: replaces every curve's points."""
        self._resolution = resolution
        for curve in self._curves.values():
            curve.series = self._new_series()
        for capteur_id in sorted(history):
            times, values = history[capteur_id]
            self._ensure_curve(capteur_id).series.extend(times, values)
            if len(times):
                self._newest = max(self._newest, float(np.max(times)))
        self._remeasure_height()
        self._redraw_soon.start()

    def clear(self) -> None:
        """Hide what is drawn; storage keeps it, new readings draw again, and so does a reload of the
        window's history (choosing a time window)."""
        for curve in self._curves.values():
            curve.series = self._new_series()
        self._height = (None, None)
        self._remeasure_height()
        self._redraw_soon.start()

    def show_all_sensors(self) -> None:
        for capteur_id in sorted(self._hidden):
            self.set_sensor_visible(capteur_id, True)
            self.sensor_visibility_changed.emit(capteur_id, True)

    def place_legend(self, placement: str) -> None:
        """In the plot, right of it, or hidden (one of PLACEMENTS)."""
        self.legend.place(placement)
        for action in self._legend_actions.actions():
            action.setChecked(action.data() == self.legend.placement)

    def image(self) -> QImage:
        """The chart as the window shows it, at least IMAGE_WIDTH pixels wide, without the crosshair."""
        exporter = ImageExporter(self.plot.getPlotItem())
        exporter.parameters()["width"] = max(IMAGE_WIDTH, int(self.plot.width()))
        with self.without_pointer():
            return exporter.export(toBytes=True)

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image())

    def set_grid(self, shown: bool) -> None:
        """Grid lines across the plot, at the axes' ticks."""
        self.plot.showGrid(x=shown, y=shown, alpha=0.25 if shown else 0)

    def set_sensor_visible(self, capteur_id: str, visible: bool) -> None:
        """Also for a sensor with no point yet in the window: its curve starts hidden."""
        if visible:
            self._hidden.discard(capteur_id)
        else:
            self._hidden.add(capteur_id)
        curve = self._curves.get(capteur_id)
        if curve is not None:
            curve.setVisible(visible)
            for sample, _ in self.legend.items:
                if sample.item is curve:
                    sample.update()
        self._remeasure_height()
        if self._following:
            self._scroll()
        self._show_thresholds()

    def is_sensor_visible(self, capteur_id: str) -> bool:
        return capteur_id not in self._hidden

    def highlight(self, capteur_ids: set[str]) -> None:
        """Thicker curves for the chosen sensors, the others fainter; an empty set restores all."""
        self._highlighted = set(capteur_ids)
        for capteur_id, curve in self._curves.items():
            curve.set_pen(self._pen(capteur_id), raised=capteur_id in self._highlighted)
        self._show_thresholds()

    def set_alarm_rules(self, rules: list[AlarmRule]) -> None:
        """The alarm rules in force: their thresholds are drawn for the selected sensors, or for every
        sensor shown when none is selected."""
        self._rules = list(rules)
        self._show_thresholds()

    def _show_thresholds(self) -> None:
        looked_at = self._highlighted or {c for c in self._curves if c not in self._hidden}
        sensors_by_line: dict[tuple[AlarmKind, float], list[str]] = {}
        for capteur_id in sorted(looked_at):
            for rule in rules_for(capteur_id, self._rules):
                if rule.kind is not AlarmKind.SILENT:
                    sensors_by_line.setdefault((rule.kind, rule.threshold), []).append(capteur_id)
        numbers = Numbers.current()
        lines = []
        for (kind, value), sensors in sorted(sensors_by_line.items(), key=lambda item: -item[0][1]):
            words = self.tr("high {0} °C") if kind is AlarmKind.HIGH else self.tr("low {0} °C")
            label = words.format(numbers.significant(value))
            if len(sensors) == 1 and sensors[0] in self._colours:
                colour, label = self._colours[sensors[0]].name(), f"{label} · {sensors[0]}"
            else:
                colour = colours().text
            lines.append(Threshold(value, colour, label))
        self.thresholds.show(lines)

    def set_following(self, following: bool) -> None:
        self._following = following
        self.follow_button.setChecked(following)
        if following:
            self._remeasure_height()
            self._scroll()
        self.follow_changed.emit(following)

    @contextlib.contextmanager
    def without_pointer(self):
        """For an image of the chart: the crosshair follows the mouse, it is not part of the data."""
        lines = (self._crosshair.vertical, self._crosshair.horizontal)
        shown = [line.isVisible() for line in lines]
        for line in lines:
            line.setVisible(False)
        try:
            yield
        finally:
            for line, visible in zip(lines, shown, strict=True):
                line.setVisible(visible)

    def visible_range(self) -> tuple[float, float]:
        """The times the chart shows now, for "export what I see"."""
        (start, end), _ = self.plot.getViewBox().viewRange()
        return start, end

    def _ensure_curve(self, capteur_id: str) -> SensorCurve:
        curve = self._curves.get(capteur_id)
        if curve is None:
            self._colours[capteur_id] = sensor_colour(capteur_id)
            curve = self._curves[capteur_id] = self._curve_set.add(self._new_series(), self._pen(capteur_id))
            curve.setVisible(capteur_id not in self._hidden)
            self._legend_stale = True
            self.empty_hint.hide()
        return curve

    def _update_legend(self) -> None:
        """Sensors never leave the chart, so past the limit the legend stays hidden: its entries are
        dropped rather than kept up, since each one costs a layout pass over all the others."""
        self._legend_stale = False
        listed = len(self._curves) <= LEGEND_LIMIT
        self.legend.set_entries(self._curves if listed else {})
        self.legend.show_if(listed)
        self._show_thresholds()

    def _new_series(self) -> SeriesBuffer:
        # Two points per slot, over twice the window, so a pan back by a window still has data.
        return SeriesBuffer(4 * SLOTS_PER_WINDOW, self._resolution) if self._resolution else SeriesBuffer()

    def _pen(self, capteur_id: str):
        colour = QColor(self._colours[capteur_id])
        if self._highlighted and capteur_id not in self._highlighted:
            colour.setAlpha(60)
        return pg.mkPen(colour, width=3 if capteur_id in self._highlighted else 1)

    def _redraw(self) -> None:
        if self._legend_stale:
            self._update_legend()
        self._curve_set.data_changed()
        if self._following:
            self._scroll()

    def _scroll(self) -> None:
        """Show the newest readings: the window up to now, and the height of what it shows.

        Both ranges change in one call, applied before Qt paints. Left to pyqtgraph's auto-range,
        the height would change while painting, and every frame would be painted twice.
        """
        if self._window is None:
            (start, end), (low, high) = self._curve_set.dataBounds(0), self._curve_set.dataBounds(1)
            shown = (start - PADDING * (end - start), end + PADDING * (end - start)) if start is not None else None
        else:
            end = max(self._newest, time.time())
            shown = (end - (1 + PADDING) * self._window, end + PADDING * self._window)
            if self._height[0] is None or time.monotonic() - self._height_measured > HEIGHT_REMEASURE:
                self._height = self._curve_set.dataBounds(1, orthoRange=shown)
                self._height_measured = time.monotonic()
            low, high = self._height
        ranges = {"xRange": shown} if shown is not None else {}
        if low is not None:
            self._shown_height = ranges["yRange"] = steady_height(self._shown_height, low, high)
        if ranges:
            view = self.plot.getViewBox()
            view.setRange(**ranges, padding=0)
            view.updateMatrix()

    def _remeasure_height(self) -> None:
        """At the next scroll: sensors were hidden or shown, or the points replaced."""
        self._height_measured = float("-inf")
        self._shown_height = None

    def _legend_clicked(self, curve: SensorCurve) -> None:
        capteur_id = next(c for c, known in self._curves.items() if known is curve)
        self.set_sensor_visible(capteur_id, curve.isVisible())
        self.sensor_visibility_changed.emit(capteur_id, curve.isVisible())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        """The plot's own colours for the palette's scheme, light or dark (widgets.theme)."""
        scheme = colours()
        self.plot.setBackground(scheme.plot)
        self._curve_set.set_background(QColor(scheme.plot))
        for name in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(name)
            axis.setPen(scheme.text)
            axis.setTextPen(scheme.text)
        self.legend.set_colours(scheme.legend, scheme.border, scheme.text)
        self._crosshair.set_colour(scheme.crosshair)
        self.empty_hint.restyle()
        self._show_thresholds()

    def _make_context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.addAction(self.tr("&Copy image"), self.copy_image).setToolTip(self.tr("Copy the chart to the clipboard as an image"))
        menu.addAction(self.tr("&Export image…"), self.image_export_requested.emit)
        menu.addSeparator()
        menu.addAction(self.tr("&Reset zoom"), lambda: self.set_following(True))
        menu.addAction(self.tr("&Show all sensors"), self.show_all_sensors)
        clear = menu.addAction(self.tr("Clear c&hart"), self.clear)
        clear.setToolTip(self.tr("Hide what is drawn; stored readings stay, and show again with the next time window"))
        menu.addSeparator()
        legend = menu.addMenu(self.tr("&Legend"))
        self._legend_actions = QActionGroup(self)
        texts = (self.tr("In the plot"), self.tr("Right of the plot"), self.tr("Hidden"))
        for placement, text in zip(PLACEMENTS, texts, strict=True):
            action = legend.addAction(text)
            action.setCheckable(True)
            action.setChecked(placement == self.legend.placement)
            action.setData(placement)
            self._legend_actions.addAction(action)
        self._legend_actions.triggered.connect(self._legend_chosen)
        return menu

    def _legend_chosen(self, action) -> None:
        self.place_legend(action.data())
        self.legend_placement_changed.emit(self.legend.placement)

    def _plotting_area(self) -> QRect:
        """The plot's area inside its axes and their titles, in the plot widget's coordinates."""
        return self.plot.mapFromScene(self.plot.getViewBox().sceneBoundingRect()).boundingRect()

    def _user_moved(self, *_) -> None:
        if self._following:
            self.set_following(False)

    def _window_picked(self, index: int) -> None:
        self._window = self.window_box.itemData(index)
        self.window_changed.emit(self._window)
        self.set_following(True)

    def visible_series(self):
        """Each shown curve that has points, as (capteur_id, series): what the crosshair may name."""
        for capteur_id, curve in self._curves.items():
            if curve.isVisible() and len(curve.series):
                yield capteur_id, curve.series


def steady_height(shown: tuple[float, float] | None, low: float, high: float) -> tuple[float, float]:
    """The height that shows readings from `low` to `high` while following: the one `shown` as long
    as it holds them and they fill half of it, else theirs with a margin. A height that moved with each
    new extreme made the curves jitter, and had every curve painted again in a third of the frames."""
    span = high - low
    if (
        shown is not None
        and shown[0] <= low
        and high <= shown[1]
        and max(span, MIN_HEIGHT) >= HEIGHT_FILL * (shown[1] - shown[0])
    ):
        return shown
    margin = max(HEIGHT_MARGIN * span, (MIN_HEIGHT - span) / 2)
    return low - margin, high + margin
