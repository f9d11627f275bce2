"""Each sensor's colour: the same for a capteur_id at every start, in both windows and every export.

The colours are Glasbey's categorical palette as colorcet publishes it (`glasbey_category10`: Tableau
10 first, then the colours Glasbey's method picks one by one, each as far as possible from all those
before it), keeping only those of CIELAB lightness 40 to 75 and chroma 25 or more: dark enough for a
white plot, light enough for a dark one, and none grey like the grid. In that order any 20 first
colours are far apart, and a later one is still far from the colours just before it.

A sensor named with a number takes the colour of that rank within its fleet, so the first sensors
of a fleet never share one. The exercise's fleet (capteur_1, capteur_2…, the simulator's default)
starts at the palette's first colour; a fleet of another name (sonde_1…) starts past the first
`FLEET` colours, at a place its name gives, so it shares none with capteur_1 to capteur_20 shown
beside it. Any other name takes a colour by a hash of its letters. The hash is CRC-32, the same in
every process, unlike Python's `hash`. Nothing is stored: a fresh settings folder, the
database viewer and a screenshot on another machine all give capteur_1 the same blue.
"""

from __future__ import annotations

import re
import zlib

from PySide6.QtGui import QColor

PALETTE = """
#1f77b4 #ff7f0e #2ca02c #d62728 #9467bd #8c564b #e377c2 #bcbd22 #17becf #b80080 #6b6500 #8cb894
#028268 #ad8944 #ff6f76 #798cff #dd00ff #ff018d #b75700 #027000 #cd88ff #a56089 #6f8957 #bd7d76
#00adff #9300f3 #8b9500 #5d5c9f #00939f #00ab79 #ce506c #ff07d6 #ff4902 #aa3baf #d99c00 #3f6aff
#ff9a75 #845cff #81b755 #bd004a #9d8dd3 #da6d43 #8b5800 #4c6c3b #ff2b57 #d1499e #707db8 #5a8000
#ac413f #d6a266 #c169ce #88aced #a0a66a #d2aae6 #b442ff #0e59c5 #178743 #ce7900 #f95aff #a66d46
#ce8da7 #927900 #ff63a1 #018cf1 #14aca0 #a84168 #2d97c5 #a974ff #27bb5e #58b700 #a47aab #d500c5
#ab6068 #6aa56b #eb9cd2 #b1a132 #ca6c93 #e58c8a #d54500 #c78bcb #d42076 #724bcc #6fbbab #ab00e0
#e3534d #ff001c #4e916c #a86d11 #ff9f26 #c88557 #925998 #a3a1ff #6794d6 #ba5b40 #277c96 #d0b457
#8e8e41 #ad3f13 #6a963c #a13d85 #6569cf #92b000 #016f36 #ff7953 #995428 #0c8800 #4b6901 #8876d4
#d86f78 #df024b #786ba2 #dc53c9 #777834 #58be8e
""".split()
_NUMBER = re.compile(r"(\d+)$")


FIRST_FLEET = "capteur_"
FLEET = 20


def sensor_colour(capteur_id: str) -> QColor:
    number = _NUMBER.search(capteur_id)
    if number is None:
        rank = zlib.crc32(capteur_id.encode())
    else:
        rank = _fleet_start(capteur_id[: number.start()]) + int(number.group(1)) - 1
    return QColor(PALETTE[rank % len(PALETTE)])


def _fleet_start(prefix: str) -> int:
    if prefix == FIRST_FLEET:
        return 0
    return FLEET + zlib.crc32(prefix.encode()) % (len(PALETTE) - 2 * FLEET)
