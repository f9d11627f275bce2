"""The OpenWeatherMap client against a stand-in on 127.0.0.1 that answers from the fixtures; never the internet."""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

import pytest

from network.services.weather import Weather, WeatherError, current_weather, temperature
from tests.weather_stub import KEY, openweathermap_stub


@pytest.fixture
def stub():
    with openweathermap_stub() as stub:
        yield stub


def ask(stub, city: str, api_key: str = KEY) -> Weather:
    return current_weather(city, api_key, stub.base_url)


def test_temperature_converts_kelvin_to_celsius(stub):
    assert temperature("Orsay", KEY, stub.base_url) == 5.78


def test_current_weather_gives_everything_a_person_reads(stub):
    assert ask(stub, "Orsay") == Weather(
        city="Orsay",
        country="FR",
        temperature=5.78,
        feels_like=5.78,
        humidity=89,
        description="clear sky",
        observed_at=datetime(2021, 11, 6, 20, 49, 19, tzinfo=UTC),
    )


def test_asks_in_xml_mode_for_the_url_encoded_city(stub):
    weather = ask(stub, "Saint-Étienne")
    assert stub.requests == [f"/data/2.5/weather?q=Saint-%C3%89tienne&mode=xml&appid={KEY}"]
    assert (weather.city, weather.temperature, weather.feels_like) == ("Saint-Étienne", -2.4, -6.0)


def test_encodes_spaces_and_country_codes(stub):
    with pytest.raises(WeatherError):
        ask(stub, "  Le Mans,FR ")
    assert stub.requests == [f"/data/2.5/weather?q=Le%20Mans%2CFR&mode=xml&appid={KEY}"]


def test_takes_the_key_and_the_base_url_from_the_environment(stub, monkeypatch):
    monkeypatch.setenv("OWM_API_KEY", KEY)
    monkeypatch.setenv("OWM_BASE_URL", stub.base_url + "/")
    assert temperature("Orsay") == 5.78


def test_a_key_given_wins_over_the_environment(stub, monkeypatch):
    monkeypatch.setenv("OWM_API_KEY", "stale-key")
    assert temperature("Orsay", KEY, stub.base_url) == 5.78


@pytest.mark.parametrize("key", [None, "", "   "])
def test_without_a_key_says_where_to_set_one_and_asks_nothing(stub, key):
    with pytest.raises(WeatherError, match="no OpenWeatherMap API key: .*OWM_API_KEY"):
        ask(stub, "Orsay", key)
    assert stub.requests == []


def test_a_refused_key_is_named_and_never_shown(stub):
    with pytest.raises(WeatherError, match=r"refused the API key \(401\)") as raised:
        ask(stub, "Orsay", "wrong-key")
    assert "wrong-key" not in str(raised.value)


@pytest.mark.parametrize("city", ["Atlantis", "Atlantide"], ids=["xml", "json"])
def test_an_unknown_city_is_named(stub, city):
    with pytest.raises(WeatherError, match=f"knows no city named '{city}': check the spelling"):
        ask(stub, city)


def test_a_404_that_is_no_weather_service_points_at_the_base_url(stub):
    with pytest.raises(WeatherError, match=r"has no weather service at /data/2.5/weather: correct OWM_BASE_URL"):
        current_weather("Orsay", KEY, stub.base_url + "/elsewhere")


def test_a_service_out_of_order_says_to_try_later(stub):
    with pytest.raises(WeatherError, match=r"out of order for now \(503\): try again later"):
        ask(stub, "Down")


def test_a_rate_limit_says_to_wait(stub):
    with pytest.raises(WeatherError, match=r"\(429\): wait a minute and try again"):
        ask(stub, "Too Often")


def test_a_server_that_does_not_speak_http_points_at_the_base_url():
    with socket.create_server(("127.0.0.1", 0)) as impostor:

        def answer_once():
            connection, _ = impostor.accept()
            with connection:
                connection.recv(4096)
                connection.sendall(b"220 mail.example.com ESMTP\r\n")

        thread = threading.Thread(target=answer_once)
        thread.start()
        try:
            with pytest.raises(WeatherError, match="did not answer in HTTP: check OWM_BASE_URL"):
                current_weather("Orsay", KEY, f"http://127.0.0.1:{impostor.getsockname()[1]}")
        finally:
            thread.join()


def test_a_truncated_answer_is_malformed(stub):
    with pytest.raises(WeatherError, match="answer is not well-formed XML: try again later"):
        ask(stub, "Cut Short")


def test_an_answer_that_is_no_weather_report_is_malformed(stub):
    with pytest.raises(WeatherError, match="answer is a <ClientError>, not a current weather report"):
        ask(stub, "Mixed Up")


def test_a_blank_city_asks_for_one(stub):
    with pytest.raises(WeatherError, match="no city given"):
        ask(stub, "  ")
    assert stub.requests == []


def test_a_base_url_that_is_not_http_is_refused():
    with pytest.raises(WeatherError, match="not an http"):
        current_weather("Orsay", KEY, "file:///etc/passwd")


def test_no_server_means_no_network():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
        with pytest.raises(WeatherError, match=rf"cannot reach 127.0.0.1:{port} \(.*\): check the network") as raised:
            current_weather("Orsay", KEY, f"http://127.0.0.1:{port}")
    assert KEY not in str(raised.value)


def test_a_server_that_never_answers_times_out():
    # Listening but never accepting: the request sits in the backlog and no answer comes.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        with pytest.raises(WeatherError, match=rf"127.0.0.1:{port} did not answer within 0.2 s"):
            current_weather("Orsay", KEY, f"http://127.0.0.1:{port}", timeout=0.2)


def test_a_base_url_whose_port_is_no_number_is_refused():
    with pytest.raises(
        WeatherError, match=r"the weather service address 'http://127.0.0.1:abc' has no valid port: correct OWM_BASE_URL"
    ):
        current_weather("Orsay", KEY, "http://127.0.0.1:abc")
