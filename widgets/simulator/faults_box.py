"""The faults a sensor makes on purpose (models/faults.py), as its edit dialog shows them: one row per kind.

Each spin box's range is what `Faults` accepts, so the dialog never offers a setting the sensor refuses;
0 reads "off" wherever 0 means no fault.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from models.faults import (
    MAX_BURST,
    MAX_BURST_EVERY,
    MAX_DISCONNECT_EVERY,
    MAX_SPLIT,
    MIN_BURST_EVERY,
    MIN_DISCONNECT_EVERY,
    Faults,
)
from widgets.locale_format import DecimalSpinBox

MAX_SEED = 2**31 - 1


class FaultsBox(QGroupBox):
    def __init__(self, faults: Faults, parent: QWidget | None = None):
        super().__init__(self.tr("Faults to inject"), parent)
        self.setToolTip(self.tr("Make this sensor misbehave on purpose, to see what the server does with it"))
        off = self.tr("off")
        self.malformed = self._percent(faults.malformed, off)
        self.malformed.setToolTip(
            self.tr("Readings sent broken: invalid JSON, no temperature, or below absolute zero; the server refuses each")
        )
        self.duplicates = self._percent(faults.duplicates, off)
        self.duplicates.setToolTip(self.tr("Readings sent a second time at once: the server should store each once"))
        self.clock_offset = DecimalSpinBox(minimum=-86400.0, maximum=86400.0, decimals=1, value=faults.clock_offset)
        self.clock_offset.setSuffix(self.tr(" s"))
        self.clock_offset.setToolTip(self.tr("Seconds added to every timestamp: a sensor whose clock is wrong"))
        self.split = QSpinBox(minimum=0, maximum=MAX_SPLIT, value=faults.split)
        self.split.setSpecialValueText(off)
        self.split.setSuffix(self.tr(" B per send"))
        self.split.setToolTip(self.tr("Write at most this many bytes per send(): 1 sends a byte at a time"))
        self.burst_size = QSpinBox(minimum=0, maximum=MAX_BURST, value=faults.burst_size)
        self.burst_size.setSpecialValueText(off)
        self.burst_size.setSuffix(self.tr(" readings"))
        self.burst_every = DecimalSpinBox(minimum=MIN_BURST_EVERY, maximum=MAX_BURST_EVERY, decimals=1, value=faults.burst_every)
        self.burst_every.setPrefix(self.tr("every "))
        self.burst_every.setSuffix(self.tr(" s"))
        self.burst_size.setToolTip(self.tr("Readings measured all at once, on top of the usual rate"))
        self.disconnect_every = DecimalSpinBox(
            minimum=0.0, maximum=MAX_DISCONNECT_EVERY, decimals=1, value=faults.disconnect_every
        )
        self.disconnect_every.setSpecialValueText(off)
        self.disconnect_every.setPrefix(self.tr("about every "))
        self.disconnect_every.setSuffix(self.tr(" s"))
        self.disconnect_every.setToolTip(
            self.tr("Cut the connection in the middle of a message, at random around this interval (at least {0} s)").format(
                MIN_DISCONNECT_EVERY
            )
        )
        self.seed = QSpinBox(minimum=-1, maximum=MAX_SEED, value=-1 if faults.seed is None else faults.seed)
        self.seed.setSpecialValueText(self.tr("new each run"))
        self.seed.setToolTip(self.tr("The same seed makes the same faults at the same readings, run after run"))

        burst = QHBoxLayout()
        burst.addWidget(self.burst_size)
        burst.addWidget(self.burst_every)
        form = QFormLayout(self)
        form.addRow(self.tr("Malformed:"), self.malformed)
        form.addRow(self.tr("Sent twice:"), self.duplicates)
        form.addRow(self.tr("Clock offset:"), self.clock_offset)
        form.addRow(self.tr("Split sends:"), self.split)
        form.addRow(self.tr("Bursts:"), burst)
        form.addRow(self.tr("Disconnect:"), self.disconnect_every)
        form.addRow(self.tr("Seed:"), self.seed)
        note = QLabel(self.tr("What it made is counted in the Faults column; the server window shows how it reacted."))
        note.setWordWrap(True)
        form.addRow(note)

    def faults(self) -> Faults:
        """CapteurError if a value is refused (a disconnection interval below the minimum)."""
        return Faults(
            malformed=self.malformed.value() / 100,
            duplicates=self.duplicates.value() / 100,
            clock_offset=self.clock_offset.value(),
            split=self.split.value(),
            burst_size=self.burst_size.value(),
            burst_every=self.burst_every.value(),
            disconnect_every=self.disconnect_every.value(),
            seed=None if self.seed.value() < 0 else self.seed.value(),
        )

    def _percent(self, share: float, off: str) -> DecimalSpinBox:
        spin = DecimalSpinBox(minimum=0.0, maximum=100.0, decimals=1, value=share * 100)
        spin.setSpecialValueText(off)
        spin.setSuffix(self.tr(" %"))
        return spin
