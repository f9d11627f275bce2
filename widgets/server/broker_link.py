"""How the MQTT collector's link to its broker stands, in the status bar and above the Connections table."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from models.server_state import BrokerLink
from widgets.core_text import translated


class BrokerLinkText(QObject):
    """The words for a link, shared by the status bar and the Connections panel."""

    def short(self, link: BrokerLink) -> str:
        if link.connected:
            return self.tr("MQTT: connected, %Ln message(s)/s", "", round(link.per_second))
        return self.tr("MQTT: reconnecting")

    def full(self, link: BrokerLink) -> str:
        state = self.tr("connected") if link.connected else self.tr("reconnecting: {0}").format(translated(link.problem))
        lines = [
            self.tr("Broker {0}: {1}").format(link.broker, state),
            self.tr("Topics: {0}").format(", ".join(link.topics)),
        ]
        if link.connected:
            lines.append(self.tr("%Ln message(s) per second", "", round(link.per_second)))
        return "\n".join(lines)


class BrokerLinkLabel(QLabel):
    """Above the Connections table: the broker, its state (and why it is not connected), the topics and
    the message rate; hidden when the server subscribes to no broker."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(4)
        self._text = BrokerLinkText(self)
        self.hide()

    def show_link(self, link: BrokerLink | None) -> None:
        self.setVisible(link is not None)
        if link is not None:
            self.setText(self._text.full(link))
