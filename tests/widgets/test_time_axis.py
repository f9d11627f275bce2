"""The time axis slides its last picture while the chart follows: it must show what drawing it anew shows."""

import pytest

from tests.widgets.test_curve_set import differing_pixels
from widgets.chart import LiveChart


# The chart's windows with their margins: ticks do not leave at one end as others enter at the other.
@pytest.mark.parametrize("span", [62.4, 624, 3744])
@pytest.mark.parametrize(
    "pixels_a_frame, tolerance",
    [
        (1.0, 0),
        # Moved by a fraction of a pixel, text and thin tick marks fall on whole pixels a little
        # differently than drawn there: up to about 80 pixels. A label is some 250.
        (1.3, 120),
    ],
)
def test_a_sliding_time_axis_shows_what_drawing_it_anew_shows(qtbot, span, pixels_a_frame, tolerance):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_following(False)
    start = 1_700_000_000.0
    chart.plot.setXRange(start, start + span, padding=0)
    chart.plot.grab()  # the axes take their width from a first paint
    axis = chart.plot.getPlotItem().getAxis("bottom")
    step = pixels_a_frame * chart.plot.getViewBox().viewPixelSize()[0]
    drawings = axis.drawings

    def picture():
        return chart.plot.grab(chart.plot.mapFromScene(axis.sceneBoundingRect()).boundingRect()).toImage()

    # Ticks enter at the right and leave at the left, labels reach the edges.
    for frame in range(1, 301):
        chart.plot.setXRange(start + frame * step, start + span + frame * step, padding=0)
        slid = picture()
        axis.picture = None
        assert differing_pixels(slid, picture()) <= tolerance, f"after {frame} frames"
    drawn_anew = axis.drawings - drawings - 300
    assert 2 <= drawn_anew <= 30, "drawn anew only where ticks or labels come and go"
