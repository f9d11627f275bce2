"""The chart's crosshair: lines and a readout that follow the mouse to the nearest visible point."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from widgets.locale_format import Numbers, date_time

if TYPE_CHECKING:
    from widgets.chart.chart import LiveChart


class Crosshair(QObject):
    """Lines and a label that follow the mouse and name the nearest point of a visible curve."""

    def __init__(self, chart: LiveChart):
        super().__init__(chart)
        self.chart = chart
        self.vertical = pg.InfiniteLine(angle=90, movable=False)
        self.horizontal = pg.InfiniteLine(angle=0, movable=False)
        for line in (self.vertical, self.horizontal):
            line.setVisible(False)
            chart.plot.addItem(line, ignoreBounds=True)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The room left beside the controls, whatever the text: a readout that asked for more would
        # widen the chart and push the docks aside each time it appears.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._proxy = pg.SignalProxy(chart.plot.scene().sigMouseMoved, rateLimit=30, slot=self._moved)
        chart.plot.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.hide()
        return False

    def hide(self) -> None:
        """The mouse left the plot: nothing points anywhere."""
        for line in (self.vertical, self.horizontal):
            line.setVisible(False)
        self.label.clear()

    def set_colour(self, colour: str) -> None:
        for line in (self.vertical, self.horizontal):
            line.setPen(pg.mkPen(colour, style=Qt.PenStyle.DashLine))

    def _moved(self, event) -> None:
        view = self.chart.plot.getViewBox()
        position = event[0]
        if not view.sceneBoundingRect().contains(position):
            self.hide()
            return
        point = view.mapSceneToView(position)
        nearest = self.nearest(point.x(), point.y())
        if nearest is None:
            return
        capteur_id, x, y = nearest
        self.vertical.setPos(x)
        self.horizontal.setPos(y)
        for line in (self.vertical, self.horizontal):
            line.setVisible(True)
        self.label.setText(self.readout(capteur_id, x, y))

    @staticmethod
    def readout(capteur_id: str, x: float, y: float) -> str:
        """`21/11/2026 14:31:05  ·  capteur_1  ·  22,50 °C`, in the language's forms."""
        return f"{date_time(x)}  ·  {capteur_id}  ·  {Numbers.current().fixed(y, 2)} °C"

    def nearest(self, x: float, y: float) -> tuple[str, float, float] | None:
        """The point closest to (x, y) on screen, among visible curves."""
        view = self.chart.plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        width, height = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        best = None
        for capteur_id, series in self.chart.visible_series():
            index = int(np.searchsorted(series.x, x))
            # The points either side of x; before a gap, up to two breaks (NaN values) come first.
            for i in range(max(0, index - 3), min(len(series), index + 1)):
                distance = ((series.x[i] - x) / width) ** 2 + ((series.y[i] - y) / height) ** 2
                if not np.isnan(distance) and (best is None or distance < best[0]):
                    best = (distance, capteur_id, float(series.x[i]), float(series.y[i]))
        return best[1:] if best else None
