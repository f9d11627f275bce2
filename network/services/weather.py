"""Current weather from OpenWeatherMap (docs/protocol.md section 4): the exercise's `temperature(ville)` and `current_weather`.

XML mode, read with urllib.request and ElementTree. The API key and the base URL come from the
caller (the window keeps them in its settings), else from OWM_API_KEY and OWM_BASE_URL; never from
the code. Every failure is a WeatherError whose message says what to do, and never shows the key.
"""

from __future__ import annotations

import http.client
import json
import math
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlencode, urlsplit
from xml.etree import ElementTree

DEFAULT_BASE_URL = "https://api.openweathermap.org"
PATH = "/data/2.5/weather"
TIMEOUT = 10.0
ZERO_CELSIUS = 273.15
MAX_ANSWER = 1 << 20
# Kelvin unless `units=metric` was asked, which a proxy or a cache standing in for the service may do.
TO_CELSIUS = {"kelvin": lambda value: value - ZERO_CELSIUS, "celsius": lambda value: value}


class WeatherError(Exception):
    """No weather to give; the message says what happened and what to do."""


@dataclass(frozen=True)
class Weather:
    city: str
    country: str
    temperature: float
    """°C, like `feels_like`."""
    feels_like: float
    humidity: int
    """Percent."""
    description: str
    observed_at: datetime
    """When the service last measured it, in UTC."""


def temperature(ville: str, api_key: str | None = None, base_url: str | None = None, timeout: float = TIMEOUT) -> float:
    """The current temperature in `ville`, in °C."""
    return current_weather(ville, api_key, base_url, timeout).temperature


def current_weather(
    city: str, api_key: str | None = None, base_url: str | None = None, timeout: float = TIMEOUT, lang: str | None = None
) -> Weather:
    """The current weather in `city` (a name, optionally `,COUNTRY`: `Le Mans,FR`), its description
    in the language `lang` (`fr`) when given, in English otherwise."""
    city = city.strip()
    if not city:
        raise WeatherError("no city given: give a name, such as Orsay or Le Mans,FR")
    api_key = (api_key or os.environ.get("OWM_API_KEY", "")).strip()
    if not api_key:
        raise WeatherError(
            "no OpenWeatherMap API key: enter yours in the settings or set OWM_API_KEY "
            "(a free key comes from https://home.openweathermap.org/api_keys)"
        )
    base_url = (base_url or os.environ.get("OWM_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WeatherError(f"the weather service address {base_url!r} is not an http(s) URL: correct OWM_BASE_URL")
    try:
        port = parts.port
    except ValueError:
        raise WeatherError(f"the weather service address {base_url!r} has no valid port: correct OWM_BASE_URL") from None
    host = parts.hostname if port is None else f"{parts.hostname}:{port}"
    query = urlencode({"q": city, "mode": "xml", "appid": api_key} | ({"lang": lang} if lang else {}), quote_via=quote)
    return _parse(_fetch(f"{base_url}{PATH}?{query}", timeout, city, host))


def _fetch(url: str, timeout: float, city: str, host: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "Thermolab"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _read(response)
    except urllib.error.HTTPError as error:
        try:
            body = _read(error)
        finally:
            error.close()
        raise WeatherError(_refusal(error.code, body, city, host)) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise WeatherError(_too_slow(host, timeout)) from None
        reason = getattr(error.reason, "strerror", None) or error.reason
        raise WeatherError(f"cannot reach {host} ({reason}): check the network connection") from None
    except TimeoutError:
        raise WeatherError(_too_slow(host, timeout)) from None
    except http.client.HTTPException:
        raise WeatherError(f"{host} did not answer in HTTP: check OWM_BASE_URL") from None
    except OSError as error:
        raise WeatherError(f"the connection with {host} broke ({error.strerror or error}): try again") from None


def _read(response) -> bytes:
    body = response.read(MAX_ANSWER + 1)
    if len(body) > MAX_ANSWER:
        raise WeatherError(f"the weather service sent more than {MAX_ANSWER // 1024} KiB: check OWM_BASE_URL")
    return body


def _too_slow(host: str, timeout: float) -> str:
    return f"{host} did not answer within {timeout:g} s: check the network connection and try again"


def _refusal(status: int, body: bytes, city: str, host: str) -> str:
    message = _service_message(body)
    if status == 401:
        return "OpenWeatherMap refused the API key (401): check it; a new key can take a few hours to be accepted"
    if status == 404 and message is not None:
        return f"OpenWeatherMap knows no city named {city!r}: check the spelling, or add the country code (Le Mans,FR)"
    if status == 404:
        return f"{host} has no weather service at {PATH}: correct OWM_BASE_URL"
    if status == 429:
        return "OpenWeatherMap refuses more calls with this key for now (429): wait a minute and try again"
    if status >= 500:
        return f"OpenWeatherMap is out of order for now ({status}): try again later"
    return f"OpenWeatherMap refused the request ({status}: {message or 'no reason given'}): check the city and the key"


def _service_message(body: bytes) -> str | None:
    """The `message` of an OpenWeatherMap error, in JSON or in XML; None when the body is no such error."""
    try:
        answer = json.loads(body)
    except ValueError:
        try:
            return ElementTree.fromstring(body).findtext("message")
        except ElementTree.ParseError:
            return None
    return answer.get("message") if isinstance(answer, dict) else None


def _parse(body: bytes) -> Weather:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        raise WeatherError(_malformed("is not well-formed XML")) from None
    if root.tag != "current":
        raise WeatherError(_malformed(f"is a <{root.tag}>, not a current weather report"))
    observed = _value(root, "lastupdate")
    try:
        observed_at = datetime.fromisoformat(observed).replace(tzinfo=UTC)
    except ValueError:
        raise WeatherError(_malformed(f"has an unreadable lastupdate {observed!r}")) from None
    return Weather(
        city=_value(root, "city", "name"),
        country=root.findtext("city/country", "").strip(),
        temperature=_celsius(root, "temperature"),
        feels_like=_celsius(root, "feels_like"),
        humidity=round(_number(root, "humidity")),
        description=_value(root, "weather"),
        observed_at=observed_at,
    )


def _celsius(root: ElementTree.Element, tag: str) -> float:
    unit = _value(root, tag, "unit")
    if unit not in TO_CELSIUS:
        raise WeatherError(_malformed(f"gives the {tag} in an unknown unit {unit!r}"))
    # The service gives two decimals: rounding drops the float noise of the conversion, not precision.
    return round(TO_CELSIUS[unit](_number(root, tag)), 2)


def _number(root: ElementTree.Element, tag: str) -> float:
    text = _value(root, tag)
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise WeatherError(_malformed(f"has a {tag} that is not a number ({text!r})"))
    return number


def _value(root: ElementTree.Element, tag: str, attribute: str = "value") -> str:
    element = root.find(tag)
    if element is None or attribute not in element.attrib:
        raise WeatherError(_malformed(f"has no {tag} {attribute}"))
    return element.attrib[attribute]


def _malformed(what: str) -> str:
    return f"the weather service's answer {what}: try again later, or check OWM_BASE_URL if it persists"
