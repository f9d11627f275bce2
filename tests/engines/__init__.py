"""Real engines for the tests that speak to one: a Mosquitto broker and a PostgreSQL server, each
started by the test session on a free port of 127.0.0.1, with its files in a temporary folder.

Where an engine is not installed, its tests skip with one line naming the Debian package to install.
CI sets THERMOLAB_REQUIRE_ENGINES=1 (.ci/run installs both), and there they fail instead: a missing
engine must never pass for a green run.
"""

from __future__ import annotations

import os

import pytest

from app.bench.mosquitto import START_TIMEOUT, free_port

__all__ = ["START_TIMEOUT", "free_port", "missing"]


def missing(engine: str, package: str) -> None:
    """Skip the test, or fail it where the engines are required."""
    sentence = f"{engine} is not installed: install the Debian package `{package}` to run this test"
    if os.environ.get("THERMOLAB_REQUIRE_ENGINES") == "1":
        pytest.fail(sentence, pytrace=False)
    pytest.skip(sentence)
