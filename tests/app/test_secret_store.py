"""Secrets kept apart from settings.ini, which every user can read: in a keyring when there is one (a
backend of the test's own here, never the user's), else in a file only the user can read."""

import json
import logging
import os
import stat

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.backends.fail import Keyring as FailKeyring
from keyring.backends.null import Keyring as NullKeyring
from keyring.errors import KeyringLocked, PasswordDeleteError

from app.secret_store import (
    DATABASE_PASSWORD,
    MQTT_PASSWORD,
    SECRETS,
    SERVER_TOKEN,
    TARGET_BROKER_PASSWORD,
    TARGET_TOKEN,
    WEATHER_KEY,
    SecretError,
    read_secret,
    secret_file,
)
from app.settings import load_server_config, recall, remember, save_server_config, settings
from models.sensor_target import SensorTarget
from models.server_config import ServerConfig
from network.sensors.sensor_host import AddCity, Retarget

OLD_SETTINGS = """[server]
port=50123
token=old-server-token

[simulator]
target_host=localhost
target_token=old-target-token

[weather]
api_key=old-owm-key
city=Orsay
"""
OLD_SECRETS = {SERVER_TOKEN: "old-server-token", TARGET_TOKEN: "old-target-token", WEATHER_KEY: "old-owm-key"}


