"""The value models' parameters as the user reads them: in the add-sensors dialog and in the simulator's table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS = {
    "value": QT_TRANSLATE_NOOP("ModelLabels", "Value (°C)"),
    "start": QT_TRANSLATE_NOOP("ModelLabels", "Start (°C)"),
    "step": QT_TRANSLATE_NOOP("ModelLabels", "Step (°C)"),
    "low": QT_TRANSLATE_NOOP("ModelLabels", "Lowest (°C)"),
    "high": QT_TRANSLATE_NOOP("ModelLabels", "Highest (°C)"),
    "mean": QT_TRANSLATE_NOOP("ModelLabels", "Mean (°C)"),
    "amplitude": QT_TRANSLATE_NOOP("ModelLabels", "Amplitude (°C)"),
    "period": QT_TRANSLATE_NOOP("ModelLabels", "Period (s)"),
    "peak": QT_TRANSLATE_NOOP("ModelLabels", "Warmest at (s)"),
    "end": QT_TRANSLATE_NOOP("ModelLabels", "End (°C)"),
    "duration": QT_TRANSLATE_NOOP("ModelLabels", "Duration (s)"),
    "noise": QT_TRANSLATE_NOOP("ModelLabels", "Noise (°C)"),
    "spike_rate": QT_TRANSLATE_NOOP("ModelLabels", "Share of spikes"),
    "spike_size": QT_TRANSLATE_NOOP("ModelLabels", "Spike size (°C)"),
}


def parameter_labels() -> dict[str, str]:
    """Each parameter's label with its unit, in the window's language: `step` is "Step (°C)"."""
    return {name: QCoreApplication.translate("ModelLabels", label) for name, label in _LABELS.items()}
