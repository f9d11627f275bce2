"""The chart's time axis: pyqtgraph's axis in local time, whose picture slides while the chart follows.

Each frame of a following chart moves the time range by a pixel or two. Drawing the axis again means
choosing its ticks, formatting their labels, measuring and placing them: 1.9 ms a frame, a third of
the painting. Its last picture moves instead, exactly as far as the range did, for as long as that is
what drawing it again would give: until a tick enters or leaves, or a label reaches an edge, where
pyqtgraph shows or hides it whole.
"""

from __future__ import annotations

from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QDateTime, QEvent, QLocale, QRectF, Qt
from PySide6.QtGui import QPen

TOLERANCE = 0.01
"""Pixels: a span that differs by less draws the same picture."""
NAMED = {"%a %d": "ddd d", "%b": "MMM"}
"""pyqtgraph's label formats that name a day or a month, and the same in Qt's words: strftime names
them in English whatever the language, QLocale in the language chosen (sam. 21, nov.)."""


class _Drawn(NamedTuple):
    start: float
    span: float
    scale: float
    """Pixels per second."""
    bounds: QRectF
    """The axis' bounding rectangle, which takes in the plot when the grid is shown."""
    reach: float
    """How many pixels the picture may slide left and still be what drawing it again would give."""


class TimeAxis(pg.DateAxisItem):
    # On the class: pyqtgraph's constructor already sets a range.
    _drawn: _Drawn | None = None

    def __init__(self):
        super().__init__(orientation="bottom")
        self.drawings = 0
        """Times the picture was drawn rather than slid: for the tests."""
        self._ticks: list[tuple[float, list[float]]] = []
        self._labels: list[tuple[list[float], list[str | None]]] = []
        """Each level's tick values and labels, as the last drawing made them."""
        self._line: tuple | None = None
        self._shift = 0.0

    def setRange(self, mn: float, mx: float) -> None:
        picture = self.picture
        super().setRange(mn, mx)
        drawn = self._drawn
        if (
            picture is None
            or drawn is None
            or abs((mx - mn) - drawn.span) * drawn.scale > TOLERANCE
            or self.boundingRect() != drawn.bounds
        ):
            return
        shift = (mn - drawn.start) * drawn.scale
        if 0 <= shift < drawn.reach:
            self.picture, self._shift = picture, shift

    def changeEvent(self, event) -> None:
        # A new font (the application's, changed in the desktop's settings): pyqtgraph draws the axis
        # anew at the next change of range, which now slides the picture instead.
        if event.type() == QEvent.Type.FontChange:
            self.picture = None
            self.update()
        super().changeEvent(event)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        self._ticks = super().tickValues(minVal, maxVal, size)
        return self._ticks

    def tickStrings(self, values: list, scale: float, spacing: float) -> list:
        strings = super().tickStrings(values, scale, spacing)
        spec = next((spec for spec in self.zoomLevel.tickSpecs if spec.spacing == spacing), None)
        if spec is not None and (spec.format in NAMED or "%f" in spec.format):
            strings = self._in_language(values, strings, spec.format)
        self._labels.append((values, strings))
        return strings

    @staticmethod
    def _in_language(values: list, strings: list, strftime: str) -> list:
        """Day and month names, or the decimal sign of seconds, as the default locale writes them;
        labels pyqtgraph left empty stay so. Only these levels pay for it: a few labels, on a redraw."""
        locale = QLocale()
        if strftime not in NAMED:
            return [text.replace(".", locale.decimalPoint()) for text in strings]
        # Local time, as pyqtgraph's own labels (its offset from UTC is the local one, summer time included).
        return [
            locale.toString(QDateTime.fromSecsSinceEpoch(int(value)), NAMED[strftime]) if text else text
            for value, text in zip(values, strings, strict=True)
        ]

    def generateDrawSpecs(self, p):
        self._ticks, self._labels = [], []
        specs = super().generateDrawSpecs(p)
        self._shift, self._drawn, self._line = 0.0, None, None
        if specs is not None:
            self.drawings += 1
            self._drawn = self._slide_reach(p)
        return specs

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs) -> None:
        """Ticks and labels only: the line along the axis stays where it is (`paint`)."""
        pen, start, end = self._line = axisSpec
        super().drawPicture(p, (QPen(Qt.PenStyle.NoPen), start, end), tickSpecs, textSpecs)

    def paint(self, p, opt, widget) -> None:
        if self.picture is None:
            super().paint(p, opt, widget)
        else:
            p.save()
            p.translate(-self._shift, 0)
            super().paint(p, opt, widget)
            p.restore()
        if self._line is None:
            return
        pen, start, end = self._line
        p.setRenderHint(p.RenderHint.Antialiasing, False)
        p.setPen(pen)
        p.drawLine(start, end)

    def _slide_reach(self, p) -> _Drawn | None:
        """Where the picture was drawn and how far left it may slide: until the leftmost tick leaves,
        the next one enters, or a label crosses an edge of the axis (pyqtgraph draws a label that
        fits, measured as here, and leaves out one that does not). Ticks set by hand, or an axis
        line that stops at the ticks, are drawn anew each time."""
        start, end = self.range
        if end <= start or self._tickLevels is not None or any(self.style["stopAxisAtTick"]):
            return None
        scale = self.mapRectFromParent(self.geometry()).width() / (end - start)
        # Away from UTC, pyqtgraph also makes ticks beyond the range, and draws only those within.
        ticks = [(value - start) * scale for _, values in self._ticks for value in values if start <= value <= end]
        following = [
            value
            for _, values in self.zoomLevel.tickValues(end, 2 * end - start, self.minSpacing)
            for value in values
            if value > end
        ]
        limits = [min(ticks)] if ticks else []
        if following:
            limits.append((min(following) - end) * scale)
        bounds = self.boundingRect()
        for values, strings in self._labels:
            for value, text in zip(values, strings, strict=True):
                # pyqtgraph empties the label of a tick out of range: it is drawn nowhere.
                if not text or not start <= value <= end:
                    continue
                x = (value - start) * scale
                half = p.boundingRect(QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text).width() / 2
                if x - half >= bounds.left():
                    limits.append(x - half - bounds.left())
                if x + half > bounds.right():
                    limits.append(x + half - bounds.right())
        return _Drawn(start, end - start, scale, bounds, min(limits, default=0.0))
