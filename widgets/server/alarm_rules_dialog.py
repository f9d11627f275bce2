"""Alarm rules of one sensor, or the default for all sensors: a high and a low threshold with hysteresis,
a silence, each with the time it must hold. The rules are checked and saved together when the user
clicks OK; a refusal is the core's sentence, shown in the dialog, which stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from models.alarms import AlarmKind, AlarmRule, InvalidRule, rules_for
from models.storage import StorageError
from widgets.core_text import translated
from widgets.locale_format import DecimalSpinBox
from widgets.server.alarm_words import condition

HIGHEST = 1_000_000.0
"""No threshold, hysteresis or duration a spin box offers goes beyond this; the core says what is wrong."""
DEFAULTS = {AlarmKind.HIGH: 30.0, AlarmKind.LOW: 5.0, AlarmKind.SILENT: 60.0}
"""What a rule not set yet starts at when its box is ticked."""


class AlarmRulesDialog(QDialog):
    def __init__(
        self,
        sensor: str | None,
        rules: list[AlarmRule],
        save: Callable[[list[AlarmRule]], object],
        parent: QWidget | None = None,
    ):
        """`rules`: every rule in the book; `save`: stores this scope's rules, or raises InvalidRule or
        StorageError with a sentence."""
        super().__init__(parent)
        self.sensor = sensor
        self._save = save
        if sensor is None:
            self.setWindowTitle(self.tr("Alarm rules for all sensors"))
            intro = self.tr("These rules watch every sensor that has no rule of the same kind of its own.")
        else:
            self.setWindowTitle(self.tr("Alarm rules for {0}").format(sensor))
            inherited = [rule for rule in rules_for(sensor, rules) if rule.sensor is None]
            intro = self.tr("Rules of this sensor's own. Where it has none, the rules for all sensors apply: {0}.").format(
                ", ".join(condition(rule.kind, rule.threshold) for rule in inherited) or self.tr("none")
            )
        own = {rule.kind: rule for rule in rules if rule.sensor == sensor}
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Threshold"), self.tr("Hysteresis"), self.tr("For at least")), start=1):
            grid.addWidget(QLabel(title), 0, column)
        self.enabled: dict[AlarmKind, QCheckBox] = {}
        self.threshold: dict[AlarmKind, DecimalSpinBox] = {}
        self.hysteresis: dict[AlarmKind, DecimalSpinBox] = {}
        self.duration: dict[AlarmKind, DecimalSpinBox] = {}
        names = {
            AlarmKind.HIGH: (self.tr("Too &high, above"), self.tr(" °C")),
            AlarmKind.LOW: (self.tr("Too &low, below"), self.tr(" °C")),
            AlarmKind.SILENT: (self.tr("&Silent for more than"), self.tr(" s")),
        }
        for row, (kind, (name, unit)) in enumerate(names.items(), start=1):
            rule = own.get(kind)
            self.enabled[kind] = box = QCheckBox(name)
            box.setChecked(rule is not None)
            self.threshold[kind] = _spin(rule.threshold if rule else DEFAULTS[kind], unit, -HIGHEST)
            self.duration[kind] = _spin(rule.min_duration if rule else 0.0, self.tr(" s"), 0.0)
            self.duration[kind].setToolTip(
                self.tr("How long the condition must hold before the alarm is raised: one spike raises nothing")
            )
            grid.addWidget(box, row, 0)
            grid.addWidget(self.threshold[kind], row, 1)
            if kind is not AlarmKind.SILENT:
                self.hysteresis[kind] = _spin(rule.hysteresis if rule else 0.5, self.tr(" °C"), 0.0)
                self.hysteresis[kind].setToolTip(
                    self.tr("The alarm clears once the value is back inside the threshold by this much")
                )
                grid.addWidget(self.hysteresis[kind], row, 2)
            grid.addWidget(self.duration[kind], row, 3)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #d62728;")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout.addWidget(intro_label)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def rules(self) -> list[AlarmRule]:
        """The rules as the dialog shows them, unchecked."""
        return [
            AlarmRule(
                kind,
                self.threshold[kind].value(),
                self.sensor,
                self.hysteresis[kind].value() if kind in self.hysteresis else 0.0,
                self.duration[kind].value(),
            )
            for kind, box in self.enabled.items()
            if box.isChecked()
        ]

    def accept(self) -> None:
        try:
            self._save(self.rules())
        except (InvalidRule, StorageError) as error:
            self.problem.setText(translated(str(error)))
            self.problem.show()
            return
        super().accept()


def _spin(value: float, suffix: str, lowest: float) -> DecimalSpinBox:
    spin = DecimalSpinBox()
    spin.setDecimals(1)
    spin.setRange(lowest, HIGHEST)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
