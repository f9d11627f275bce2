"""Every sensor's curve in one graphics item.

With one PlotDataItem per sensor, Qt calls back into Python a dozen times per curve and per frame
(bounds, transforms, paint), and each call waits for the GIL that the server's connection threads
share: a hundred sensors made a frame cost over 50 ms. Here the view calls one item. It clips each
visible curve to the view, thins what is left to two points per pixel column (the lowest and the
highest, so no spike is lost), and draws it as one polyline.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen, QPolygonF, QTransform

from models.series import SeriesBuffer
from widgets.chart.curve_picture import CurvePicture

DOT_WIDTH = 5
"""A sensor with a single point shows it as a dot this many pixels wide, not as nothing."""


class SensorCurve:
    """One sensor's points, pen and visibility: what the legend's sample shows and toggles."""

    def __init__(self, owner: CurveSet, series: SeriesBuffer, pen: QPen):
        self._owner = owner
        self.series = series
        self.opts = {"pen": pen}
        self.raised = False
        """Drawn over the others (a highlighted sensor)."""
        self._visible = True

    # isVisible and setVisible are the names pyqtgraph's legend calls.
    def isVisible(self) -> bool:
        return self._visible

    def setVisible(self, visible: bool) -> None:
        self._visible = visible
        self._owner.data_changed()

    def set_pen(self, pen: QPen, raised: bool) -> None:
        self.opts["pen"] = pen
        self.raised = raised
        self._owner.restyled()


class CurveSet(pg.GraphicsObject):
    def __init__(self, background: QColor):
        super().__init__()
        self.curves: list[SensorCurve] = []
        self._stacked: tuple[list, np.ndarray, np.ndarray] | None = None
        """Every visible point's time and value in two arrays (bounds in a few numpy calls), and the
        (series, revision) they were taken from."""
        self._rect: QRectF | None = None
        self.picture = CurvePicture(background)
        self.paints = 0
        """Times painted: what the benchmark counts as redraws."""

    def add(self, series: SeriesBuffer, pen: QPen) -> SensorCurve:
        curve = SensorCurve(self, series, pen)
        self.curves.append(curve)
        self.data_changed()
        return curve

    def data_changed(self) -> None:
        """Call after any series changed: the view repaints, and the copy of the points taken for the
        bounds goes (it would keep replaced series alive while nothing is measured)."""
        self._stacked = None
        self.informViewBoundsChanged()
        self.update()

    def set_background(self, colour: QColor) -> None:
        """The plot's new colour (light or dark), which the curves' picture is filled with."""
        self.picture.set_background(colour)
        self.update()

    def restyled(self) -> None:
        """Call after a curve's pen changed."""
        self.picture.forget()
        self.update()

    def dataBounds(self, axis: int, frac: float = 1.0, orthoRange=None) -> tuple:
        """Lowest and highest time (axis 0) or value (axis 1) of the visible curves, for auto-range;
        with `orthoRange`, the values of the points within that time range only. It reads every
        point: the chart asks a few times a second, not on every frame."""
        drawn = list(self._drawn())
        taken_from = [(curve.series, curve.series.revision) for curve in drawn]
        if self._stacked is None or self._stacked[0] != taken_from:
            self._stacked = (
                taken_from,
                np.concatenate([curve.series.x for curve in drawn] or [np.empty(0)]),
                np.concatenate([curve.series.y for curve in drawn] or [np.empty(0)]),
            )
        _, times, values = self._stacked
        if axis == 1 and orthoRange is not None:
            values = values[(times >= orthoRange[0]) & (times <= orthoRange[1])]
        if axis == 1 and any(curve.series.gaps for curve in drawn):
            values = values[~np.isnan(values)]  # the breaks at gaps, which have no value
        chosen = times if axis == 0 else values
        return (float(chosen.min()), float(chosen.max())) if len(chosen) else (None, None)

    def boundingRect(self) -> QRectF:
        """The whole view: the item draws what falls in it. Measuring the data instead read every
        point of every curve on each frame."""
        if self._rect is None:
            self._rect = self.viewRect() or QRectF()
        return self._rect

    def viewRangeChanged(self) -> None:
        self._forget_rect()

    def paint(self, painter, option, widget=None) -> None:
        view = self.viewRect()
        if view is None or not self.curves:
            return
        self.paints += 1
        curves = sorted(self._drawn(), key=lambda c: c.raised)
        if widget is None:
            # An image or an SVG file, not the screen: lines, not a pixmap, given in the device's
            # coordinates. An SVG file keeps six digits of a coordinate, and a time has ten.
            transform = painter.worldTransform()
            painter.save()
            painter.setWorldTransform(QTransform())
            try:
                _draw(painter, curves, view.left(), view.right(), self.pixelWidth() or view.width(), transform)
            finally:
                painter.restore()
        else:
            self.picture.paint(painter, view, curves, _draw)

    def _drawn(self):
        return (curve for curve in self.curves if curve.isVisible() and len(curve.series))

    def _forget_rect(self) -> None:
        if self._rect is not None:
            self.prepareGeometryChange()
            self._rect = None


