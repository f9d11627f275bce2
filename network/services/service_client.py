"""What the clock and echo clients share: connecting, and one exception whose message says what to do."""

from __future__ import annotations

import socket


class ServiceError(Exception):
    """A service could not be reached or answered wrongly; the message says what to do."""


def connect(host: str, port: int, timeout: float, server_command: str) -> socket.socket:
    """A connection to host:port; `server_command` is the subcommand that starts such a server."""
    try:
        return socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror:
        raise ServiceError(f"unknown host {host}: check the server's address") from None
    except ConnectionRefusedError:
        raise ServiceError(f"no server listens on {host}:{port}: start one with `python main.py {server_command}`") from None
    except TimeoutError:
        raise ServiceError(f"{host}:{port} did not accept the connection within {timeout:g} s: check the address") from None
    except OSError as error:
        raise ServiceError(f"cannot connect to {host}:{port} ({error.strerror or error}): check the address") from None
