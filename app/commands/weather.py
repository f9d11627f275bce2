"""`weather`: the current weather in a city, from OpenWeatherMap."""

from __future__ import annotations

import argparse
import os

from app.commands.common import fail
from network.services.weather import WeatherError, current_weather


def register(commands) -> None:
    parser = commands.add_parser(
        "weather",
        help="print the current weather in a city (OpenWeatherMap)",
        description=(
            "Print the current weather in a city, from OpenWeatherMap. "
            "OWM_BASE_URL, when set, replaces https://api.openweathermap.org (a proxy, a test server)."
        ),
    )
    parser.add_argument("city", nargs="+", metavar="CITY", help="a city name, optionally with its country: Le Mans,FR")
    parser.add_argument(
        "--api-key",
        help="your OpenWeatherMap API key (default: $OWM_API_KEY, else the key saved in the simulator window)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    api_key = (args.api_key or os.environ.get("OWM_API_KEY") or _saved_key()).strip()
    if not api_key:
        return fail(
            "no OpenWeatherMap API key: pass --api-key KEY, set OWM_API_KEY, or type it once in the "
            "simulator window's Weather panel (a free key comes from https://home.openweathermap.org/api_keys)"
        )
    try:
        weather = current_weather(" ".join(args.city), api_key)
    except WeatherError as error:
        return fail(str(error))
    observed = weather.observed_at.astimezone()
    place = f"{weather.city}, {weather.country}" if weather.country else weather.city
    print(place)
    print(f"  temperature  {weather.temperature:.1f} °C, feels like {weather.feels_like:.1f} °C")
    print(f"  humidity     {weather.humidity} %")
    print(f"  sky          {weather.description}")
    print(f"  observed     {observed:%Y-%m-%d %H:%M} {observed.tzname()}")
    return 0


def _saved_key() -> str:
    """The key typed in the simulator window's Weather panel, which keeps it in the secret store."""
    from app.secret_store import WEATHER_KEY, read_secret

    return read_secret(WEATHER_KEY)