def _draw(painter, curves, left: float, right: float, column: float, transform: QTransform | None = None) -> None:
    """The curves between two times, as polylines thinned to two points per `column` (its width in
    time), counted over the points drawn, which reach beyond those times: counted over the columns
    painted, the few points of a narrow range would be cut down to one vertical stroke. With a
    `transform`, the points are mapped by it here rather than by the painter."""
    for curve in curves:
        series, pen = curve.series, curve.opts["pen"]
        if series.x[-1] - series.x[0] < 2 * column:
            # All of the curve within two pixel columns (a reading, or one slot of them), which `_thin`
            # would draw as one: a line that short would not show, so a dot, or a stroke as wide from
            # its lowest to its highest value.
            painter.setPen(_dot(pen))
            at = (series.x[0] + series.x[-1]) / 2
            low, high = (QPointF(at, value) for value in (float(np.nanmin(series.y)), float(np.nanmax(series.y))))
            if transform is not None:
                low, high = transform.map(low), transform.map(high)
            if low == high:
                painter.drawPoint(low)
            else:
                painter.drawLine(low, high)
            continue
        x, y = _clip(series.x, series.y, left, right)
        # A lone point of a longer curve is its neighbour outside these times: nothing to draw here.
        if len(x) > 1:
            painter.setPen(pen)
            x, y = _thin(x, y, max(1, int((x[-1] - x[0]) / column)))
            if transform is not None:
                x, y = (
                    transform.m11() * x + transform.m21() * y + transform.dx(),
                    transform.m12() * x + transform.m22() * y + transform.dy(),
                )
            if series.gaps:
                _draw_segments(painter, pen, x, y)
            else:
                painter.drawPolyline(_polyline(x, y))


def _draw_segments(painter, pen: QPen, x: np.ndarray, y: np.ndarray) -> None:
    """The line between the breaks at gaps (NaN values); a reading alone between two gaps, as a dot."""
    breaks = np.flatnonzero(np.isnan(y))
    for start, end in zip(np.r_[0, breaks + 1], np.r_[breaks, len(y)], strict=True):
        if end - start > 1:
            painter.drawPolyline(_polyline(x[start:end], y[start:end]))
        elif end - start == 1:
            painter.setPen(_dot(pen))
            painter.drawPoint(QPointF(x[start], y[start]))
            painter.setPen(pen)


def _clip(x: np.ndarray, y: np.ndarray, left: float, right: float) -> tuple[np.ndarray, np.ndarray]:
    """The points inside [left, right], and one more on each side so lines reach the edges."""
    start = max(0, int(np.searchsorted(x, left)) - 1)
    end = min(len(x), int(np.searchsorted(x, right, side="right")) + 1)
    return x[start:end], y[start:end]


def _thin(x: np.ndarray, y: np.ndarray, columns: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about two points per pixel column: each column's lowest and highest value. A column
    that holds a break at a gap (NaN) becomes a break: the line loses at most that column."""
    per_column = len(x) // columns
    if per_column < 2:
        return x, y
    bins = len(x) // per_column
    used = bins * per_column
    grouped = y[:used].reshape(bins, per_column)
    thin_x = np.repeat(x[:used:per_column], 2)
    thin_y = np.column_stack((grouped.min(axis=1), grouped.max(axis=1))).ravel()
    return np.concatenate((thin_x, x[used:])), np.concatenate((thin_y, y[used:]))


def _polyline(x: np.ndarray, y: np.ndarray) -> QPolygonF:
    """The points as a Qt polygon, filled through numpy without a Python loop."""
    polygon = pg.functions.create_qpolygonf(len(x))
    points = pg.functions.ndarray_from_qpolygonf(polygon)
    points[:, 0] = x
    points[:, 1] = y
    return polygon


def _dot(pen: QPen) -> QPen:
    dot = QPen(pen)
    dot.setWidthF(DOT_WIDTH)
    dot.setCapStyle(Qt.PenCapStyle.RoundCap)
    return dot
