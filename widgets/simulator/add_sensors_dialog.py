"""Add one sensor, add N at once (capteur_4 … capteur_53), or change one: its value model, its rate and
the faults it makes on purpose (widgets/simulator/faults_box.py).

Every choice is checked before the dialog closes: a name taken or refused, or parameters the model
refuses, are said in one sentence under the form and the dialog stays open.
"""

from __future__ import annotations

import re
from dataclasses import fields

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.capteur import CapteurError, check_capteur_id
from models.faults import NO_FAULTS, Faults
from models.value_models import MODELS, ModelError, ValueModel, make_model, parameter_names
from widgets.core_text import translated
from widgets.locale_format import DecimalSpinBox
from widgets.model_labels import parameter_labels
from widgets.simulator.faults_box import FaultsBox
from widgets.simulator.sensor_fleet_table import MAX_RATE, MIN_RATE

MAX_AT_ONCE = 5000
DEFAULT_PREFIX = "capteur_"
_NUMBERED = re.compile(r"(.*?)(\d+)")


def suggest_ids(prefix: str, count: int, taken: set[str]) -> list[str]:
    """`count` ids PREFIX<n> numbered on from the highest one taken: capteur_4 … after capteur_3."""
    numbers = [int(m[2]) for name in taken if (m := _NUMBERED.fullmatch(name)) and m[1] == prefix]
    first = max(numbers, default=0) + 1
    return [f"{prefix}{n}" for n in range(first, first + count)]


class SensorDialog(QDialog):
    def __init__(
        self,
        taken: set[str],
        parent: QWidget | None = None,
        editing: tuple[str, ValueModel, float] | None = None,
        faults: Faults = NO_FAULTS,
    ):
        """`editing`: the id, model and rate of the sensor to change, whose `faults` the dialog shows too;
        None to add sensors."""
        super().__init__(parent)
        self._taken = taken
        self._editing = editing
        self.setWindowTitle(self.tr("Change {0}").format(editing[0]) if editing else self.tr("Add sensors"))
        self._labels = parameter_labels()
        descriptions = {
            "constant": self.tr("constant: always the same value"),
            "walk": self.tr("walk: a random walk between two bounds"),
            "sine": self.tr("sine: a cycle, a day long by default"),
            "ramp": self.tr("ramp: from one value to another, again and again"),
            "manual": self.tr("manual: the value typed in Manual reading"),
        }

        self.count = QSpinBox(minimum=1, maximum=MAX_AT_ONCE, value=1)
        self.count.setToolTip(self.tr("Several sensors are numbered: capteur_1 … capteur_50"))
        self.count.valueChanged.connect(self._count_changed)
        self.name = QLineEdit(editing[0] if editing else suggest_ids(DEFAULT_PREFIX, 1, taken)[0])
        self.name.setToolTip(self.tr("The capteur_id the server stores: 1 to 64 characters"))
        self.name.textChanged.connect(self._preview)
        self.names = QLabel()
        self.model_box = QComboBox()
        for name in MODELS:
            self.model_box.addItem(descriptions.get(name, name), name)
        self.model_box.setToolTip(self.tr("What the sensor measures"))
        self.rate = DecimalSpinBox(minimum=MIN_RATE, maximum=MAX_RATE, decimals=2, value=editing[2] if editing else 1.0)
        self.rate.setSuffix(self.tr(" readings/s"))
        self.rate.setToolTip(self.tr("Readings per second, each sensor; it can be changed while it runs"))
        self.start_now = QCheckBox(self.tr("Start at once"))
        self.start_now.setChecked(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.parameters = QFormLayout()
        self._spins: dict[str, DecimalSpinBox] = {}

        form = QFormLayout()
        if editing is None:
            form.addRow(self.tr("How many:"), self.count)
        self.name_label = QLabel(self.tr("Name:"))
        form.addRow(self.name_label, self.name)
        if editing is None:
            form.addRow("", self.names)
        form.addRow(self.tr("Measures:"), self.model_box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(self.parameters)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Rate:"), self.rate)
        if editing is None:
            bottom.addRow("", self.start_now)
        left.addLayout(bottom)
        left.addStretch()
        columns = QHBoxLayout()
        columns.addLayout(left)
        self.faults_box: FaultsBox | None = None
        if editing is not None:
            self.faults_box = FaultsBox(faults)
            columns.addWidget(self.faults_box)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply") if editing else self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.model_box.currentIndexChanged.connect(lambda _: self._show_parameters(make_model(self.model_box.currentData())))
        self.name.setReadOnly(editing is not None)
        initial = editing[1] if editing else make_model("walk")
        self.model_box.setCurrentIndex(self.model_box.findData(initial.name))
        self._show_parameters(initial)
        self._preview()

    def ids(self) -> list[str]:
        name = self.name.text().strip()
        return [name] if self.count.value() == 1 else suggest_ids(name, self.count.value(), self._taken)

    def value_model(self) -> ValueModel:
        """The model chosen; ModelError says which parameter is refused."""
        return make_model(self.model_box.currentData(), **{name: spin.value() for name, spin in self._spins.items()})

    def faults(self) -> Faults:
        """The faults chosen (none when adding); CapteurError says which setting is refused."""
        return NO_FAULTS if self.faults_box is None else self.faults_box.faults()

    def accept(self) -> None:
        try:
            self.value_model()
            self.faults()
            if self._editing is None:
                for capteur_id in self.ids():
                    check_capteur_id(capteur_id)
                    if capteur_id in self._taken:
                        raise CapteurError(
                            self.tr("There is already a sensor named {0}: choose another name.").format(capteur_id)
                        )
        except (ModelError, CapteurError) as error:
            self.problem.setText(translated(str(error)))
            return
        super().accept()

    def _show_parameters(self, model: ValueModel) -> None:
        while self.parameters.rowCount():
            self.parameters.removeRow(0)
        self._spins = {}
        for name in parameter_names(type(model)):
            spin = DecimalSpinBox(minimum=-1e6, maximum=1e6, decimals=3, value=getattr(model, name))
            if name == "spike_rate":
                spin.setRange(0.0, 1.0)
                spin.setSingleStep(0.01)
            self._spins[name] = spin
            self.parameters.addRow(self._labels.get(name, name), spin)
        shared = {f.name for f in fields(ValueModel)}
        for name, spin in self._spins.items():
            spin.setToolTip(
                self.tr("Every model takes it") if name in shared else self.tr("Parameter of the {0} model").format(model.name)
            )
        self.problem.clear()

    def _count_changed(self, count: int) -> None:
        name = self.name.text().strip()
        numbered = _NUMBERED.fullmatch(name)
        if count > 1 and numbered:
            self.name.setText(numbered[1])
        elif count == 1 and not numbered:
            self.name.setText(suggest_ids(name or DEFAULT_PREFIX, 1, self._taken)[0])
        self.name_label.setText(self.tr("Name prefix:") if count > 1 else self.tr("Name:"))
        self._preview()

    def _preview(self) -> None:
        ids = self.ids()
        if len(ids) == 1:
            self.names.setText("")
        else:
            self.names.setText(self.tr("%n sensor(s): {0} … {1}", "", len(ids)).format(ids[0], ids[-1]))
