"""Steps the server-window tests share: a port another program holds, the settings dialog filled in."""

from __future__ import annotations

import contextlib
import select
import socket

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from widgets.server.settings_dialog import SettingsDialog


@contextlib.contextmanager
def port_held_by_another_program():
    """A real listening socket on 127.0.0.1; yields it, so a test can see whether anything connected."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other


def connection_attempted(other: socket.socket, within: float) -> bool:
    """Whether a client connected to `other` within `within` seconds."""
    readable, _, _ = select.select([other], [], [], within)
    return bool(readable)


def open_settings(qtbot, window) -> SettingsDialog:
    """Settings… as the user opens it; the dialog comes back open, for the test to fill in."""
    QTimer.singleShot(0, window.settings_requested.emit)
    qtbot.waitUntil(lambda: _open_dialog(window) is not None)
    return _open_dialog(window)


def click_save(qtbot, dialog: SettingsDialog) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _open_dialog(window) -> SettingsDialog | None:
    found = [dialog for dialog in window.findChildren(SettingsDialog) if dialog.isVisible()]
    return found[0] if found else None
