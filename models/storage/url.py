"""Where readings live: a file's path, or a PostgreSQL server's URL (docs/protocol.md, section 2).

`--db` and the settings take either. A URL is libpq's (`postgresql://user@host:5432/dbname`,
`postgresql:///?service=NAME`): libpq also finds the password in PGPASSWORD, ~/.pgpass or a service
file, where no other user of the machine can read it. A password written in the URL itself is never
shown: every place that echoes a location (status bar, event log, console, window title, error
sentences) shows `masked()`.
"""

from __future__ import annotations

import re
from pathlib import Path

SCHEMES = ("postgresql://", "postgres://")
MASK = "****"

_URL_PASSWORD = re.compile(r"^(?P<head>[a-z]+://[^:@/?#]*:)(?P<password>[^@/?#]*)(?=@)", re.IGNORECASE)
_PARAMETER_PASSWORD = re.compile(r"(?P<head>(?:^|[?&\s])password\s*=\s*)(?P<password>'(?:[^'\\]|\\.)*'|[^&\s]*)", re.IGNORECASE)

Location = Path | str
"""A storage's place: a Path for a file, a str only for a database URL (a Path would fold its `//`)."""


def is_database_url(location: Location | None) -> bool:
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def location_of(text: str) -> Location:
    """What the user typed for `--db` or in the settings: a URL as it is, anything else as a file."""
    return text if is_database_url(text) else Path(text)


def masked(location: Location) -> str:
    """The location as it may be shown: a password in a URL or in a `password=` parameter is `****`."""
    text = str(location)
    if not is_database_url(location):
        return text
    text = _URL_PASSWORD.sub(lambda m: m["head"] + MASK, text)
    return _PARAMETER_PASSWORD.sub(lambda m: m["head"] + MASK, text)


def hide(sentence: str, location: Location) -> str:
    """`sentence` with the location's password, wherever it appears, masked: for words that come from
    libpq or psycopg, which might quote what they were given."""
    for secret in passwords_in(location):
        sentence = sentence.replace(secret, MASK)
    return sentence


def passwords_in(location: Location) -> list[str]:
    if not is_database_url(location):
        return []
    text = str(location)
    found = [m["password"] for m in _URL_PASSWORD.finditer(text)] + [m["password"] for m in _PARAMETER_PASSWORD.finditer(text)]
    return [secret for secret in found if secret and secret != MASK]


def split_password(url: str) -> tuple[str, str]:
    """The URL without its password, and the password ("" when it has none): settings keep the one in
    a file and the other in the secret store."""
    secrets = passwords_in(url)
    head, _, query = _URL_PASSWORD.sub(lambda m: m["head"][:-1], url).partition("?")
    kept = [parameter for parameter in query.split("&") if parameter and not parameter.lower().startswith("password=")]
    return head + ("?" + "&".join(kept) if kept else ""), secrets[0] if secrets else ""


def with_password(url: str, password: str) -> str:
    """`url` with `password` as the `password` parameter libpq reads from a URL's query."""
    if not password:
        return url
    return f"{url}{'&' if '?' in url else '?'}password={password}"


def restore_password(typed: str, original: str) -> str:
    """What a user typed over a masked URL: the mask stands for the password `original` had."""
    secrets = passwords_in(original)
    return typed.replace(MASK, secrets[0], 1) if secrets and MASK in typed else typed
