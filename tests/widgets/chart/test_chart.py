"""The chart itself: follow mode, the crosshair, and repainting for as long as readings arrive."""

import gc
import sys
import time

from tests.support import batches
from widgets.chart.chart import LiveChart, steady_height


def test_repainting_does_not_wear_out_none(qtbot):
    """PySide6 6.12.0 dropped a reference to None on every repaint, and Python 3.11 aborted after a few
    seconds of live readings; the pinned version must not."""
    chart = LiveChart("python main.py send …")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    now = time.time()
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for frame in range(100):
            chart.add_points(batches({f"c{k}": ([now + frame], [20.0 + k]) for k in range(5)}))
            qtbot.waitUntil(lambda: not chart.redraw_pending)
            chart.plot.grab()
        lost = before - sys.getrefcount(None)
    finally:
        gc.enable()
    # The faulty version lost about 11 references a repaint, 1,100 here; other threads' objects
    # coming and going move the count by a few.
    assert lost < 100


def test_the_legend_shows_from_the_first_sensor_up_to_twenty(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    chart.show()
    assert not chart.legend.isVisible()
    chart.add_points(batches({"c1": ([1.0], [20.0])}))
    qtbot.waitUntil(chart.legend.isVisible)
    chart.add_points(batches({f"c{k}": ([1.0], [20.0]) for k in range(2, 22)}))
    qtbot.waitUntil(lambda: not chart.legend.isVisible())
    chart.add_points(batches({f"c{k}": ([1.0], [20.0]) for k in range(22, 100)}))
    qtbot.waitUntil(lambda: not chart.redraw_pending)
    assert not chart.legend.isVisible() and not chart.legend.items, "no entries kept up for a hidden legend"


def test_follow_stops_when_the_user_pans_and_resumes_on_request(qtbot):
    chart = LiveChart("")
    qtbot.addWidget(chart)
    now = time.time()
    chart.add_points(batches({"c": ([now - 30, now], [1.0, 2.0])}))
    start, end = chart.visible_range()
    assert start < now - 55 and end >= now
    chart.plot.getViewBox().sigRangeChangedManually.emit([True, True])
    assert not chart.following and not chart.follow_button.isChecked()
    chart.follow_button.click()
    assert chart.following


def test_the_crosshair_names_the_nearest_visible_point(qtbot):
    chart = LiveChart("", decimate=False)
    qtbot.addWidget(chart)
    chart.add_points(
        batches({"low": ([100.0, 200.0, 300.0], [10.0, 11.0, 12.0]), "high": ([100.0, 200.0, 300.0], [30.0, 31.0, 32.0])})
    )
    chart.plot.setXRange(0, 400, padding=0)
    chart.plot.setYRange(0, 40, padding=0)
    assert chart._crosshair.nearest(210.0, 29.0) == ("high", 200.0, 31.0)
    chart.set_sensor_visible("high", False)
    assert chart._crosshair.nearest(210.0, 29.0) == ("low", 200.0, 11.0)


def test_a_steady_sensor_shows_on_one_degree_not_as_magnified_noise():
    low, high = steady_height(None, 21.0, 21.0)
    assert (low, high) == (20.5, 21.5)
    assert steady_height((low, high), 21.2, 21.4) == (low, high)


def test_the_height_narrows_once_the_readings_fill_less_than_half_of_it():
    shown = steady_height(None, 0.0, 40.0)
    assert steady_height(shown, 5.0, 35.0) == shown
    low, high = steady_height(shown, 10.0, 15.0)
    assert 9.0 < low <= 10.0 and 15.0 <= high < 16.0
