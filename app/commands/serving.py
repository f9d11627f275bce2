"""Running a service on the terminal until Ctrl+C or SIGTERM; shared by clock-server and echo-server."""

from __future__ import annotations

import signal
import threading

from app.commands.common import fail
from network.serveur import ServerError, Serveur, format_peer

# Windows delivers Ctrl+C only between waits, so the main thread wakes this often to take it.
SIGNAL_CHECK_EVERY = 0.5


def serve_until_signal(server: Serveur, name: str) -> int:
    """Serve until Ctrl+C or SIGTERM and return 0, or 2 with one sentence when the server cannot listen."""
    try:
        server.listen()
    except ServerError as error:
        server.stop()
        return fail(str(error), 2)
    stop = threading.Event()
    previous = {signum: signal.signal(signum, lambda *_: stop.set()) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        print(f"{name} listening on {format_peer(server.address)} (Ctrl+C to stop)", flush=True)
        while not stop.wait(SIGNAL_CHECK_EVERY):
            pass
    finally:
        # A second Ctrl+C while the server stops falls back to the usual interrupt.
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        server.stop()
    print(f"{name} stopped", flush=True)
    return 0
