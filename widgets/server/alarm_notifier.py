"""A desktop notification for each alarm raised while the window is not in front.

Through the system tray where the platform has one (`QSystemTrayIcon.isSystemTrayAvailable()`); where it
has none, nothing is shown and nothing else changes: the panel, the table and the status bar still tell.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle, QSystemTrayIcon

from models.alarms import AlarmEvent
from widgets.server.alarm_words import condition, measured

SHOWN_MS = 10_000


class AlarmNotifier(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.enabled = True
        """The user's choice (Alarms › Notify when the window is in the background)."""
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(self.tr("Thermolab server"))
            self.tray.messageClicked.connect(self._bring_forward)
            self.tray.activated.connect(self._bring_forward)

    def wanted(self) -> bool:
        """Whether an alarm raised now is notified: the user wants it and the window is not in front."""
        return self.enabled and not (self.window.isActiveWindow() and not self.window.isMinimized())

    def tell(self, changes: list[AlarmEvent]) -> None:
        raised = [event for event in changes if event.active]
        if not raised or not self.wanted() or self.tray is None:
            return
        lines = [
            self.tr("{0}: {1} ({2})").format(event.sensor, condition(event.kind, event.threshold), measured(event))
            for event in raised
        ]
        self.tray.show()
        title = self.tr("%n alarm(s) raised", "", len(raised))
        self.tray.showMessage(title, "\n".join(lines), QSystemTrayIcon.MessageIcon.Warning, SHOWN_MS)

    def _bring_forward(self, *_) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
