"""A stand-in for OpenWeatherMap on 127.0.0.1: answers from tests/fixtures/openweathermap and records what was asked."""

from __future__ import annotations

import contextlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "openweathermap"
KEY = "test-key"
# Any other city gets the JSON 404, as the real service sometimes sends whatever the mode.
ANSWERS = {
    "Orsay": (200, "current_orsay.xml"),
    "Saint-Étienne": (200, "current_saint_etienne_metric.xml"),
    "Atlantis": (404, "error_404_city_not_found.xml"),
    "Cut Short": (200, "truncated_response.xml"),
    "Mixed Up": (200, "error_404_city_not_found.xml"),
}
NOT_FOUND_PAGE = b"<html><body>Not Found</body></html>"


class OpenWeatherMapStub(ThreadingHTTPServer):
    # Request threads that are not daemons are joined by server_close(): none outlives the test.
    daemon_threads = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[str] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: OpenWeatherMapStub

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        status, body, content_type = self._answer()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _answer(self) -> tuple[int, bytes, str]:
        url = urlsplit(self.path)
        if url.path != "/data/2.5/weather":
            return 404, NOT_FOUND_PAGE, "text/html"
        query = parse_qs(url.query)
        if query.get("appid") != [KEY]:
            return _fixture(401, "error_401_invalid_key.json")
        if query.get("q") == ["Down"]:
            return 503, b"", "text/plain"
        if query.get("q") == ["Too Often"]:
            return 429, b'{"cod":429,"message":"rate limit"}', "application/json"
        return _fixture(*ANSWERS.get(query["q"][0], (404, "error_404_city_not_found.json")))

    def log_message(self, *_) -> None:
        """Quiet: the tests read `requests` instead."""


def _fixture(status: int, name: str) -> tuple[int, bytes, str]:
    content_type = "application/json" if name.endswith(".json") else "application/xml"
    return status, (FIXTURES / name).read_bytes(), content_type


@contextlib.contextmanager
def openweathermap_stub():
    stub = OpenWeatherMapStub()
    thread = threading.Thread(target=stub.serve_forever, kwargs={"poll_interval": 0.05}, name="openweathermap stub")
    thread.start()
    try:
        yield stub
    finally:
        stub.shutdown()
        thread.join()
        stub.server_close()
