"""A broker URL read as a broker's address, and its password found wherever the user typed it: to be
kept apart, and never shown. Qt-free and paho-free, so that Settings refuses a wrong URL as the
collector would.

`urlsplit` ends the user part at the first `/`, `?` or `#`, so a password typed as it is (`pa/ss`)
would be read as a host, a port or a path, and shown in full wherever the URL is. An MQTT URL has no
path: its user part runs from `//` to its last `@`, and the password from the first `:` in it.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import unquote, urlsplit

DEFAULT_PORTS = {"mqtt": 1883, "mqtts": 8883}


class BrokerUrlError(ValueError):
    """A broker URL that cannot be used; the message says why, with the password masked."""


class SplitUrl(NamedTuple):
    start: str
    """The scheme and `//`, or "" when the URL has no `//`."""
    user: str
    password: str | None
    """Percent-decoded; None when the URL has none."""
    rest: str
    """`@HOST...`, or the whole URL after `start` when it names no user."""

    @property
    def bare(self) -> str:
        """The URL without its password."""
        return f"{self.start}{self.user}{self.rest}"

    @property
    def masked(self) -> str:
        """The URL with `***` for its password, for a sentence."""
        return self.bare if self.password is None else f"{self.start}{self.user}:***{self.rest}"


def split_url(url: str) -> SplitUrl:
    url = url.strip()
    head, at, host = url.rpartition("@")
    start, slashes, user_part = head.partition("//")
    if not slashes:
        start, user_part = "", head
    user, colon, password = user_part.partition(":")
    if not at or not colon:
        return SplitUrl("", "", None, url)
    return SplitUrl(start + slashes, user, unquote(password), at + host)


class BrokerUrl(NamedTuple):
    tls: bool
    host: str
    port: int
    username: str | None
    password: str | None


def read_url(url: str) -> BrokerUrl:
    """What a broker URL says; raises BrokerUrlError."""
    split = split_url(url)
    parts = urlsplit(split.bare)
    if parts.scheme not in DEFAULT_PORTS:
        raise BrokerUrlError(f"{split.masked} is not a broker URL: write mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise BrokerUrlError(f"{split.masked} has a port that is not a number from 1 to 65535") from None
    if not parts.hostname:
        raise BrokerUrlError(f"{split.masked} names no host: write mqtt://HOST:PORT")
    username = unquote(parts.username) if parts.username else None
    return BrokerUrl(parts.scheme == "mqtts", parts.hostname, port, username, split.password)
