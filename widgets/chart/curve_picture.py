"""The curves as last painted, kept in a pixmap, so that a frame that only scrolls paints a few columns.

Following, each frame moves the view by a pixel or two and adds points at the right. Painting every
curve again was most of a frame with noisy sensors: Qt rasterises lines in software, and 100 noisy
curves of 600 points took 5 ms, more while the server's threads held the GIL. Here the pixmap moves
by whole pixels and only the columns that may have changed are painted again: those the scroll
uncovered, and those from the first point that any curve may have changed since the last frame
(`SeriesBuffer.settled`). The picture is then up to half a pixel off the time axis. Any other change
(panning back, height, zoom, size, pens, curves shown or hidden, points replaced) paints everything
again, exactly in place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform

from models.series import SeriesBuffer

TOLERANCE = 0.01
"""Device pixels: two transforms this close put every point on the same pixel."""
MARGIN = 4
"""Device pixels painted again left of a changed point: half the widest pen (a single reading's dot)."""

Draw = Callable[[QPainter, Sequence, float, float, float], None]
"""Paints these curves between two times (item coordinates), given the time one pixel column spans."""


class _Mark(NamedTuple):
    """A curve's points when they were last painted."""

    series: SeriesBuffer
    revision: int
    first: float
    settled: float


class CurvePicture:
    def __init__(self, background: QColor):
        self._background = background
        """The plot's background: an opaque picture is copied onto the screen, not blended. Nothing is
        drawn under the curves inside the view (pyqtgraph draws the grid and the axes above them)."""
        self._pixmap: QPixmap | None = None
        self._area = QRect()
        """Where the pixmap covers the view, in device pixels."""
        self._transform = QTransform()
        """From item coordinates to the pixmap's logical pixels, as its picture was painted."""
        self._marks: dict[object, _Mark] = {}
        self.full_paints = 0
        """Times everything was painted: the rest of the frames painted only a few columns."""

    def forget(self) -> None:
        """The curves look different (pens, order): the next frame paints everything."""
        self._pixmap = None

    def set_background(self, colour: QColor) -> None:
        self._background = colour
        self._pixmap = None

    def paint(self, painter: QPainter, view: QRectF, curves: Sequence, draw: Draw) -> None:
        """Show `curves` (with a `series`) over `view`, painting with `draw` only what is out of date."""
        ratio = painter.device().devicePixelRatioF()
        area = painter.worldTransform().mapRect(view)
        # Within the tolerance of whole pixels, the view's edges jitter by rounding: not a new area.
        area = (
            QRectF(area.topLeft() * ratio, area.size() * ratio)
            .adjusted(TOLERANCE, TOLERANCE, -TOLERANCE, -TOLERANCE)
            .toAlignedRect()
        )
        origin = QPointF(area.topLeft()) / ratio
        exact = painter.worldTransform() * QTransform.fromTranslate(-origin.x(), -origin.y())
        first = self._scroll(area, exact, ratio, view, curves)
        if first is None:
            self._pixmap = QPixmap(area.size())
            self._pixmap.setDevicePixelRatio(ratio)
            self._area, self._transform, first = area, exact, 0
            self.full_paints += 1
        if first < area.width():
            self._paint_columns(first, curves, draw, painter.renderHints())
        self._marks = {curve: _mark(curve.series) for curve in curves}
        painter.save()
        painter.setWorldTransform(QTransform())
        painter.drawPixmap(origin, self._pixmap)
        painter.restore()

    def _scroll(self, area: QRect, exact: QTransform, ratio: float, view: QRectF, curves: Sequence) -> int | None:
        """Move the picture by whole device pixels towards where `exact` puts it. Returns the first
        column out of date, or None when the whole picture is."""
        old = self._transform
        if (
            self._pixmap is None
            or area != self._area
            or ratio != self._pixmap.devicePixelRatio()
            or abs(exact.m11() / old.m11() - 1) * area.width() > TOLERANCE
            or abs(exact.m22() / old.m22() - 1) * area.height() > TOLERANCE
            or abs(exact.dy() - old.dy()) * ratio > TOLERANCE
            or len(curves) != len(self._marks)
        ):
            return None
        shift = round((exact.dx() - old.dx()) * ratio)
        # Panning back: the uncovered columns at the left would be painted a pixel wide, and Qt puts
        # the pixels of a line cut that short where it cuts it, not where the whole line has them.
        if shift > 0 or -shift >= area.width():
            return None
        changed = math.inf
        for curve in curves:
            mark = self._marks.get(curve)
            if mark is None or mark.series is not curve.series:
                return None
            if mark.revision != curve.series.revision:
                # The oldest points leave a full buffer: only a view over them needs them gone.
                if float(curve.series.x[0]) != mark.first and mark.first >= view.left():
                    return None
                changed = min(changed, mark.settled)
        if shift:
            self._pixmap.scroll(shift, 0, self._pixmap.rect())
            self._transform = old * QTransform.fromTranslate(shift / ratio, 0)
        first = area.width() + shift
        if changed < math.inf:
            first = min(first, math.floor(self._transform.map(QPointF(changed, 0)).x() * ratio) - MARGIN)
        return max(0, first)

    def _paint_columns(self, first: int, curves: Sequence, draw: Draw, hints) -> None:
        pixmap = self._pixmap
        ratio = pixmap.devicePixelRatio()
        columns = QRectF(first / ratio, 0, (pixmap.width() - first) / ratio, pixmap.height() / ratio)
        painter = QPainter(pixmap)
        painter.fillRect(columns, self._background)
        painter.setRenderHints(hints)
        painter.setClipRect(columns)
        painter.setWorldTransform(self._transform)
        inverse, _ = self._transform.inverted()
        left, right = inverse.map(columns.topLeft()).x(), inverse.map(columns.topRight()).x()
        draw(painter, curves, left, right, (right - left) / (pixmap.width() - first))
        painter.end()


def _mark(series: SeriesBuffer) -> _Mark:
    return _Mark(series, series.revision, float(series.x[0]), series.settled)