class MemoryKeyring(KeyringBackend):
    """A keyring as a desktop has one, kept in a dict."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[service, username] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but refuses, as a locked Secret Service does."""

    def get_password(self, service, username):
        raise KeyringLocked("the collection is locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("the collection is locked")


@pytest.fixture
def desktop_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def any_umask():
    """A umask that lets everyone read what is created: the file must be private all the same."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def settings_text(private_data_dir) -> str:
    return (private_data_dir / "settings.ini").read_text()


def file_mode() -> int:
    return stat.S_IMODE(secret_file().stat().st_mode)


def save_all(store) -> None:
    save_server_config(store, ServerConfig(port=50123, token="server-token"))
    remember(store, TARGET_TOKEN, "target-token")
    remember(store, WEATHER_KEY, "owm-key")
    remember(store, "weather/city", "Orsay")
    store.sync()


def test_with_a_keyring_the_secrets_go_there_and_nowhere_else(desktop_keyring, private_data_dir):
    save_all(settings())
    assert desktop_keyring.passwords == {
        ("thermolab", SERVER_TOKEN): "server-token",
        ("thermolab", TARGET_TOKEN): "target-token",
        ("thermolab", WEATHER_KEY): "owm-key",
    }
    assert not secret_file().exists()
    text = settings_text(private_data_dir)
    assert "Orsay" in text and "50123" in text
    assert not any(secret in text for secret in ("server-token", "target-token", "owm-key"))
    store = settings()
    assert load_server_config(store) == ServerConfig(port=50123, token="server-token")
    assert recall(store, TARGET_TOKEN, "") == "target-token"


def test_without_a_keyring_the_secrets_go_to_a_file_only_the_user_can_read(private_data_dir, any_umask):
    save_all(settings())
    assert file_mode() == 0o600
    assert json.loads(secret_file().read_text()) == {
        SERVER_TOKEN: "server-token",
        TARGET_TOKEN: "target-token",
        WEATHER_KEY: "owm-key",
    }
    assert secret_file().parent == private_data_dir
    text = settings_text(private_data_dir)
    assert not any(secret in text for secret in ("server-token", "target-token", "owm-key"))
    assert load_server_config(settings()) == ServerConfig(port=50123, token="server-token")


class EmptyChainer(ChainerBackend):
    """What keyring picks when several backends load but none is usable, without asking the machine's."""

    backends = []


@pytest.mark.parametrize("backend", [FailKeyring, NullKeyring, EmptyChainer])
def test_a_keyring_with_no_usable_backend_counts_as_none(private_data_dir, backend):
    keyring.set_keyring(backend())
    remember(settings(), WEATHER_KEY, "owm-key")
    assert json.loads(secret_file().read_text()) == {WEATHER_KEY: "owm-key"}
    assert read_secret(WEATHER_KEY) == "owm-key"


def test_a_secret_cleared_is_forgotten(private_data_dir):
    store = settings()
    save_all(store)
    save_server_config(store, ServerConfig(port=50123))
    assert load_server_config(settings()).token == ""
    assert SERVER_TOKEN not in json.loads(secret_file().read_text())


@pytest.mark.parametrize("with_keyring", [True, False], ids=["keyring", "file"])
def test_secrets_saved_in_clear_by_an_older_version_are_moved_out_on_first_start(private_data_dir, with_keyring):
    backend = MemoryKeyring()
    if with_keyring:
        keyring.set_keyring(backend)
    private_data_dir.mkdir(parents=True)
    (private_data_dir / "settings.ini").write_text(OLD_SETTINGS)
    store = settings()
    text = settings_text(private_data_dir)
    assert not any(secret in text for secret in OLD_SECRETS.values())
    assert "port=50123" in text and "city=Orsay" in text
    # No older version had the brokers' or the database's passwords: they have nothing to move.
    assert {name: read_secret(name) for name in SECRETS} == {
        **OLD_SECRETS,
        MQTT_PASSWORD: "",
        TARGET_BROKER_PASSWORD: "",
        DATABASE_PASSWORD: "",
    }
    assert load_server_config(store) == ServerConfig(port=50123, token="old-server-token")
    if with_keyring:
        assert len(backend.passwords) == 3 and not secret_file().exists()
    else:
        assert file_mode() == 0o600


def test_a_secret_that_cannot_be_moved_stays_where_it_is_and_still_works(private_data_dir, caplog):
    private_data_dir.mkdir(parents=True)
    (private_data_dir / "settings.ini").write_text(OLD_SETTINGS)
    # A folder where the file should be: nothing can be written there, even by root.
    secret_file().mkdir()
    with caplog.at_level(logging.WARNING):
        store = settings()
    assert all(secret in settings_text(private_data_dir) for secret in OLD_SECRETS.values())
    assert load_server_config(store).token == "old-server-token"
    assert recall(store, WEATHER_KEY, "") == "old-owm-key"
    assert f"the OpenWeatherMap API key could not be saved in {secret_file()}" in caplog.text
    assert not any(secret in caplog.text for secret in OLD_SECRETS.values())
    assert list(private_data_dir.glob(".secrets.json.*")) == []


def test_a_secret_that_cannot_be_saved_is_one_sentence_without_the_secret(private_data_dir):
    private_data_dir.mkdir(parents=True)
    secret_file().mkdir()
    with pytest.raises(SecretError) as raised:
        remember(settings(), TARGET_TOKEN, "target-token")
    assert str(raised.value) == (
        f"the target server's token could not be saved in {secret_file()} (Is a directory): check that folder"
    )


def test_a_keyring_that_refuses_leaves_the_secret_in_the_file(private_data_dir, caplog):
    keyring.set_keyring(LockedKeyring())
    with caplog.at_level(logging.WARNING):
        remember(settings(), WEATHER_KEY, "owm-key")
    assert read_secret(WEATHER_KEY) == "owm-key"
    assert file_mode() == 0o600
    assert "owm-key" not in caplog.text and "system keyring refused the OpenWeatherMap API key" in caplog.text


def test_a_keyring_that_arrives_takes_the_secret_out_of_the_file(private_data_dir):
    desktop_keyring = MemoryKeyring()
    remember(settings(), WEATHER_KEY, "owm-key")
    keyring.set_keyring(desktop_keyring)
    assert read_secret(WEATHER_KEY) == "owm-key"
    remember(settings(), WEATHER_KEY, "new-key")
    assert desktop_keyring.passwords == {("thermolab", WEATHER_KEY): "new-key"}
    assert json.loads(secret_file().read_text()) == {}


def test_a_secrets_file_others_could_read_is_made_private_when_read(private_data_dir):
    remember(settings(), WEATHER_KEY, "owm-key")
    secret_file().chmod(0o644)
    assert read_secret(WEATHER_KEY) == "owm-key"
    assert file_mode() == 0o600


def test_what_carries_a_secret_leaves_it_out_of_its_repr():
    """A repr is what a log line with %r, a traceback or a failed assertion shows."""
    carriers = [
        ServerConfig(token="s3cret"),
        Retarget(SensorTarget("127.0.0.1", 50007, "s3cret", broker_password="s3cret")),
        AddCity("Orsay", "Orsay", "s3cret", 600.0),
    ]
    assert not [carrier for carrier in carriers if "s3cret" in repr(carrier)]
    assert "port=50007" in repr(carriers[1])


@pytest.mark.parametrize("content", ["{not json", '["a list"]'])
def test_a_secrets_file_that_cannot_be_read_is_said_and_kept_as_it_is(private_data_dir, caplog, content):
    """Saving over it would lose the other secrets it may hold: the user repairs it or removes it."""
    private_data_dir.mkdir(parents=True)
    secret_file().write_text(content)
    with caplog.at_level(logging.WARNING):
        assert read_secret(WEATHER_KEY) == ""
    assert f"the secrets in {secret_file()} could not be read" in caplog.text
    with pytest.raises(SecretError) as raised:
        remember(settings(), WEATHER_KEY, "owm-key")
    assert str(raised.value) == (
        f"the OpenWeatherMap API key was not saved: {secret_file()} cannot be read, and saving would lose the other "
        "secrets it may hold: repair it or remove it"
    )
    assert secret_file().read_text() == content


def test_a_secrets_file_this_user_may_not_read_is_kept_as_it_is(private_data_dir):
    remember(settings(), TARGET_TOKEN, "target-token")
    secret_file().chmod(0o200)
    if os.access(secret_file(), os.R_OK):
        pytest.skip("root reads any file")
    with pytest.raises(SecretError):
        remember(settings(), WEATHER_KEY, "owm-key")
    secret_file().chmod(0o600)
    assert json.loads(secret_file().read_text()) == {TARGET_TOKEN: "target-token"}


def test_the_data_folder_is_made_private_when_it_is_created_but_one_chosen_is_left_as_it_is(tmp_path, monkeypatch, any_umask):
    made = tmp_path / "made" / "data"
    monkeypatch.setenv("THERMOLAB_DATA_DIR", str(made))
    remember(settings(), WEATHER_KEY, "owm-key")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    chosen = tmp_path / "chosen"
    chosen.mkdir(mode=0o755)
    monkeypatch.setenv("THERMOLAB_DATA_DIR", str(chosen))
    remember(settings(), WEATHER_KEY, "owm-key")
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755


def test_the_file_is_private_before_a_byte_is_written_to_it(private_data_dir, any_umask, monkeypatch):
    """A file made private after writing would show the secret to others in between."""
    modes = []
    dump = json.dump

    def noting_the_mode(values, file, **options):
        modes.append(stat.S_IMODE(os.fstat(file.fileno()).st_mode))
        dump(values, file, **options)

    monkeypatch.setattr(json, "dump", noting_the_mode)
    remember(settings(), WEATHER_KEY, "owm-key")
    remember(settings(), TARGET_TOKEN, "target-token")
    assert modes == [0o600, 0o600]
    assert json.loads(secret_file().read_text()) == {WEATHER_KEY: "owm-key", TARGET_TOKEN: "target-token"}
