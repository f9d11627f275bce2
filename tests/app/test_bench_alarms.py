"""`bench alarms` as a user runs it: both servers measured in turns, with their ratio and the evaluation alone."""

import re

import pytest

from tests.support import run_main


@pytest.mark.slow
def test_the_figures_with_rules_come_beside_those_without_and_their_ratio():
    small = ["--rules", "10", "--connections", "2", "--readings", "200", "--rate", "2000", "--seconds", "0.5", "--rounds", "2"]
    result = run_main("bench", "alarms", *small, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("10 alarm rules against none, 2 connections, 2 rounds each\n")
    ratios = re.findall(r"^  with / without: [\d.]+ \(rounds: [\d.]+ [\d.]+\)$", result.stdout, re.M)
    assert len(ratios) == 2
    assert re.search(
        r"^evaluation alone: [\d.]+ µs per reading, [\d.]+% of the server's CPU per reading without rules$", result.stdout, re.M
    )
