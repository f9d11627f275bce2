"""The server's settings, shared by the headless server and the window: command line over saved over defaults."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, fields, replace

from models.broker_url import split_url
from models.storage.url import Location

DEFAULT_PORT = 50007
"""The readings port when nobody chose one: the exercise's, for the server and every client."""


@dataclass(frozen=True)
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    storage_path: Location | None = None
    """None: the default file of the kind chosen in the user's data folder (app.paths.default_storage); a
    str: a PostgreSQL URL (models/storage/url.py)."""
    text_file: bool = False
    token: str = field(default="", repr=False)
    """Left out of the repr, so that no log line or traceback shows it."""
    max_connections: int = 256
    idle_timeout: float = 300.0
    message_timeout: float = 30.0
    """Seconds a message may take from its first byte to its last, however often bytes come."""
    tcp: bool = True
    """Listen on the readings port; False (`--no-tcp`) collects from the MQTT broker only."""
    mqtt_url: str = field(default="", repr=False)
    """The broker to subscribe to (mqtt:// or mqtts://); "" for none. Left out of the repr: it may
    hold a password."""
    mqtt_mappings: tuple[str, ...] = ()
    """Mapping lines (models/mqtt_mapping.py); none means the default, `thermolab/#`."""
    mqtt_client_id: str = ""
    """"" for one made from this machine and the storage file, the same at every start."""
    mqtt_group: str = ""
    """A shared subscription's group: collectors in one group share the readings."""
    mqtt_ca_file: str = ""
    """The CA certificate that signed an mqtts:// broker's; "" trusts the system's."""
    mqtt_password: str = field(default="", repr=False)
    """The broker's password when the URL has none (the window keeps it in the secret store)."""
    keep_days: int = 0
    """Readings older than this many days are deleted from a database; 0 keeps everything."""

    @property
    def retention(self) -> float | None:
        """`keep_days` as the storage takes it: None keeps everything (a text file refuses any other)."""
        return float(self.keep_days) if self.keep_days else None

    def updated(self, args: argparse.Namespace) -> ServerConfig:
        """These settings with what the command line gave (arguments left out are None)."""
        given = {f.name: getattr(args, f.name) for f in fields(self) if getattr(args, f.name, None) is not None}
        if "mqtt_mappings" in given:
            given["mqtt_mappings"] = tuple(given["mqtt_mappings"])
        if args.db is not None:
            given.update(storage_path=args.db, text_file=False)
        if args.text_file is not None:
            given.update(storage_path=args.text_file, text_file=True)
            # A retention saved for the database is no reason to refuse the text file asked for now.
            given.setdefault("keep_days", 0)
        return replace(self, **given)

    def with_broker_password_apart(self) -> ServerConfig:
        """A password typed into the broker's URL moved to `mqtt_password`: the URL is saved in
        settings.ini, which every user of the machine may read, and the password in the secret store."""
        split = split_url(self.mqtt_url)
        if split.password is None:
            return self
        return replace(self, mqtt_url=split.bare, mqtt_password=split.password)
