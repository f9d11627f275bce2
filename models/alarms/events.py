"""Alarm events: one per alarm raised, cleared later in place, and the sentence each change is told in."""

from __future__ import annotations

from dataclasses import dataclass

from models.alarms.rules import AlarmKind

RAISED = {
    AlarmKind.HIGH: "alarm raised: {sensor} above {threshold} °C ({value} °C)",
    AlarmKind.LOW: "alarm raised: {sensor} below {threshold} °C ({value} °C)",
    AlarmKind.SILENT: "alarm raised: {sensor} silent for more than {threshold} s",
}
CLEARED = {
    AlarmKind.HIGH: "alarm cleared: {sensor} no longer above {threshold} °C",
    AlarmKind.LOW: "alarm cleared: {sensor} no longer below {threshold} °C",
    AlarmKind.SILENT: "alarm cleared: {sensor} sends again",
}
"""Templates of the sentences the event log, the terminal and the command hook tell (widgets/core_text.py
has their French)."""


@dataclass(frozen=True)
class AlarmEvent:
    """An alarm: raised once, cleared once, acknowledged by someone at some time (docs/protocol.md, section 2)."""

    sensor: str
    rule_id: int
    kind: AlarmKind
    threshold: float
    """The rule's threshold when the alarm was raised: the rule may change or go afterwards."""
    value: float
    """The reading that raised it (°C), or for a silence the seconds without a reading."""
    raised_at: float
    cleared_at: float | None = None
    acknowledged_by: str | None = None
    acknowledged_at: float | None = None
    id: int | None = None
    """Given by the database; None when it could not be stored."""

    @property
    def active(self) -> bool:
        return self.cleared_at is None

    @property
    def state(self) -> str:
        """`raised` or `cleared`: what a change announced by a feed or the command hook is."""
        return "raised" if self.active else "cleared"

    @property
    def changed_at(self) -> float:
        return self.raised_at if self.cleared_at is None else self.cleared_at

    def template(self) -> tuple[str, dict[str, str]]:
        """The English template of the sentence for this change, and its values."""
        template = (RAISED if self.active else CLEARED)[self.kind]
        return template, {"sensor": self.sensor, "threshold": f"{self.threshold:g}", "value": f"{self.value:g}"}

    def sentence(self) -> str:
        template, values = self.template()
        return template.format(**values)
