"""THERMOLAB_TOKEN gives the token without --token, which `ps` shows to every user of the machine; and
no token, right or wrong, reaches the server's output."""

import pytest

from app.cli import build_parser, main
from tests.support import ServerProcess, run_main, running_server, stored_rows

SEND = ("send", "--id", "c", "--temperature", "20")


@pytest.mark.parametrize(
    "command", [("server",), ("server", "--headless"), SEND, ("simulate",), ("client",)], ids=lambda c: " ".join(c)
)
def test_every_command_that_speaks_to_a_server_reads_the_token_from_the_environment(monkeypatch, command):
    monkeypatch.setenv("THERMOLAB_TOKEN", "s3cret")
    assert build_parser().parse_args(command).token == "s3cret"
    assert build_parser().parse_args([*command, "--token", "given"]).token == "given"


def test_the_headless_server_and_send_take_the_token_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("THERMOLAB_TOKEN", "s3cret")
    server = ServerProcess("--db", str(tmp_path / "m.db"))
    port = str(server.address[1])
    sent = run_main(*SEND, "--port", port)
    monkeypatch.setenv("THERMOLAB_TOKEN", "guess-123")
    refused = run_main(*SEND, "--port", port)
    _, stdout, stderr = server.stop()
    assert (sent.returncode, sent.stdout) == (0, '{"ack": 1}\n')
    assert (refused.returncode, refused.stdout) == (1, '{"error": "unauthorized"}\n')
    assert len(stored_rows(tmp_path / "m.db")) == 1
    assert "s3cret" not in stdout + stderr and "guess-123" not in stdout + stderr


def test_simulate_takes_the_token_from_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THERMOLAB_TOKEN", "s3cret")
    with running_server(tmp_path / "m.db", token="s3cret") as server:
        assert main(["simulate", "--sensors", "2", "--count", "5", "--rate", "100", "--port", str(server.address[1])]) == 0
    assert len(stored_rows(tmp_path / "m.db")) == 10
    assert "s3cret" not in "".join(capsys.readouterr())
