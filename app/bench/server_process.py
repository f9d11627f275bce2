"""A headless server in a child process, for the benchmarks that measure a client against it."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

MAIN = Path(__file__).resolve().parents[2] / "main.py"


@contextlib.contextmanager
def headless_server(database: Path, connections: int):
    """A headless server in a child process; yields the port it printed on its `listening on` line."""
    command = [sys.executable, str(MAIN), "server", "--headless", "--port", "0", "--db", str(database)]
    command += ["--max-connections", str(connections)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as server:
        try:
            for line in server.stdout:
                if line.startswith("listening on "):
                    yield int(line.rsplit(":", 1)[1])
                    return
            raise SystemExit("thermolab: the benchmark's server did not start: run `python main.py server --headless` to see why")
        finally:
            server.terminate()
            server.communicate()
