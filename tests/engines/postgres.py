"""A PostgreSQL server of the test session's own: `initdb` into a temporary folder, `pg_ctl start`
on a free port of 127.0.0.1, its socket in that folder, stopped and deleted at the end.

`initdb` refuses to run as root, and CI runs as root: there the server runs as the `postgres`
system user (`runuser -u postgres --`), in a folder that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from tests.engines import START_TIMEOUT, free_port, missing

PACKAGE = "postgresql"
SUPERUSER = "thermolab"
PASSWORD = "pg-test-secret"
"""The superuser's password over TCP; tests of a wrong password use another."""


def postgres_bin() -> Path | None:
    """The newest installed server's binaries (Debian keeps them out of PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(Path(path).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PostgresServer:
    """`with PostgresServer() as server:` a running server; `server.new_database()` gives a fresh URL.

    Clients reach it over TCP with a password (scram-sha-256), as they would reach a shared server.
    """

    def __init__(self):
        self.port = 0
        self.folder: Path | None = None
        self.running = False

    def __enter__(self) -> PostgresServer:
        bin_dir = postgres_bin()
        if bin_dir is None:
            missing("PostgreSQL", PACKAGE)
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="thermolab-pg-"))
        self._as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_owner:
            shutil.chown(self.folder, "postgres", "postgres")
        self._initdb()
        self.port = free_port()
        self.start()
        return self

    def __exit__(self, *_) -> None:
        try:
            if self.running:
                self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = PASSWORD) -> str:
        secret = f":{password}" if password is not None else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """Create an empty database and return its URL, password included."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.psql(f"CREATE DATABASE {name}")
        return self.url(name)

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL as the superuser through the server's own socket; returns what psql printed."""
        done = subprocess.run(
            [str(self.bin_dir / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-h", str(self.folder), "-p", str(self.port), "-U", SUPERUSER, "-d", database, "-c", sql],
            capture_output=True, text=True, timeout=START_TIMEOUT, check=True,
        )  # fmt: skip
        return done.stdout

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg_ctl("start", "-w", "-l", str(self.folder / "server.log"), "-o", options)
        self.running = True

    def stop(self) -> None:
        """Stop at once, as a crash or an administrator's `pg_ctl stop -m immediate` would."""
        self._pg_ctl("stop", "-m", "immediate")
        self.running = False

    def restart(self) -> None:
        self.stop()
        self.start()

    def _initdb(self) -> None:
        password_file = self.folder / "password"
        password_file.write_text(PASSWORD + "\n")
        if self._as_owner:
            shutil.chown(password_file, "postgres", "postgres")
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={password_file}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def _pg_ctl(self, *arguments: str) -> None:
        self._run("pg_ctl", "-D", str(self.data), *arguments)

    def _run(self, program: str, *arguments: str) -> None:
        done = subprocess.run(
            [*self._as_owner, str(self.bin_dir / program), *arguments],
            capture_output=True, text=True, timeout=START_TIMEOUT, cwd=self.folder,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed:\n{done.stdout}{done.stderr}")
