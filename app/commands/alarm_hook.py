"""`server --headless --on-alarm CMD`: the user's command, run once per alarm raised or cleared.

The command is split as a shell would split it (`shlex`) but runs without a shell, so nothing in an
event (a sensor's name is chosen by whoever sends readings) is ever read as shell syntax; the event is
in its environment (`environment()`, README). The commands run one at a time in a thread of their own,
each for at most `TIMEOUT` seconds, and at most `BACKLOG` events wait: the writer that raised them
never waits for a command, and a command slower than the alarms loses events, counted, instead of
holding memory without end. A failure is said once, and once more when the command works again.
"""

from __future__ import annotations

import os
import queue
import shlex
import subprocess
import threading
from collections.abc import Callable

from models.alarms import AlarmEvent
from models.csv_format import iso_utc

TIMEOUT = 30.0
BACKLOG = 100


def parse_command(text: str) -> list[str]:
    """The command's words; ValueError with one sentence for a line that cannot be split."""
    try:
        words = shlex.split(text)
    except ValueError as error:
        raise ValueError(f"--on-alarm cannot be read ({error}): check its quotes") from None
    if not words:
        raise ValueError("--on-alarm needs a command")
    return words


def environment(event: AlarmEvent) -> dict[str, str]:
    """The THERMOLAB_ALARM_* variables that describe one change."""
    return {
        "THERMOLAB_ALARM_ID": "" if event.id is None else str(event.id),
        "THERMOLAB_ALARM_STATE": event.state,
        "THERMOLAB_ALARM_SENSOR": event.sensor,
        "THERMOLAB_ALARM_KIND": str(event.kind),
        "THERMOLAB_ALARM_THRESHOLD": f"{event.threshold:g}",
        "THERMOLAB_ALARM_VALUE": f"{event.value:g}",
        "THERMOLAB_ALARM_TIME": iso_utc(event.changed_at),
        "THERMOLAB_ALARM_RAISED_AT": iso_utc(event.raised_at),
        "THERMOLAB_ALARM_RULE": str(event.rule_id),
        "THERMOLAB_ALARM_MESSAGE": event.sentence(),
    }


class AlarmHook:
    def __init__(self, words: list[str], say: Callable[[str], None], timeout: float = TIMEOUT, backlog: int = BACKLOG):
        """`say`: where a failure is told (the terminal's stderr)."""
        self.words = words
        self.timeout = timeout
        self.failures = 0
        """Events whose command failed, since the start."""
        self.skipped = 0
        """Events whose command never ran: too many waiting, or the server stopping."""
        self._streak = 0
        self._say = say
        self._queue: queue.Queue[AlarmEvent | None] = queue.Queue(backlog)
        self._thread = threading.Thread(target=self._run, name="alarm command")

    @property
    def name(self) -> str:
        return self.words[0]

    def start(self) -> None:
        self._thread.start()

    def submit(self, event: AlarmEvent) -> None:
        """Never blocks: with `BACKLOG` events already waiting, this one is skipped and counted."""
        try:
            self._queue.put_nowait(event)
        except queue.Full:
            self.skipped += 1
            if self.skipped == 1:
                self._say(f"the alarm command {self.name} is too slow: events are skipped (counted at the end)")

    def stop(self) -> None:
        """Let the command running finish (within its timeout); the events still waiting are skipped."""
        while True:
            try:
                if self._queue.get_nowait() is not None:
                    self.skipped += 1
            except queue.Empty:
                break
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (event := self._queue.get()) is not None:
            self._call(event)

    def _call(self, event: AlarmEvent) -> None:
        try:
            result = subprocess.run(
                self.words,
                env={**os.environ, **environment(event)},
                stdin=subprocess.DEVNULL,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self._failed(f"was stopped after {self.timeout:g} s")
        except OSError as error:
            self._failed(f"cannot be run ({error.strerror or error})")
        except Exception as error:
            # Whatever goes wrong with the user's command, the alarms go on.
            self._failed(f"failed ({type(error).__name__}: {error})")
        else:
            if result.returncode != 0:
                self._failed(f"exited with code {result.returncode}")
            elif self._streak:
                self._say(f"the alarm command {self.name} works again after {self._streak:,} failures")
                self._streak = 0

    def _failed(self, how: str) -> None:
        self.failures += 1
        self._streak += 1
        if self._streak == 1:
            self._say(f"the alarm command {self.name} {how}; the next failures are not told until it works again")
