"""`bench ingest` as a user runs it: one-shot clients against Thermolab and the plain yardstick."""

import re

import psycopg
import pytest

from tests.support import run_main

SMALL = ["--connections", "2", "--readings", "10", "--acked-connections", "1", "--acked-readings", "10"]


@pytest.mark.slow
def test_one_shot_figures_come_with_the_plain_servers_and_their_ratio():
    result = run_main("bench", "ingest", *SMALL, "--one-shot", "40", "--queued", "40", "--rounds", "2", timeout=120)
    assert result.returncode == 0, result.stderr
    rows = re.findall(
        r"^(one-shot clients.*?)\s+([\d,]+) stored/s .*  (Thermolab|plain server), accept queue overflows: \d+$",
        result.stdout,
        re.M,
    )
    assert [name for _, _, name in rows] == ["Thermolab", "plain server"] * 3
    assert all(int(rate.replace(",", "")) > 0 for _, rate, _ in rows)
    ratios = re.findall(r"^  Thermolab / plain server: [\d.]+ \(rounds: ([\d.]+) ([\d.]+)\)$", result.stdout, re.M)
    assert len(ratios) == 3


@pytest.mark.slow
def test_the_stream_into_postgresql_comes_beside_a_plain_copy_and_sqlite(postgres_url):
    result = run_main("bench", "ingest", "--db", postgres_url, "--connections", "2", "--readings", "10", timeout=120)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^plain COPY of the same 20 rows into mesures: +[\d,]+ rows/s +\(1\.000\)$", result.stdout, re.M)
    for engine in ("PostgreSQL", "SQLite"):
        pattern = rf"^stream, 2 connections x 10 readings, end to end, into {engine}: +[\d,]+ readings/s \([\d.]+\)$"
        assert re.search(pattern, result.stdout, re.M), result.stdout
    assert "pg-test-secret" not in result.stdout + result.stderr
    with psycopg.connect(postgres_url) as connection:
        schemas = connection.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'thermolab_bench%'").fetchall()
        assert schemas == [] and connection.execute("SELECT to_regclass('mesures')").fetchone() == (None,)
