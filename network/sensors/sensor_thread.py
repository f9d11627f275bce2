"""`SensorThread`: the thread controls that `CapteurTCP` and `CityCapteur` share.

A sensor runs in one daemon thread, once: `start`, `pause`, `resume`, `stop`, `join`. Other threads
only set flags; each kind says how its thread is made to see them at once (`_wake`), what the thread
runs (`_run`) and what it needs opened before it starts (`_open`, undone by `_close`).
"""

from __future__ import annotations

import threading

from models.capteur import Capteur, CapteurError
from models.value_models import ValueModel


class SensorThread(Capteur):
    """A `Capteur` that measures and sends in its own thread; every control may be called from any thread."""

    STOP_WAIT = 1.0
    """How long `stop()` waits for the thread to end."""

    def __init__(self, capteur_id: str, model: ValueModel | str, seed: int | None = None):
        super().__init__(capteur_id, model, seed)
        self._paused = False
        self.stop_requested = False
        self._thread: threading.Thread | None = None

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the sensor's thread; a sensor runs once (make a new one to start again).

        CapteurError when the system allows no more threads.
        """
        if self._thread is not None:
            raise RuntimeError(f"{self.capteur_id} was already started")
        self._open()
        self._thread = threading.Thread(target=self._run, name=f"capteur {self.capteur_id}", daemon=True)
        try:
            self._thread.start()
        except RuntimeError:
            self._thread = None
            self._close()
            raise CapteurError(f"no thread could be started for {self.capteur_id}: run fewer sensors") from None

    def pause(self) -> None:
        """Stop measuring; what was measured is still delivered."""
        self._paused = True
        self._wake()

    def resume(self) -> None:
        """Measure again from now on; the readings a pause skipped are not made up."""
        self._paused = False
        self._wake()

    def stop(self, wait: bool = True) -> None:
        """End now, connected or not; with `wait`, wait STOP_WAIT seconds at most for the thread."""
        self.stop_requested = True
        self._wake()
        if wait:
            self.join(self.STOP_WAIT)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True once it has (or was never started)."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _open(self) -> None:
        """Open what the thread needs before it starts; nothing unless a kind needs it."""

    def _close(self) -> None:
        """Close what `_open()` opened."""

    def _run(self) -> None:
        raise NotImplementedError

    def _wake(self) -> None:
        """Make the thread see a request now (the request's flag is set before this call)."""
        raise NotImplementedError
