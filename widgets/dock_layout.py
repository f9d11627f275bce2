"""How both windows fit a screen: their first size, and the narrow layout they take beside each other
on a small screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

FRAME_ALLOWANCE = 40
"""Pixels left for a window's title bar and borders, which `resize()` does not count."""


def first_size(window: QMainWindow, width: int, height: int) -> None:
    """`width` × `height`, or less on a screen too small for it: on a 1366×768 laptop, 800 pixels high
    would put the status bar under the screen's edge, out of reach."""
    room = window.screen().availableGeometry()
    window.resize(min(width, room.width()), min(height, room.height() - FRAME_ALLOWANCE))


def tabs_below(window: QMainWindow, docks: list[QDockWidget], share: float) -> None:
    """The central widget across the whole width, `docks` as tabs below it, the first one in front,
    taking `share` of the window's height."""
    for dock in docks:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    for dock in docks[1:]:
        window.tabifyDockWidget(docks[0], dock)
    docks[0].raise_()
    # Dock sizes apply to a laid-out window: once the tabs above are in place.
    QTimer.singleShot(0, lambda: window.resizeDocks([docks[0]], [round(window.height() * share)], Qt.Orientation.Vertical))
