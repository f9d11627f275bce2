"""A burst of one-shot clients while the accepting thread is busy: the kernel queues every one of them.

A client the accept queue cannot take has its SYN dropped and tries again only a second later, so a
queue shorter than a burst of the exercise's clients costs each of the rest a second, not the server.
"""

import socket
from pathlib import Path

import pytest

from models.storage import open_storage
from network.collector.serveur_tcp import ServeurTCP
from tests.support import TIMEOUT, stored_rows

BURST = 3_000
SOMAXCONN = Path("/proc/sys/net/core/somaxconn")


@pytest.mark.skipif(
    not SOMAXCONN.is_file() or int(SOMAXCONN.read_text()) < BURST,
    reason=f"the system caps every accept queue below {BURST:,} connections (Linux: net.core.somaxconn)",
)
def test_a_burst_of_3000_one_shot_clients_is_queued_before_the_first_accept(tmp_path):
    storage = open_storage(tmp_path / "m.db", False)
    server = ServeurTCP(storage, port=0)
    # Listening but accepting none yet, as when the accepting thread is busy.
    server.listen()
    try:
        for i in range(BURST):
            with socket.create_connection(server.address, timeout=TIMEOUT) as client:
                client.sendall(b'{"capteur_id": "burst", "temperature": %d.5}' % i)
        server.start()
    finally:
        # Stopping takes every connection the kernel has already completed, then commits.
        server.stop()
        storage.close()
    assert [row[1] for row in stored_rows(tmp_path / "m.db")] == [i + 0.5 for i in range(BURST)]
