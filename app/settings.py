"""What Thermolab remembers between runs, in QSettings (the platform's usual place)."""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QSettings

from models.server_config import ServerConfig


def settings() -> QSettings:
    """Under THERMOLAB_DATA_DIR when it is set, so tests and portable installs keep their own."""
    if folder := os.environ.get("THERMOLAB_DATA_DIR"):
        return QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings()


def load_server_config(store: QSettings) -> ServerConfig:
    default = ServerConfig()
    store.beginGroup("server")
    try:
        values = {}
        for field in fields(ServerConfig):
            if not store.contains(field.name):
                continue
            kind = type(getattr(default, field.name)) if field.name != "storage_path" else str
            value = store.value(field.name, type=kind)
            values[field.name] = (Path(value) if value else None) if field.name == "storage_path" else value
        return ServerConfig(**values)
    finally:
        store.endGroup()


def save_server_config(store: QSettings, config: ServerConfig) -> None:
    store.beginGroup("server")
    for field in fields(ServerConfig):
        value = getattr(config, field.name)
        store.setValue(field.name, "" if value is None else str(value) if isinstance(value, Path) else value)
    store.endGroup()
