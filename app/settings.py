"""What Thermolab remembers between runs, in QSettings (the platform's usual place); its secrets go to
app.secret_store instead, since settings.ini is readable by every user of the machine."""

from __future__ import annotations

import logging
import os
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QSettings

from app.secret_store import DATABASE_PASSWORD, MQTT_PASSWORD, SECRETS, SERVER_TOKEN, SecretError, read_secret, save_secret
from models.server_config import ServerConfig
from models.storage.url import is_database_url, location_of, split_password, with_password

log = logging.getLogger("thermolab.settings")


def settings() -> QSettings:
    """Under THERMOLAB_DATA_DIR when it is set, so tests and portable installs keep their own; the
    secrets an older version left there are moved out first."""
    if folder := os.environ.get("THERMOLAB_DATA_DIR"):
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
    else:
        store = QSettings()
    _move_secrets_out(store)
    return store


def remember(store: QSettings, name: str, value) -> None:
    """`value` under `name` ("group/key"): in the secret store for a secret, else in `store`.
    Raises SecretError when a secret could not be saved."""
    if name in SECRETS:
        save_secret(name, value)
    else:
        store.setValue(name, value)


def recall(store: QSettings, name: str, default):
    """What `remember` kept under `name`, else `default` (of the type expected). A secret still in
    `store` is one that could not be moved out yet: better used than lost."""
    if name in SECRETS:
        return read_secret(name) or store.value(name, default, type=str)
    return store.value(name, default, type=type(default))


def load_server_config(store: QSettings) -> ServerConfig:
    default = ServerConfig()
    store.beginGroup("server")
    try:
        values = {}
        for field in fields(ServerConfig):
            if field.name in _SECRET_FIELDS or not store.contains(field.name):
                continue
            kind = type(getattr(default, field.name)) if field.name not in _TEXT_FIELDS else str
            value = store.value(field.name, type=kind)
            if field.name == "storage_path":
                value = _location(store, value)
            elif field.name == "mqtt_mappings":
                value = tuple(line for line in value.splitlines() if line.strip())
            values[field.name] = value
    finally:
        store.endGroup()
    secrets = {field: recall(store, name, "") for field, name in _SECRET_FIELDS.items()}
    return ServerConfig(**values, **secrets)


def _location(store: QSettings, saved: str) -> Path | str | None:
    """A saved file, or a saved URL with its password back from the secret store."""
    if not saved:
        return None
    location = location_of(saved)
    return with_password(location, recall(store, DATABASE_PASSWORD, "")) if isinstance(location, str) else location


def save_server_config(store: QSettings, config: ServerConfig) -> None:
    """Raises SecretError when the token or the database's password could not be saved; everything else
    is saved all the same. A password in a PostgreSQL URL goes to the secret store, the rest of the URL
    to the settings."""
    location, password = config.storage_path, ""
    if is_database_url(location):
        location, password = split_password(str(location))
    store.beginGroup("server")
    for field in fields(ServerConfig):
        value = location if field.name == "storage_path" else getattr(config, field.name)
        if field.name == "mqtt_mappings":
            value = "\n".join(value)
        if field.name not in _SECRET_FIELDS:
            store.setValue(field.name, "" if value is None else str(value) if isinstance(value, Path) else value)
    store.endGroup()
    for field, name in _SECRET_FIELDS.items():
        remember(store, name, getattr(config, field))
    remember(store, DATABASE_PASSWORD, password)


_SECRET_FIELDS = {"token": SERVER_TOKEN, "mqtt_password": MQTT_PASSWORD}
"""The server's settings kept in the secret store, never in settings.ini, and under which name."""
_TEXT_FIELDS = {"storage_path", "mqtt_mappings"}
"""Kept as text in settings.ini: a path, and the mapping lines one per line."""


def _move_secrets_out(store: QSettings) -> None:
    """Versions before the secret store kept the secrets in `store`, in clear: each is moved to the
    secret store, then removed; one that cannot be moved stays until it can."""
    moved = False
    for name in SECRETS:
        if not store.contains(name):
            continue
        try:
            if value := store.value(name, "", type=str):
                save_secret(name, value)
        except SecretError as error:
            log.warning("%s; it stays in %s until then", error, store.fileName())
            continue
        store.remove(name)
        moved = True
    if moved:
        store.sync()
