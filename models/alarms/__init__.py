"""Alarms: rules on the readings (a threshold crossed, a sensor gone silent), the events they raise, and
their evaluation after each commit. docs/architecture.md, "Alarms", says how to use them."""

from models.alarms.book import ALARM_SCHEMA, AlarmBook, UnknownAlarm, alarm_book_path
from models.alarms.evaluator import AlarmEvaluator
from models.alarms.events import AlarmEvent
from models.alarms.rules import ALL_SENSORS, AlarmKind, AlarmRule, InvalidRule, check_rules, rules_for
from models.alarms.watch import AlarmFeed, AlarmWatch

__all__ = [
    "ALARM_SCHEMA",
    "ALL_SENSORS",
    "AlarmBook",
    "AlarmEvaluator",
    "AlarmEvent",
    "AlarmFeed",
    "AlarmKind",
    "AlarmRule",
    "AlarmWatch",
    "InvalidRule",
    "UnknownAlarm",
    "alarm_book_path",
    "check_rules",
    "rules_for",
]
