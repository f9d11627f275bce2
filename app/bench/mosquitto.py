"""A Mosquitto broker of one's own: its config, persistence and log under a temporary folder.

`bench mqtt` starts one, and the tests too (tests/engines/mosquitto.py, which skips a test where
Mosquitto is not installed). The collector must speak to any MQTT broker, so nothing here leaks into
the code under test: it gets a URL (and a password when it asks for one) and nothing else.
"""

from __future__ import annotations

import collections
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path

PACKAGE = "mosquitto"
START_TIMEOUT = 30.0


def mosquitto_binary() -> str | None:
    """Debian puts the broker in /usr/sbin, which a user's PATH often lacks."""
    return shutil.which("mosquitto") or shutil.which("mosquitto", path="/usr/sbin:/usr/local/sbin")


class MosquittoMissing(RuntimeError):
    """No `mosquitto` binary on this machine; the message names the package to install."""


class Mosquitto:
    """`with Mosquitto(folder) as broker:` starts a broker on a free port; `broker.url` reaches it.

    With `users={"name": "password"}` the broker refuses anonymous clients; with `tls=True` it speaks
    TLS only, with a certificate for 127.0.0.1 signed by a CA of its own (`ca_file`). Persistence is
    on, so a restart (`restart()`) keeps the sessions and queued QoS 1 messages, as a real broker's would.
    """

    def __init__(self, folder: Path, users: dict[str, str] | None = None, tls: bool = False):
        self.folder = Path(folder)
        self.users = users or {}
        self.tls = tls
        self.ca_file = self.folder / "ca.crt"
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log: collections.deque[str] = collections.deque(maxlen=200)
        """The broker's last lines, for a failing test's message."""
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://127.0.0.1:{self.port}"

    def __enter__(self) -> Mosquitto:
        binary = mosquitto_binary()
        if binary is None:
            raise MosquittoMissing(f"Mosquitto is not installed: install the Debian package `{PACKAGE}`")
        self.binary = binary
        self.folder.mkdir(parents=True, exist_ok=True)
        self.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop()

    def start(self) -> None:
        self.port = self.port or free_port()
        config = self._write_config()
        self.process = subprocess.Popen(
            [self.binary, "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self._wait_until_listening()
        # The broker logs every connection: its output must be read on, or its pipe fills and it stalls.
        self._reader = threading.Thread(target=self.log.extend, args=(self.process.stdout,), name="mosquitto log")
        self._reader.start()

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=START_TIMEOUT)
            self._reader.join()
            self.process.stdout.close()
            self.process = None

    def restart(self) -> None:
        """Stop and start again on the same port, as a broker restarted by its administrator."""
        self.stop()
        self.start()

    def _write_config(self) -> Path:
        lines = [
            f"listener {self.port} 127.0.0.1",
            *(self._certificates() if self.tls else []),
            "persistence true",
            f"persistence_location {self.folder}/",
            "log_dest stderr",
            "log_type error",
            "log_type warning",
            "log_type notice",
            "log_type information",
            "max_queued_messages 0",
        ]
        if os.geteuid() == 0:
            lines.append("user root")  # Run as root, Mosquitto would switch to a user who cannot read the folder.
        if self.users:
            passwords = self.folder / "passwords"
            passwords.write_text("".join(f"{name}:{password}\n" for name, password in self.users.items()))
            subprocess.run([self._passwd_binary(), "-U", str(passwords)], check=True, capture_output=True)
            lines += ["allow_anonymous false", f"password_file {passwords}"]
        else:
            lines.append("allow_anonymous true")
        config = self.folder / "mosquitto.conf"
        config.write_text("\n".join(lines) + "\n")
        return config

    def _certificates(self) -> list[str]:
        """A CA, and the broker's key and certificate (for the IP address 127.0.0.1) signed by it."""
        files = {name: self.folder / name for name in ("ca.key", "server.key", "server.csr", "server.crt", "san.ext")}
        files["san.ext"].write_text("subjectAltName = IP:127.0.0.1\n")
        ca_key, key, request, certificate = (files[name] for name in ("ca.key", "server.key", "server.csr", "server.crt"))
        for command in (
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Thermolab-test-CA"]
            + ["-keyout", ca_key, "-out", self.ca_file],
            ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", request],
            ["x509", "-req", "-days", "2", "-in", request, "-CA", self.ca_file, "-CAkey", ca_key, "-CAcreateserial"]
            + ["-extfile", files["san.ext"], "-out", certificate],
        ):
            subprocess.run(["openssl", *map(str, command)], check=True, capture_output=True)
        return [f"cafile {self.ca_file}", f"certfile {files['server.crt']}", f"keyfile {files['server.key']}"]

    def _passwd_binary(self) -> str:
        """mosquitto_passwd (Debian's mosquitto package) hashes the password file in place."""
        beside = Path(self.binary).with_name("mosquitto_passwd")
        return str(beside) if beside.exists() else shutil.which("mosquitto_passwd") or "mosquitto_passwd"

    def _wait_until_listening(self) -> None:
        """Mosquitto says `mosquitto version … running` once its listener is open; wait for that line."""
        for line in self.process.stdout:
            self.log.append(line)
            if " running" in line:
                return
        raise RuntimeError("Mosquitto did not start:\n" + "".join(self.log))


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on now; the broker binds it a moment later."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
