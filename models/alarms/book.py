"""Alarm rules and events: tables `alarm_rules` and `alarm_events` (docs/protocol.md, section 2).

They live in the readings' database (SQLite or PostgreSQL), or for a text-file storage in a SQLite
database beside the text file (`alarm_book_path`), so the headless server, the window and `python main.py
alarms` share them. Each opens its own `AlarmBook`; a server notices what another program changed through
`changed()`. The SQL is written once, in SQLite's words; `PostgresAlarmBook` (postgres_book.py) says
where PostgreSQL's differ.
"""

from __future__ import annotations

import contextlib
import csv
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from models.alarms.events import AlarmEvent
from models.alarms.rules import AlarmKind, AlarmRule, InvalidRule, check_rules
from models.csv_format import iso_utc, safe_text

ALARM_SCHEMA = """
CREATE TABLE IF NOT EXISTS alarm_rules (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    capteur_id   TEXT,
    kind         TEXT NOT NULL,
    threshold    REAL NOT NULL,
    hysteresis   REAL NOT NULL DEFAULT 0,
    min_duration REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alarm_events (
    id              INTEGER PRIMARY KEY,
    capteur_id      TEXT NOT NULL,
    rule_id         INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    threshold       REAL NOT NULL,
    value           REAL NOT NULL,
    raised_at       REAL NOT NULL,
    cleared_at      REAL,
    acknowledged_by TEXT,
    acknowledged_at REAL
);
CREATE INDEX IF NOT EXISTS alarm_events_active ON alarm_events (cleared_at) WHERE cleared_at IS NULL;
"""
"""`capteur_id` NULL: the rule for every sensor. A rule's id is never given again (AUTOINCREMENT), so an
event's `rule_id`, no foreign key since an event outlives its rule, never names another rule."""

EVENTS_HEADER = (
    "id",
    "capteur_id",
    "kind",
    "threshold",
    "value",
    "raised_at",
    "cleared_at",
    "acknowledged_by",
    "acknowledged_at",
    "rule_id",
)
_RULE_COLUMNS = "id, capteur_id, kind, threshold, hysteresis, min_duration"
_EVENT_COLUMNS = "id, capteur_id, rule_id, kind, threshold, value, raised_at, cleared_at, acknowledged_by, acknowledged_at"


def alarm_book_path(storage_path: Path | str, text_file: bool) -> Path:
    """Where the alarms of a storage file live: in the database itself, or beside the text file."""
    path = Path(storage_path)
    return path.with_name(path.name + ".alarms.db") if text_file else path


class UnknownAlarm(LookupError):
    """No rule or event has that number; the message says where to find them."""


