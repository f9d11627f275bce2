"""A broker URL's password, found wherever the user typed it: to be kept apart, and never shown.

`urlsplit` ends the user part at the first `/`, `?` or `#`, so a password typed as it is (`pa/ss`)
would be read as a host, a port or a path, and shown in full wherever the URL is. An MQTT URL has no
path: its user part runs from `//` to its last `@`, and the password from the first `:` in it.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import unquote


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
