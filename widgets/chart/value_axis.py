"""The chart's temperature axis: pyqtgraph's, its numbers in the language's signs (22,5 in French)."""

from __future__ import annotations

import pyqtgraph as pg

from widgets.locale_format import Numbers


class ValueAxis(pg.AxisItem):
    """pyqtgraph writes tick labels with Python's `%f`, a point whatever the language. Labels are
    made only when the axis is drawn anew (a new height), a handful at a time."""

    def tickStrings(self, values: list, scale: float, spacing: float) -> list:
        numbers = Numbers.current()
        return [numbers.localise(text) for text in super().tickStrings(values, scale, spacing)]