class AlarmBook:
    """One connection's view of the rules and events; not shared between threads."""

    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    """What the connection raises when the database refuses or is gone."""

    def __init__(self, connection: Any):
        """`connection`: autocommit (isolation_level=None), its tables made (`ALARM_SCHEMA`)."""
        self._connection = connection

    def close(self) -> None:
        self._connection.close()

    def changed(self) -> object:
        """A number that changes whenever another connection commits to the file."""
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def _execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        return self._connection.execute(sql, parameters)

    def rules(self) -> list[AlarmRule]:
        rows = self._execute(f"SELECT {_RULE_COLUMNS} FROM alarm_rules ORDER BY id").fetchall()
        return [
            AlarmRule(AlarmKind(kind), threshold, sensor, hysteresis, duration, id_)
            for id_, sensor, kind, threshold, hysteresis, duration in rows
        ]

    def save_rule(self, rule: AlarmRule) -> AlarmRule:
        """Add a rule, or replace the one of the same kind for the same sensor (which keeps its id)."""
        with self._transaction():
            rules = self.rules()
            replaced = _same_place(rule, rules)
            check_rules([*(r for r in rules if r is not replaced), rule])
            return self._write(rule, replaced)

    def save_rules(self, sensor: str | None, rules: list[AlarmRule]) -> list[AlarmRule]:
        """The rules of one scope (a sensor, or None for all sensors) replaced by `rules` at once: what a
        dialog that edits a sensor's thresholds saves. A kind left out loses its rule."""
        if any(rule.sensor != sensor for rule in rules):
            raise InvalidRule("every rule saved together must watch the same sensor")
        with self._transaction():
            old = self.rules()
            check_rules([*(r for r in old if r.sensor != sensor), *rules])
            kinds = {rule.kind for rule in rules}
            for gone in (r for r in old if r.sensor == sensor and r.kind not in kinds):
                self._execute("DELETE FROM alarm_rules WHERE id = ?", (gone.id,))
            return [self._write(rule, _same_place(rule, old)) for rule in rules]

    def _write(self, rule: AlarmRule, replaced: AlarmRule | None) -> AlarmRule:
        if replaced is not None:
            self._execute(
                "UPDATE alarm_rules SET threshold = ?, hysteresis = ?, min_duration = ? WHERE id = ?",
                (rule.threshold, rule.hysteresis, rule.min_duration, replaced.id),
            )
            return replace(rule, id=replaced.id)
        (rule_id,) = self._execute(
            "INSERT INTO alarm_rules (capteur_id, kind, threshold, hysteresis, min_duration) VALUES (?, ?, ?, ?, ?) RETURNING id",
            (rule.sensor, str(rule.kind), rule.threshold, rule.hysteresis, rule.min_duration),
        ).fetchone()
        return replace(rule, id=rule_id)

    def remove_rule(self, rule_id: int) -> AlarmRule:
        with self._transaction():
            rule = next((rule for rule in self.rules() if rule.id == rule_id), None)
            if rule is None:
                raise UnknownAlarm(f"there is no alarm rule {rule_id}: `alarms list` shows them")
            self._execute("DELETE FROM alarm_rules WHERE id = ?", (rule_id,))
        return rule

    def events(self, sensor: str | None = None, active_only: bool = False, limit: int | None = None) -> list[AlarmEvent]:
        """Newest first."""
        clauses, parameters = [], []
        if sensor is not None:
            clauses.append("capteur_id = ?")
            parameters.append(sensor)
        if active_only:
            clauses.append("cleared_at IS NULL")
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        limited = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self._execute(f"SELECT {_EVENT_COLUMNS} FROM alarm_events{where} ORDER BY id DESC{limited}", parameters)
        return [_event(row) for row in rows]

    def active(self) -> list[AlarmEvent]:
        return self.events(active_only=True)

    def record(self, event: AlarmEvent) -> AlarmEvent | None:
        """Store an alarm just raised, or the clearing of one; return it with its id. None when the database
        already holds that change: another collector raised that rule's alarm on that sensor, or cleared it,
        first (a PostgreSQL database keeps one active alarm per sensor and rule)."""
        if event.active:
            row = self._execute(
                "INSERT INTO alarm_events (capteur_id, rule_id, kind, threshold, value, raised_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT DO NOTHING RETURNING id",
                (event.sensor, event.rule_id, str(event.kind), event.threshold, event.value, event.raised_at),
            ).fetchone()
            return None if row is None else replace(event, id=row[0])
        row = self._execute(
            "UPDATE alarm_events SET cleared_at = ? WHERE capteur_id = ? AND rule_id = ? AND cleared_at IS NULL RETURNING "
            + _EVENT_COLUMNS,
            (event.cleared_at, event.sensor, event.rule_id),
        ).fetchone()
        return None if row is None else _event(row)

    def acknowledge(self, event_id: int, by: str, at: float) -> AlarmEvent:
        """Mark an event seen by `by` at `at`; an event acknowledged before keeps its first acknowledgement."""
        with self._transaction():
            self._execute(
                "UPDATE alarm_events SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL",
                (by, at, event_id),
            )
            row = self._execute(f"SELECT {_EVENT_COLUMNS} FROM alarm_events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise UnknownAlarm(f"there is no alarm event {event_id}: `alarms events` shows them")
        return _event(row)

    def export_csv(self, out: TextIO) -> int:
        """Every event, oldest first, as CSV (docs/protocol.md, section 3): times in ISO 8601 UTC."""
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(EVENTS_HEADER)
        written = 0
        for row in self._execute(f"SELECT {_EVENT_COLUMNS} FROM alarm_events ORDER BY id"):
            event = _event(row)
            writer.writerow(
                (
                    event.id,
                    safe_text(event.sensor),
                    str(event.kind),
                    event.threshold,
                    event.value,
                    iso_utc(event.raised_at),
                    "" if event.cleared_at is None else iso_utc(event.cleared_at),
                    safe_text(event.acknowledged_by or ""),
                    "" if event.acknowledged_at is None else iso_utc(event.acknowledged_at),
                    event.rule_id,
                )
            )
            written += 1
        return written

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction; inside another, it joins it."""
        if self._connection.in_transaction:
            yield
            return
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")


def _event(row: tuple) -> AlarmEvent:
    event_id, sensor, rule_id, kind, threshold, value, raised_at, cleared_at, by, acknowledged_at = row
    return AlarmEvent(sensor, rule_id, AlarmKind(kind), threshold, value, raised_at, cleared_at, by, acknowledged_at, event_id)


def _same_place(rule: AlarmRule, rules: list[AlarmRule]) -> AlarmRule | None:
    """The rule `rule` would replace: the same kind for the same sensor."""
    return next((r for r in rules if (r.sensor, r.kind) == (rule.sensor, rule.kind)), None)
