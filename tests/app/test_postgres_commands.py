"""`server --headless` and `export` with `--db postgresql://...`, against a real PostgreSQL server: the
same acks and the same CSV as with SQLite, one sentence for each fault, and never the password."""

from __future__ import annotations

import psycopg

from tests.app.test_storage_faults import exchange, stamped
from tests.engines.postgres import PASSWORD
from tests.support import LineClient, ServerProcess, run_main


def stored_seqs(url: str) -> list[int]:
    with psycopg.connect(url) as connection:
        rows = connection.execute('SELECT extract(epoch FROM "timestamp")::float8 FROM mesures ORDER BY 1').fetchall()
    return [round(row[0]) - 1_790_000_000 for row in rows]


def test_a_restart_of_the_database_refuses_readings_until_it_is_back_and_no_password_is_printed(postgres_server, postgres_url):
    server = ServerProcess("--db", postgres_url)
    masked = postgres_url.replace(f":{PASSWORD}@", ":****@")
    assert server.printed == [f"database: {masked}\n", "alarms: 0 rules, 0 raised\n"]
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(5)) == (set(range(5)), set())
        postgres_server.stop()
        try:
            assert exchange(sensor, stamped(20, 5)) == (set(), set(range(5, 25))), "no ack while the database is away"
        finally:
            postgres_server.start()
        acked, refused = exchange(sensor, stamped(20, 5))
    code, stdout, stderr = server.stop()
    assert (acked, refused, code) == (set(range(5, 25)), set(), 0)
    assert stored_seqs(postgres_url) == list(range(25))
    assert stderr.count("storage failed: ") == stderr.count("storage works again") == 1, stderr
    assert f"storage works again: readings are stored in {masked}" in stderr
    assert PASSWORD not in stdout + stderr + "".join(server.printed)


def test_export_reads_a_postgresql_database(postgres_url, tmp_path):
    server = ServerProcess("--db", postgres_url)
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(3)) == ({0, 1, 2}, set())
    server.stop()
    done = run_main("export", "--db", postgres_url, "--since", "1790000001")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "capteur_id,temperature,timestamp",
        "c,20.5,2026-09-21T14:13:21.000Z",
        "c,20.5,2026-09-21T14:13:22.000Z",
    ]


def test_a_database_that_cannot_be_had_is_one_sentence_for_each_command(postgres_server):
    wrong = postgres_server.url(password="wrong-secret")
    for command in (["server", "--headless", "--port", "0"], ["export"]):
        done = run_main(*command, "--db", wrong)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert "refused the password for postgresql://thermolab:****@127.0.0.1:" in done.stderr
        assert "wrong-secret" not in done.stdout + done.stderr


def test_a_service_name_and_a_password_file_stand_for_the_whole_url(postgres_server, postgres_url, tmp_path, monkeypatch):
    database = postgres_url.rsplit("/", 1)[1]
    services, passwords = tmp_path / "pg_service.conf", tmp_path / "pgpass"
    services.write_text(f"[lab]\nhost=127.0.0.1\nport={postgres_server.port}\ndbname={database}\nuser=thermolab\n")
    passwords.write_text(f"127.0.0.1:{postgres_server.port}:{database}:thermolab:{PASSWORD}\n")
    passwords.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(passwords))
    server = ServerProcess("--db", "postgresql:///?service=lab")
    assert server.printed[0] == "database: postgresql:///?service=lab\n"
    with LineClient(server.address) as sensor:
        assert exchange(sensor, stamped(3)) == ({0, 1, 2}, set())
    code, stdout, stderr = server.stop()
    assert code == 0 and PASSWORD not in stdout + stderr
    assert stored_seqs(postgres_url) == [0, 1, 2]


def test_a_url_where_a_file_goes_is_refused_without_its_password():
    url = "postgresql://ann:s3cret@db.lab/thermo"
    for command in (
        ["server", "--headless", "--text-file", url],
        ["alarms", "list", "--text-file", url],
    ):
        done = run_main(*command)
        assert done.returncode == 2
        assert "this option takes a file; a PostgreSQL URL goes with --db of server, export or alarms" in done.stderr
        assert "s3cret" not in done.stderr


def test_view_of_a_database_that_cannot_be_had_is_one_sentence(postgres_server):
    done = run_main("view", "--db", postgres_server.url(password="wrong-secret"))
    assert done.returncode == 2
    assert "refused the password for postgresql://thermolab:****@127.0.0.1:" in done.stderr
    assert "wrong-secret" not in done.stdout + done.stderr
