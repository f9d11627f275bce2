"""The QApplication every window shares: names for QSettings, the icon, translations, Unix signals."""

from __future__ import annotations

import contextlib
import gc
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app.language import apply_language, saved_language
from app.paths import RESOURCES
from app.settings import settings
from app.theme import follow_theme


def make_application(argv: list[str] | None = None) -> QApplication:
    QApplication.setOrganizationName("Thermolab")
    QApplication.setApplicationName("Thermolab")
    app = QApplication.instance() or QApplication(argv or ["thermolab"])
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "thermolab.svg")))
    store = settings()
    apply_language(app, saved_language(store))
    follow_theme(store)
    return app


@contextlib.contextmanager
def closing_on_signals(on_signal):
    """Within: SIGINT and SIGTERM call `on_signal` (a window's close) from Qt's loop, as Quit does.

    Enter it before saying the window is ready, so a signal sent on that word is never missed.
    """
    bridge = SignalBridge(on_signal)
    try:
        yield
    finally:
        bridge.close()


def run_event_loop(app: QApplication) -> int:
    """Run Qt until the last window closes."""
    settle_heap()
    app.exec()
    return 0


def settle_heap() -> None:
    """Leave what exists by now (Qt, pyqtgraph, the windows) out of Python's garbage collector.

    Those objects live as long as the process. A full collection walked them all, 40 to 60 ms during
    which no thread ran, the GUI's included: the worst frames under load.
    """
    gc.collect()
    gc.freeze()


class SignalBridge(QObject):
    """Turns SIGINT and SIGTERM into a call in the GUI thread, so Ctrl+C closes windows as Quit does.

    Python runs signal handlers only between bytecodes of the main thread, which sits in Qt's event
    loop; writing the signal number to a socket that Qt watches wakes that loop at once.
    """

    def __init__(self, on_signal, parent: QObject | None = None):
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._fired)
        self._on_signal = on_signal
        self._previous = {s: signal.signal(s, lambda *_: None) for s in (signal.SIGINT, signal.SIGTERM)}
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())

    def _fired(self) -> None:
        self._reader.recv(64)
        self._on_signal()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()
