"""Each sensor keeps its colour across restarts, and the colours of a fleet are easy to tell apart on
a light plot and on a dark one."""

import itertools

import numpy as np
from PySide6.QtGui import QColor

from tests.support import batches
from widgets.chart.chart import LiveChart
from widgets.theme import DARK, LIGHT


def lab(colour: QColor) -> np.ndarray:
    """CIELAB (D65), where a distance of about 2 is the least an eye notices."""
    rgb = np.array([colour.redF(), colour.greenF(), colour.blueF()])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    xyz /= [0.95047, 1.0, 1.08883]
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio."""

    def luminance(colour):
        rgb = np.array([colour.redF(), colour.greenF(), colour.blueF()])
        return float(np.dot([0.2126, 0.7152, 0.0722], np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)))

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours_of(names: list[str]) -> dict[str, QColor]:
    chart = LiveChart("")
    chart.add_points(batches({name: ([1.0], [20.0]) for name in names}))
    return {name: chart.colour(name) for name in names}


def test_a_sensor_has_the_same_colour_whatever_came_before_it(qtbot):
    names = [f"capteur_{n}" for n in range(1, 8)] + ["salon", "cuisine"]
    first, then = colours_of(names), colours_of(list(reversed(names)))
    assert {name: colour.name() for name, colour in first.items()} == {name: colour.name() for name, colour in then.items()}


def test_a_second_fleet_beside_the_demo_sensors_shares_none_of_their_colours(qtbot):
    """The simulator's demo is capteur_1 to capteur_3; a fleet started beside it with another prefix
    (simulate --prefix sonde_) must not draw sonde_1 in capteur_1's blue."""
    demo = colours_of([f"capteur_{n}" for n in range(1, 4)])
    for prefix in ("sonde_", "sensor_", "esp32_", "salle_"):
        fleet = colours_of([f"{prefix}{n}" for n in range(1, 21)])
        shared = {c.name() for c in demo.values()} & {c.name() for c in fleet.values()}
        assert not shared, prefix
        assert len({c.name() for c in fleet.values()}) == 20, prefix


def test_twenty_sensors_have_twenty_colours_far_apart(qtbot):
    colours = colours_of([f"capteur_{n}" for n in range(1, 21)])
    distances = [np.linalg.norm(lab(a) - lab(b)) for a, b in itertools.combinations(colours.values(), 2)]
    assert min(distances) > 15, "capteur_1 and capteur_6 were 6 apart, nearly the same blue"


def test_later_sensors_differ_from_their_neighbours(qtbot):
    colours = list(colours_of([f"capteur_{n}" for n in range(1, 301)]).values())
    for k in range(len(colours)):
        for neighbour in colours[k + 1 : k + 4]:
            assert np.linalg.norm(lab(colours[k]) - lab(neighbour)) > 15


def test_every_colour_shows_on_a_light_plot_and_on_a_dark_one(qtbot):
    for colour in colours_of([f"capteur_{n}" for n in range(1, 200)] + ["salon", "cuisine", "cave"]).values():
        assert contrast(colour, QColor(LIGHT.plot)) >= 1.8 and contrast(colour, QColor(DARK.plot)) >= 2.5, colour.name()
