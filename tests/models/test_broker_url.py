"""A broker URL's password is found wherever the user typed it, so that it is moved out of
settings.ini and never shown, even when it holds a character a URL gives a meaning to."""

from __future__ import annotations

import pytest

from models.server_config import ServerConfig


@pytest.mark.parametrize("password", ["hunter2", "pa/ss", "p?ss", "p#ss", "p@ss", "p:ss", "12/ss"])
def test_a_password_typed_into_the_url_is_moved_out_of_it(password):
    config = ServerConfig(mqtt_url=f"mqtt://ann:{password}@broker.lan:1884").with_broker_password_apart()
    assert (config.mqtt_url, config.mqtt_password) == ("mqtt://ann@broker.lan:1884", password)


def test_a_url_without_a_password_stays_as_it_is():
    config = ServerConfig(mqtt_url="mqtt://ann@broker.lan", mqtt_password="kept").with_broker_password_apart()
    assert (config.mqtt_url, config.mqtt_password) == ("mqtt://ann@broker.lan", "kept")
