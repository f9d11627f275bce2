"""The server token and the OpenWeatherMap key: in the system keyring where there is one, else in a
file only the user can read. No Qt, so the headless `weather` command reads the key too.

settings.ini is readable by every user of the machine, so no secret may be kept there. The keyring
is the platform's own safe (Keychain, Windows Credential Locker, Secret Service); a machine without
one (a server, CI) falls back on `secrets.json` in the data folder, created 0600 before a byte is
written to it. A keyring that exists but fails (locked, its service gone) falls back on the file too,
so a secret is never lost for want of a keyring.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from app.paths import APP_NAME, data_dir, made_data_dir

SERVER_TOKEN = "server/token"
DATABASE_PASSWORD = "server/database_password"
TARGET_TOKEN = "simulator/target_token"
TARGET_BROKER_PASSWORD = "simulator/target_broker_password"
WEATHER_KEY = "weather/api_key"
MQTT_PASSWORD = "server/mqtt_password"
SECRETS = {
    SERVER_TOKEN: "the server's token",
    DATABASE_PASSWORD: "the password in the PostgreSQL URL",
    MQTT_PASSWORD: "the MQTT broker's password",
    TARGET_TOKEN: "the target server's token",
    TARGET_BROKER_PASSWORD: "the target broker's password",
    WEATHER_KEY: "the OpenWeatherMap API key",
}
"""Each secret's name, in the keyring under the service "thermolab" and in the file (also the key under
which versions before the secret store kept it in settings.ini), and what a message calls it."""
FILE_NAME = "secrets.json"
PRIVATE = 0o600

log = logging.getLogger("thermolab.secrets")


class SecretError(Exception):
    """A secret could not be saved; the message says where and why, never the secret."""


def secret_file() -> Path:
    return data_dir() / FILE_NAME


def has_keyring() -> bool:
    """keyring's own rule: a backend of priority 0 or less (the "fail" one, the null one, a chainer
    with nothing to chain, as on a headless Linux) stores nothing."""
    return keyring.get_keyring().priority > 0


def read_secret(name: str) -> str:
    """The secret saved under `name`, or "" when there is none."""
    if has_keyring():
        try:
            value = keyring.get_password(APP_NAME, name)
        except KeyringError as error:
            log.warning("the system keyring could not be read (%s): reading %s instead", error, secret_file())
        else:
            if value:
                return value
    return _read_file().get(name, "")


def save_secret(name: str, value: str) -> None:
    """Keep `value` under `name`; "" forgets it. Raises SecretError when it could be kept nowhere."""
    if has_keyring():
        try:
            if value:
                keyring.set_password(APP_NAME, name, value)
            else:
                _forget_in_keyring(name)
        except KeyringError as error:
            log.warning("the system keyring refused %s (%s): saving it in %s instead", SECRETS[name], error, secret_file())
        else:
            _write_file(name, "")
            return
    _write_file(name, value)


def _forget_in_keyring(name: str) -> None:
    try:
        keyring.delete_password(APP_NAME, name)
    except PasswordDeleteError:
        pass


class _Unreadable(Exception):
    """The secrets file is there but cannot be read; the message says why."""


def _read_file() -> dict[str, str]:
    """The file's secrets; none when it cannot be read (said in the log): reading a secret never fails."""
    try:
        return _stored()
    except _Unreadable as problem:
        log.warning("the secrets in %s could not be read (%s): they are left out", secret_file(), problem)
        return {}


def _stored() -> dict[str, str]:
    """The file's secrets, {} when there is no file; raises _Unreadable."""
    path = secret_file()
    try:
        with open(path, encoding="utf-8") as file:
            if os.name == "posix" and os.fstat(file.fileno()).st_mode & 0o077:
                # Copied or restored with the wrong mode: made private again before anything else.
                os.fchmod(file.fileno(), PRIVATE)
            values = json.load(file)
    except (FileNotFoundError, IsADirectoryError):
        # No secrets there to lose: saving says why it cannot write.
        return {}
    except (OSError, ValueError) as error:
        raise _Unreadable(error) from None
    if not isinstance(values, dict):
        raise _Unreadable("not a JSON object")
    return {name: value for name, value in values.items() if isinstance(value, str)}


def _write_file(name: str, value: str) -> None:
    """Replace the file whole, so a reader never sees half of it; mkstemp creates it 0600 (O_EXCL, mode
    given at creation), so not even an empty file is ever readable by others."""
    path = secret_file()
    try:
        values = _stored()
    except _Unreadable:
        # Written over, it would lose the secrets it holds beside this one.
        raise SecretError(
            f"{SECRETS[name]} was not saved: {path} cannot be read, and saving would lose the other secrets it may hold: "
            "repair it or remove it"
        ) from None
    if values.get(name, "") == value:
        return
    if value:
        values[name] = value
    else:
        values.pop(name)
    try:
        made_data_dir()
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{FILE_NAME}.")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(values, file, indent=1)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise SecretError(
            f"{SECRETS[name]} could not be saved in {path} ({error.strerror or error}): check that folder"
        ) from None
