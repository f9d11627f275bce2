"""Send readings the simple way, as the exercise's client.py does: connect, send, read the answer."""

from __future__ import annotations

import json
import socket


class SendError(Exception):
    """The reading could not be delivered; the message says why and what to do."""


def token_refused(where: str, token: str | None) -> str:
    """The sentence for a server at `where` that answered "unauthorized" to this token, or to none."""
    given = "refused the token" if token else "requires a token"
    return f"{where} {given}: give the token the server was started with"


def send_message(host: str, port: int, message: dict, timeout: float = 5.0, token: str | None = None) -> dict | None:
    """Send one JSON message and return the server's answer, or None when none is owed (no `seq`).

    With a token, `{"auth": TOKEN}` goes first, as a server that requires one expects; its refusal
    is returned as the answer.
    """
    try:
        with socket.create_connection((host, port), timeout=timeout) as connection:
            if token:
                connection.sendall(json.dumps({"auth": token}).encode() + b"\n")
                greeting = json.loads(_read_line(connection))
                if "ok" not in greeting:
                    return greeting
            connection.sendall(json.dumps(message).encode() + b"\n")
            if "seq" not in message:
                return None
            return json.loads(_read_line(connection))
    except socket.gaierror:
        raise SendError(f"unknown host {host}: check the server's address") from None
    except ConnectionRefusedError:
        raise SendError(f"no server listens on {host}:{port}: start one with `python main.py server`") from None
    except TimeoutError:
        raise SendError(f"no answer from {host}:{port} within {timeout:g} s: is it a Thermolab server?") from None
    except (OSError, ValueError) as error:
        raise SendError(f"the exchange with {host}:{port} failed: {error}") from None


def _read_line(connection: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(4096)
        if not chunk:
            raise SendError("the server closed the connection without answering")
        data += chunk
    return data.split(b"\n", 1)[0]
