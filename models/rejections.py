"""Which rejected messages get a line of their own in the log: the first few from a host in a window
of time, and no more than a few dozen from all hosts together; the rest are counted and reported as
one summary when the window ends.

Without it, a peer sending nothing but bad messages makes the server write each one up in the log
and the event log, 37 times the bytes it sent. Counted per host, not per connection: a flood of
one-shot clients comes from a new port every time. A peer that changes its address as well (every
127.x.y.z is this machine) meets the budget of all hosts; an IPv6 peer is counted by its /64, the
block one host is usually given.
"""

from __future__ import annotations

import ipaddress
import math
from collections import OrderedDict
from dataclasses import dataclass, field

LOGGED_PER_WINDOW = 5
LOGGED_PER_WINDOW_ALL_HOSTS = 50
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
    hosts: int = 1
    """How many hosts they came from; `host` is "" when more than one."""


@dataclass
class _Window:
    start: float
    logged: int = 0
    unlogged: int = 0
    hosts: set[str] = field(default_factory=set)
    """For the window of all hosts: those whose rejections it counted unlogged."""


class RejectionLimiter:
    """Not thread-safe: its owner calls it under a lock."""

    def __init__(
        self,
        logged_per_window: int = LOGGED_PER_WINDOW,
        window: float = WINDOW,
        max_hosts: int = MAX_HOSTS,
        logged_per_window_all_hosts: int = LOGGED_PER_WINDOW_ALL_HOSTS,
    ):
        self._logged_per_window = logged_per_window
        self._logged_per_window_all_hosts = logged_per_window_all_hosts
        self._window = window
        self._max_hosts = max_hosts
        # In the order the windows began, so those that have ended are at the front.
        self._windows: OrderedDict[str, _Window] = OrderedDict()
        self._all_hosts: _Window | None = None

    def rejected(self, host: str, now: float) -> tuple[bool, list[Summary]]:
        """Whether to log this rejection on its own line, and the summaries to report before it."""
        summaries = self.due(now)
        host = host_key(host)
        window = self._windows.get(host)
        if window is not None and window.logged >= self._logged_per_window:
            window.unlogged += 1
            return False, summaries
        if self._all_hosts is None:
            self._all_hosts = _Window(now)
        if self._all_hosts.logged >= self._logged_per_window_all_hosts:
            self._all_hosts.unlogged += 1
            self._all_hosts.hosts.add(host)
            return False, summaries
        if window is None:
            if len(self._windows) >= self._max_hosts:
                summaries += _summary(*self._windows.popitem(last=False), now)
            window = self._windows[host] = _Window(now)
        window.logged += 1
        self._all_hosts.logged += 1
        return True, summaries

    def due(self, now: float) -> list[Summary]:
        """The summaries of the windows that have ended; their hosts start afresh."""
        summaries = []
        while self._windows:
            host, window = next(iter(self._windows.items()))
            if now - window.start < self._window:
                break
            del self._windows[host]
            summaries += _summary(host, window, now)
        if self._all_hosts is not None and now - self._all_hosts.start >= self._window:
            summaries += _all_hosts_summary(self._all_hosts, now)
            self._all_hosts = None
        return summaries

    def flush(self, now: float) -> list[Summary]:
        """Every pending summary, whether its window has ended or not."""
        summaries = [summary for host, window in self._windows.items() for summary in _summary(host, window, now)]
        self._windows.clear()
        if self._all_hosts is not None:
            summaries += _all_hosts_summary(self._all_hosts, now)
            self._all_hosts = None
        return summaries


def host_key(host: str) -> str:
    """The host as rejections are counted: an IPv6 address by its /64, anything else as it is."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host
    if address.version == 4:
        return host
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.IPv6Network((address, 64), strict=False))


def _summary(host: str, window: _Window, now: float) -> list[Summary]:
    return [Summary(host, window.unlogged, _seconds(window, now))] if window.unlogged else []


def _all_hosts_summary(window: _Window, now: float) -> list[Summary]:
    if len(window.hosts) == 1:
        return _summary(next(iter(window.hosts)), window, now)
    return [Summary("", window.unlogged, _seconds(window, now), len(window.hosts))] if window.unlogged else []


def _seconds(window: _Window, now: float) -> int:
    return max(1, math.ceil(now - window.start))
