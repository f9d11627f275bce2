"""Which rejected messages get a line of their own in the log: the first few from a host in a window
of time; the rest are counted and reported as one summary when the window ends.

Without it, a peer sending nothing but bad messages makes the server write each one up in the log
and the event log, 37 times the bytes it sent. Counted per host, not per connection: a flood of
one-shot clients comes from a new port every time.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

LOGGED_PER_WINDOW = 5
WINDOW = 10.0
# Past this many hosts in their window, the oldest window is summarised early: memory stays bounded
# however many addresses a flood comes from.
MAX_HOSTS = 1_000


@dataclass(frozen=True)
class Summary:
    host: str
    count: int
    """Rejected messages that were not logged one by one."""
    seconds: int
    """All of them came within this many seconds before the summary."""


@dataclass
class _Window:
    start: float
    logged: int = 0
    unlogged: int = 0


class RejectionLimiter:
    """Not thread-safe: its owner calls it under a lock."""

    def __init__(self, logged_per_window: int = LOGGED_PER_WINDOW, window: float = WINDOW, max_hosts: int = MAX_HOSTS):
        self._logged_per_window = logged_per_window
        self._window = window
        self._max_hosts = max_hosts
        # In the order the windows began, so those that have ended are at the front.
        self._windows: OrderedDict[str, _Window] = OrderedDict()

    def rejected(self, host: str, now: float) -> tuple[bool, list[Summary]]:
        """Whether to log this rejection on its own line, and the summaries to report before it."""
        summaries = self.due(now)
        window = self._windows.get(host)
        if window is None:
            if len(self._windows) >= self._max_hosts:
                summaries += _summary(*self._windows.popitem(last=False), now)
            window = self._windows[host] = _Window(now)
        if window.logged < self._logged_per_window:
            window.logged += 1
            return True, summaries
        window.unlogged += 1
        return False, summaries

    def due(self, now: float) -> list[Summary]:
        """The summaries of the windows that have ended; their hosts start afresh."""
        summaries = []
        while self._windows:
            host, window = next(iter(self._windows.items()))
            if now - window.start < self._window:
                break
            del self._windows[host]
            summaries += _summary(host, window, now)
        return summaries

    def flush(self, now: float) -> list[Summary]:
        """Every pending summary, whether its window has ended or not."""
        summaries = [summary for host, window in self._windows.items() for summary in _summary(host, window, now)]
        self._windows.clear()
        return summaries


def _summary(host: str, window: _Window, now: float) -> list[Summary]:
    return [Summary(host, window.unlogged, max(1, math.ceil(now - window.start)))] if window.unlogged else []
