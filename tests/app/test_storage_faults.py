"""Storage faults made for real under `server --headless`: a full disk, a file deleted or replaced,
another process holding the database's lock. Whatever happens, an ack means the reading is in the
file a user sees, and the server goes on once the fault is gone."""

from __future__ import annotations

import csv
import logging
import signal
import sqlite3
import subprocess
import sys

import pytest

from models.reading import parse_timestamp
from tests.small_disk import KINDS, SmallDisk
from tests.support import TIMEOUT, LineClient, ServerProcess, running_server, stored_rows

STORES = {"sqlite": ("--db", "m.db"), "text file": ("--text-file", "donnees.txt")}


def stamped(count: int, first: int = 0) -> list[dict]:
    """Readings the sensor stamped, each with its seq: resending one can never store it twice."""
    return [
        {"capteur_id": "c", "temperature": 20.5, "timestamp": 1_790_000_000 + i, "seq": i} for i in range(first, first + count)
    ]


def exchange(sensor: LineClient, readings: list[dict]) -> tuple[set[int], set[int]]:
    """Send, then read one answer per reading: the seqs acked and the seqs refused."""
    sensor.send(*readings)
    acked, refused = set(), set()
    for _ in readings:
        answer = sensor.answer()
        if "ack" in answer:
            acked.add(answer["ack"])
        else:
            assert answer["error"].startswith("storage failed: "), answer
            refused.add(answer["seq"])
    return acked, refused


def stored_seqs(path, text_file: bool) -> list[int]:
    """The stamped readings in the file, one entry per row or line, as a user reading it finds them."""
    if text_file:
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        assert all(len(row) == 3 for row in rows), rows
        times = [parse_timestamp(row[2]) for row in rows]
    else:
        times = [row[2] for row in stored_rows(path)]
    return sorted(round(time) - 1_790_000_000 for time in times)


@pytest.fixture(params=KINDS)
def disk(request, tmp_path):
    disk = SmallDisk.make(tmp_path / "disk", request.param)
    if disk is None:
        pytest.skip("mounting a tmpfs needs root; the file-size limit variant covers this machine")
    yield disk
    disk.remove()


