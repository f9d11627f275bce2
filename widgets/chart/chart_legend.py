"""The chart's legend: sensors in natural order (capteur_7 before capteur_10), a click on a name or
its line shows or hides that curve, and it sits in the plot, right of it, or nowhere."""

from __future__ import annotations

import re

import pyqtgraph as pg

PLACEMENTS = ("inside", "right", "hidden")
"""In the plot's top left corner (the default), right of the plot (a narrow chart keeps its curves
in view), or hidden (the sensors table's colours say which curve is which)."""
_OFFSET = 10
"""Pixels between the legend and the plot's corner, or its right edge."""


def natural_key(name: str) -> list:
    """capteur_2 before capteur_10: the digits of a name compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", name)]


class _Name(pg.LabelItem):
    """An entry's name: clicking it does what clicking the line beside it does."""

    def __init__(self, text: str, sample, **options):
        super().__init__(text, **options)
        self._sample = sample

    def mouseClickEvent(self, event) -> None:
        self._sample.mouseClickEvent(event)


class ChartLegend(pg.LegendItem):
    def __init__(self, plot_item: pg.PlotItem, **options):
        super().__init__(offset=None, **options)
        self._plot_item = plot_item
        self.placement = PLACEMENTS[0]
        self._wanted = False
        self.setZValue(100)
        self.geometryChanged.connect(self._make_room)

    def addItem(self, item, name: str) -> None:
        """As pyqtgraph's, with a name that toggles the curve too."""
        sample = self.sampleType(item)
        label = _Name(name, sample, color=self.opts["labelTextColor"], justify="left", size=self.opts["labelTextSize"])
        sample.sigClicked.connect(self.sigSampleClicked)
        self.items.append((sample, label))
        self._addItemToLayout(sample, label)
        self.updateSize()

    def set_entries(self, curves: dict) -> None:
        """One entry per (name, curve), in natural order of the names."""
        self.clear()
        for name in sorted(curves, key=natural_key):
            self.addItem(curves[name], name)

    def set_colours(self, backing, border: str, text: str) -> None:
        """A backing, so the names stay readable where curves pass under the legend; the names'
        colour. pyqtgraph keeps a new text colour for the next names only: these are written again."""
        self.setBrush(pg.mkBrush(backing))
        self.setPen(pg.mkPen(border))
        self.setLabelTextColor(text)
        for _, label in self.items:
            label.setText(label.text)

    def place(self, placement: str) -> None:
        """One of PLACEMENTS; anything else (a setting from a later version) is the first."""
        self.placement = placement if placement in PLACEMENTS else PLACEMENTS[0]
        inside = self.placement == "inside"
        self.setParentItem(self._plot_item.getViewBox() if inside else self._plot_item)
        if inside:
            self.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(_OFFSET, _OFFSET))
        else:
            self.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-_OFFSET, _OFFSET))
        self.show_if(self._wanted)

    def show_if(self, wanted: bool) -> None:
        """Shown when the chart `wanted` it (it has sensors, not too many) and it is not hidden."""
        self._wanted = wanted
        self.setVisible(wanted and self.placement != "hidden")
        self._make_room()

    def _make_room(self) -> None:
        """Right of the plot, the legend takes a column of its own: the plot narrows by its width."""
        right = self.width() + 2 * _OFFSET if self.isVisible() and self.placement == "right" else 1
        self._plot_item.layout.setContentsMargins(1, 1, right, 1)
