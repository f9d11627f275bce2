"""`bench follow --db postgresql://...` as a user runs it: a window following a collector's commits."""

import re

import psycopg
import pytest

from tests.support import run_main


@pytest.mark.slow
def test_following_postgresql_gives_the_delay_from_commit_and_leaves_nothing_behind(postgres_url):
    result = run_main("bench", "follow", "--db", postgres_url, "--seconds", "2", "--rate", "200", timeout=120)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^a look that finds nothing: [\d.]+ µs, one query; 4 looks a second$", result.stdout, re.M)
    delays = re.search(r"^commit to sensors table, (\d+) markers: median (\d+) ms", result.stdout, re.M)
    assert delays and int(delays.group(1)) > 0, result.stdout
    assert "pg-test-secret" not in result.stdout + result.stderr
    with psycopg.connect(postgres_url) as connection:
        schemas = connection.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'thermolab_follow%'").fetchall()
        assert schemas == []