@pytest.mark.parametrize("store", STORES)
def test_a_full_disk_refuses_readings_and_storing_resumes_when_space_returns(disk, store):
    option, name = STORES[store]
    path = disk.folder / name
    server = ServerProcess(option, str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        disk.fill(server.process.pid)
        acked_while_full, refused = exchange(sensor, stamped(300, 5))
        assert refused, "the disk never filled"
        assert stored_seqs(path, store == "text file") == sorted(set(range(5)) | acked_while_full)
        disk.free()
        _, refused_after = exchange(sensor, stamped(300, 5))
    code, _, stderr = server.stop()
    assert (refused_after, code) == (set(), 0)
    assert stored_seqs(path, store == "text file") == list(range(305))
    assert stderr.count("storage failed: ") == stderr.count("storage works again") == 1, stderr


@pytest.mark.parametrize("store", STORES)
def test_a_file_deleted_under_the_server_is_created_again_and_said_once(tmp_path, store):
    option, name = STORES[store]
    path = tmp_path / name
    server = ServerProcess(option, str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        path.unlink()
        acked, refused = exchange(sensor, stamped(20, 5))
        assert acked | refused == set(range(5, 25))
        resent, _ = exchange(sensor, stamped(20, 5))
    code, _, stderr = server.stop()
    assert (resent, code) == (set(range(5, 25)), 0)
    assert stored_seqs(path, store == "text file") == list(range(5, 25))
    assert stderr.count(f"{path} was deleted while the server ran") == 1, stderr


def test_a_database_replaced_under_the_server_gets_the_next_readings(tmp_path):
    path, backup = tmp_path / "m.db", tmp_path / "backup.db"
    server = ServerProcess("--db", str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        with sqlite3.connect(backup) as other:
            other.execute("CREATE TABLE mesures (capteur_id TEXT NOT NULL, temperature REAL NOT NULL, timestamp REAL NOT NULL)")
        backup.replace(path)
        acked, refused = exchange(sensor, stamped(20, 5))
        resent, _ = exchange(sensor, stamped(20, 5))
    code, _, stderr = server.stop()
    assert (acked | refused, resent, code) == (set(range(5, 25)), set(range(5, 25)), 0)
    assert stored_seqs(path, text_file=False) == list(range(5, 25))
    assert stderr.count(f"{path} was replaced while the server ran") == 1, stderr


def test_a_journal_deleted_under_the_server_is_noticed_and_no_ack_is_lost(tmp_path):
    """Deleting the -wal and -shm files leaves the server committing into a journal nobody can see."""
    path = tmp_path / "w.db"
    server = ServerProcess("--db", str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(50)) == (set(range(50)), set())
        for journal in ("-wal", "-shm"):
            tmp_path.joinpath(f"w.db{journal}").unlink()
        acked, refused = exchange(sensor, stamped(50, 50))
        assert refused, "the deleted journal went unnoticed"
        resent, _ = exchange(sensor, [reading for reading in stamped(50, 50) if reading["seq"] in refused])
    code, _, stderr = server.stop(signal.SIGKILL)
    assert acked | resent == set(range(50, 100))
    assert stored_seqs(path, text_file=False) == list(range(100))
    assert stderr.count(f"{path}-wal was deleted while the server ran") == 1, stderr


def test_a_refusal_tells_the_sender_why_in_fixed_words_and_the_console_where(tmp_path):
    """The path of the server's file is for its user, not for any peer that sends a reading."""
    path, junk = tmp_path / "m.db", tmp_path / "junk"
    server = ServerProcess("--db", str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        junk.write_bytes(b"not a database " * 1000)
        junk.replace(path)
        reasons = set()
        for first in (5, 25):
            sensor.send(*stamped(20, first))
            reasons |= {sensor.answer()["error"] for _ in range(20)}
    code, _, stderr = server.stop()
    assert reasons == {
        "storage failed: the file was replaced while the server ran",
        "storage failed: the database cannot be opened",
    }
    assert code == 0 and f"cannot be opened ({path} is not a SQLite database: choose another file)" in stderr, stderr


def test_another_process_holding_the_lock_gets_errors_then_storing_resumes(tmp_path):
    path = tmp_path / "m.db"
    server = ServerProcess("--db", str(path))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with LineClient(server.address) as sensor:
            assert exchange(sensor, stamped(3)) == (set(), set(range(3)))
            holder.communicate("\n", timeout=TIMEOUT)
            assert exchange(sensor, stamped(3)) == (set(range(3)), set())
    finally:
        holder.kill()
    code, _, stderr = server.stop()
    assert code == 0
    assert stored_seqs(path, text_file=False) == [0, 1, 2]
    assert "storage failed: database is locked" in stderr and "storage works again" in stderr


HOLD_THE_LOCK = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
"""


def test_readings_are_refused_while_a_deleted_file_cannot_be_created_again(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "donnees.txt"
    server = ServerProcess("--text-file", str(path))
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        path.unlink()
        folder.rmdir()
        assert exchange(sensor, stamped(20, 5)) == (set(), set(range(5, 25)))
        folder.mkdir()
        assert exchange(sensor, stamped(20, 5)) == (set(range(5, 25)), set())
    code, _, stderr = server.stop()
    assert code == 0
    assert stored_seqs(path, text_file=True) == list(range(5, 25))
    assert stderr.count(f"{path} was deleted while the server ran and cannot be created again") == 1, stderr
    assert "storage works again" in stderr


def test_the_window_event_log_gets_the_same_one_sentence(tmp_path):
    path = tmp_path / "m.db"
    with running_server(path) as server, LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(2)) == ({0, 1}, set())
        path.unlink()
        exchange(sensor, stamped(2, 2))
        assert exchange(sensor, stamped(2, 2)) == ({2, 3}, set())
        errors = [event.message for event in server.monitor.events()[1] if event.level == logging.ERROR]
    assert errors == [f"{path} was deleted while the server ran: a new, empty file takes its place"]
