"""Real engines for the tests that speak to one: a Mosquitto broker and a PostgreSQL server, each
started by the test session on a free port of 127.0.0.1, with its files in a temporary folder.

Where an engine is not installed, its tests skip with one line naming the Debian package to install.
CI sets THERMOLAB_REQUIRE_ENGINES=1 (.ci/run installs both), and there they fail instead: a missing
engine must never pass for a green run.
"""

from __future__ import annotations

import os
import socket

import pytest

START_TIMEOUT = 30.0


def missing(engine: str, package: str) -> None:
    """Skip the test, or fail it where the engines are required."""
    sentence = f"{engine} is not installed: install the Debian package `{package}` to run this test"
    if os.environ.get("THERMOLAB_REQUIRE_ENGINES") == "1":
        pytest.fail(sentence, pytrace=False)
    pytest.skip(sentence)


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on now; the engine binds it a moment later."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
