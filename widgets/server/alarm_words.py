"""How the window says what an alarm is about, in the same words in the table, the panel and a notification."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.alarms import AlarmEvent, AlarmKind
from widgets.locale_format import Numbers

WARNING_SIGN = "⚠"
"""Beside the colour, so that a sensor in alarm is told by more than its colour."""


def condition(kind: AlarmKind, threshold: float) -> str:
    """`above 30 °C`, `below 2 °C`, `silent for more than 60 s`."""
    number = Numbers.current().significant(threshold)
    words = {
        AlarmKind.HIGH: QCoreApplication.translate("alarm_words", "above {0} °C"),
        AlarmKind.LOW: QCoreApplication.translate("alarm_words", "below {0} °C"),
        AlarmKind.SILENT: QCoreApplication.translate("alarm_words", "silent for more than {0} s"),
    }[kind]
    return words.format(number)


def measured(event: AlarmEvent) -> str:
    """The value that raised it: `31.5 °C`, or for a silence the seconds without a reading, `75 s`."""
    number = Numbers.current().significant(event.value, 4)
    unit = "s" if event.kind is AlarmKind.SILENT else "°C"
    return QCoreApplication.translate("alarm_words", "{0} {1}").format(number, unit)


def sensor_alarms(active: list[AlarmEvent]) -> dict[str, str]:
    """Each sensor in alarm, and what for, as the sensors table's Alarm column says it: `⚠ above 30 °C`."""
    by_sensor: dict[str, list[str]] = {}
    for event in sorted(active, key=lambda event: event.raised_at):
        by_sensor.setdefault(event.sensor, []).append(condition(event.kind, event.threshold))
    return {sensor: f"{WARNING_SIGN} {', '.join(words)}" for sensor, words in by_sensor.items()}
