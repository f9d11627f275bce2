"""`server --headless`, `send` and `export` as a user runs them: real processes, real files."""

import os
import signal
import socket
import time

from models.reading import Reading
from models.storage import open_storage
from tests.support import ROOT, LineClient, ServerProcess, run_main, stored_rows

GOOD = {"capteur_id": "capteur_1", "temperature": 23.5}
REFUSED = "is the database being exported (or its journal): choose another file"


def test_listens_stores_and_stops_cleanly_on_sigterm(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    with LineClient(server.address) as sensor:
        sensor.send(*({**GOOD, "temperature": i} for i in range(100)))
    code, stdout, stderr = server.stop(signal.SIGTERM)
    assert code == 0, stderr
    assert "stopped: 100 readings stored, 0 rejected" in stdout
    assert len(stored_rows(tmp_path / "m.db")) == 100


def test_sigint_commits_and_exits_zero(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    with LineClient(server.address) as sensor:
        sensor.send(GOOD)
    assert server.stop(signal.SIGINT)[0] == 0
    assert len(stored_rows(tmp_path / "m.db")) == 1


def test_what_was_acked_survives_sigkill(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    with LineClient(server.address) as sensor:
        sensor.send(*({**GOOD, "temperature": i, "seq": i} for i in range(2000)))
        assert [sensor.answer() for _ in range(2000)][-1] == {"ack": 1999}
        server.stop(signal.SIGKILL)
    assert sorted(row[1] for row in stored_rows(tmp_path / "m.db")) == list(range(2000))


def test_the_default_database_is_in_the_data_folder(private_data_dir):
    server = ServerProcess()
    server.stop()
    assert (private_data_dir / "mesures.db").is_file()


def test_a_port_in_use_is_one_sentence_and_exit_code_2(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_main("server", "--headless", "--port", str(taken.getsockname()[1]), "--db", str(tmp_path / "m.db"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("is already in use on 127.0.0.1: stop the program using it or choose another port")
    assert "Traceback" not in result.stderr


def test_start_up_errors_are_one_sentence(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database " * 100)
    for arguments, sentence in [
        (["--db", str(tmp_path / "missing" / "m.db")], "does not exist: create it or choose another file"),
        (["--db", str(tmp_path / "notes.txt")], "is not a SQLite database: choose another file"),
        (["--text-file", str(tmp_path / "missing" / "d.txt")], "does not exist: create it or choose another file"),
        (["--text-file", str(tmp_path / "d.txt"), "--keep-days", "3"], "a text file keeps every reading"),
    ]:
        result = run_main("server", "--headless", "--port", "0", *arguments)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and sentence in result.stderr


def test_keep_days_deletes_what_is_older_and_the_status_counts_what_is_left(tmp_path):
    now = time.time()
    storage = open_storage(tmp_path / "m.db")
    old = [Reading("old", 20.0, now - 40 * 86_400 + i, i, True) for i in range(30)]
    assert storage.submit(old + [Reading("new", 21.0, now - 60 + i, i, True) for i in range(4)], now).wait(10)
    storage.close()
    server = ServerProcess("--db", str(tmp_path / "m.db"), "--keep-days", "30")
    server.wait_for_line("0 connections · 0 readings/s · 4 stored (0 since the start)")
    assert server.stop()[0] == 0
    assert [row[0] for row in stored_rows(tmp_path / "m.db")] == ["new"] * 4


def test_send_prints_the_ack_and_the_reading_is_stored(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    host, port = server.address
    sent = run_main("send", "--id", "capteur_7", "--temperature", "71.6", "--unit", "F", "--port", str(port))
    refused = run_main("send", "--id", "capteur_7", "--temperature", "-500", "--port", str(port))
    server.stop()
    assert (sent.returncode, sent.stdout) == (0, '{"ack": 1}\n')
    assert refused.returncode == 1
    assert refused.stdout == '{"error": "temperature is below absolute zero (-273.15 °C)", "seq": 1}\n'
    assert [row[:2] for row in stored_rows(tmp_path / "m.db")] == [("capteur_7", 22.0)]


def test_send_takes_a_decimal_comma_as_a_french_user_writes_it(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    sent = run_main("send", "--id", "capteur_7", "--temperature", "23,5", "--port", str(server.address[1]))
    wrong = run_main("send", "--id", "capteur_7", "--temperature", "23,5,1", "--port", str(server.address[1]))
    server.stop()
    assert (sent.returncode, sent.stdout) == (0, '{"ack": 1}\n')
    assert [row[:2] for row in stored_rows(tmp_path / "m.db")] == [("capteur_7", 23.5)]
    assert wrong.returncode == 2
    assert wrong.stderr.endswith("argument --temperature: '23,5,1' is not a number: write it as 23.5 or 23,5\n")


def test_send_with_no_server_says_so():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_main("send", "--id", "c", "--temperature", "1", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == f"thermolab: no server listens on 127.0.0.1:{port}: start one with `python main.py server`\n"


def test_export_writes_csv_with_a_progress_bar(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    with LineClient(server.address) as sensor:
        sensor.send({**GOOD, "timestamp": "2026-11-21T14:31:05.123Z", "seq": 1}, {"capteur_id": "other", "temperature": 1})
        assert sensor.answer() == {"ack": 1}
    server.stop()
    out = tmp_path / "out.csv"
    result = run_main("export", "--db", str(tmp_path / "m.db"), "--out", str(out), "--sensor", "capteur_1", "--progress")
    assert result.returncode == 0
    assert "100%  1 / 1" in result.stderr
    assert out.read_bytes() == b"capteur_id,temperature,timestamp\r\ncapteur_1,23.5,2026-11-21T14:31:05.123Z\r\n"


def test_every_command_has_help():
    for command in ["server", "send", "export", "bench"]:
        result = run_main(command, "--help")
        assert result.returncode == 0 and "usage: python main.py" in result.stdout


def test_send_gives_the_token_to_a_server_that_requires_one(tmp_path):
    server = ServerProcess("--db", str(tmp_path / "m.db"), "--token", "s3cret")
    port = str(server.address[1])
    sent = run_main("send", "--id", "c", "--temperature", "20", "--port", port, "--token", "s3cret")
    refused = run_main("send", "--id", "c", "--temperature", "20", "--port", port, "--token", "wrong")
    server.stop()
    assert (sent.returncode, sent.stdout) == (0, '{"ack": 1}\n')
    assert (refused.returncode, refused.stdout) == (1, '{"error": "unauthorized"}\n')
    assert len(stored_rows(tmp_path / "m.db")) == 1


def test_export_for_a_french_spreadsheet(tmp_path, monkeypatch):
    storage = open_storage(tmp_path / "m.db")
    storage.submit([Reading("capteur_1", -4.25, 1_795_271_465.123, None, True)], 1_795_271_465.123).wait(10)
    storage.close()
    monkeypatch.setenv("TZ", "Europe/Paris")
    result = run_main("export", "--db", str(tmp_path / "m.db"), "--out", str(tmp_path / "out.csv"), "--format", "excel-fr")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.csv").read_bytes() == (
        b"\xef\xbb\xbfcapteur_id;temperature;timestamp;heure_locale\r\n"
        b"capteur_1;-4,25;2026-11-21T14:31:05.123Z;21/11/2026 15:31:05\r\n"
    )
    standard = run_main("export", "--db", str(tmp_path / "m.db"))
    assert standard.stdout == "capteur_id,temperature,timestamp\ncapteur_1,-4.25,2026-11-21T14:31:05.123Z\n"
    monkeypatch.setenv("PYTHONIOENCODING", "latin-1")
    piped = run_main("export", "--db", str(tmp_path / "m.db"), "--format", "excel-fr")
    assert (piped.returncode, piped.stderr) == (0, "")
    assert piped.stdout.encode() == (tmp_path / "out.csv").read_bytes().replace(b"\r\n", b"\n")


def test_export_refuses_to_write_over_the_database_it_exports(tmp_path):
    database = tmp_path / "m.db"
    server = ServerProcess("--db", str(database))
    with LineClient(server.address) as sensor:
        sensor.send({**GOOD, "seq": 1})
        assert sensor.answer() == {"ack": 1}
    (tmp_path / "link.db").symlink_to(database)
    os.link(database, tmp_path / "hard.db")
    relative = os.path.relpath(database, ROOT)
    for out in [
        str(database),
        relative,
        str(tmp_path / "link.db"),
        str(tmp_path / "hard.db"),
        f"{database}-wal",
        f"{database}-shm",
    ]:
        result = run_main("export", "--db", str(database), "--out", out)
        assert result.returncode == 2, out
        assert result.stderr == f"thermolab: {out} {REFUSED} for the CSV\n"
    server.stop()
    assert len(stored_rows(database)) == 1


def test_export_through_a_link_to_the_database_refuses_the_journal_beside_its_target(tmp_path):
    """SQLite keeps the journal beside the file a link points to, not beside the link."""
    database = tmp_path / "real.db"
    server = ServerProcess("--db", str(database))
    with LineClient(server.address) as sensor:
        sensor.send(*({**GOOD, "temperature": i, "seq": i} for i in range(200)))
        assert [sensor.answer() for _ in range(200)][-1] == {"ack": 199}
    (tmp_path / "link.db").symlink_to("real.db")
    os.link(database, tmp_path / "hard.db")
    for db in ("link.db", "hard.db"):
        for out in (f"{database}-wal", f"{database}-shm", f"{database}-journal", str(tmp_path / "link.db-wal")):
            result = run_main("export", "--db", str(tmp_path / db), "--out", out)
            assert (result.returncode, result.stderr) == (2, f"thermolab: {out} {REFUSED} for the CSV\n"), db
    server.stop()
    assert len(stored_rows(database)) == 200
