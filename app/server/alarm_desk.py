"""The window's alarms: what the server's storage says of them, and what the user asks done to them.

The rules in force and the alarms raised now come from the running server (`storage.alarms`); the
events, acknowledgements and saved rules go through an `AlarmBook` of the desk's own, opened on the GUI
thread for each read or write and closed after (docs/architecture.md, "Alarms"). With no server running,
the same book on the settings' file. The chart's threshold lines are set again only when the rules change.

An acknowledgement is in the name of the session's user: `getpass.getuser()`, which reads LOGNAME, USER,
LNAME or USERNAME, then the account's name.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog

from models.alarms import AlarmBook, AlarmEvent, AlarmRule, AlarmWatch, UnknownAlarm, alarm_book_path
from models.storage import StorageError, is_database_url, open_alarm_book
from widgets.server.alarm_rules_dialog import AlarmRulesDialog
from widgets.server.alarms_panel import SHOWN_EVENTS
from widgets.server.server_window import ServerWindow

NOTIFY_KEY = "server_window/alarm_notifications"
NOTE_MS = 10_000


def session_user() -> str:
    """Who acknowledges: the name the system gives the session's user; `?` where it gives none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


class AlarmDesk(QObject):
    def __init__(
        self,
        window: ServerWindow,
        storage: Callable[[], tuple[Path, bool]],
        running: Callable[[], AlarmWatch | None],
        store: QSettings,
    ):
        """`storage`: the settings' storage file and whether it is a text file; `running`: the running
        server's `AlarmWatch`, or None."""
        super().__init__(window)
        self.window = window
        self.view = window.alarms
        self._storage = storage
        self._running = running
        self._rules: list[AlarmRule] | None = None
        """The rules the chart shows."""
        self._followed: list[AlarmRule] | None = None
        """The running server's rules at the last look."""
        self.user = session_user()
        self.view.set_user(self.user)
        self.view.set_notifications(store.value(NOTIFY_KEY, True, bool))
        self.view.notifications_changed.connect(lambda enabled: store.setValue(NOTIFY_KEY, enabled))
        self.view.rules_requested.connect(self.edit_rules)
        self.view.acknowledge_requested.connect(self.acknowledge)
        self.view.export_requested.connect(self.export)

    def changed(self, changes: list[AlarmEvent]) -> None:
        """Alarms raised or cleared (the session's `alarms` signal)."""
        self.refresh()
        if any(event.active for event in changes):
            self.view.bring_forward()
        self.view.notifier.tell(changes)

    def follow_rules(self, *_) -> None:
        """Twice a second, with the panels: rules another program saved (`alarms add`) show on the chart
        once the server follows them. Only a change of the server's rules counts: rules this window just
        saved show at once, before the server's next tick."""
        watch = self._running()
        if watch is not None and (rules := watch.rules()) != self._followed:
            self._followed = rules
            self._show_rules(rules)

    def refresh(self) -> None:
        """Everything again from the book: after a start or a stop, a change, an acknowledgement, a save.
        The alarms raised now are the running server's, which may have raised one it has not stored."""
        try:
            with self._book(create=False) as book:
                if book is None:
                    self.view.show_alarms([], [])
                    self._show_rules([])
                    return
                events = book.events(limit=SHOWN_EVENTS)
                active = book.active()
                rules = book.rules()
        except (StorageError, sqlite3.Error) as error:
            self.window.statusBar().showMessage(str(error), NOTE_MS)
            return
        watch = self._running()
        if watch is not None:
            active = watch.active()
        shown = {event.id for event in events}
        self.view.show_alarms(active, events + [event for event in active if event.id not in shown])
        self._show_rules(rules)

    def acknowledge(self, event_ids: list[int]) -> None:
        try:
            with self._book(create=True) as book:
                for event_id in event_ids:
                    book.acknowledge(event_id, self.user, time.time())
        except (StorageError, sqlite3.Error, UnknownAlarm) as error:
            self.window.show_problem(str(error))
        self.refresh()

    def edit_rules(self, sensor: str | None) -> None:
        """The dialog of a sensor's rules, or of the default for all; window-modal, the server goes on."""
        try:
            with self._book(create=True) as book:
                rules = book.rules()
        except (StorageError, sqlite3.Error) as error:
            self.window.show_problem(str(error))
            return
        dialog = AlarmRulesDialog(sensor, rules, lambda chosen: self._save_rules(sensor, chosen), self.window)
        dialog.accepted.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export alarm events"), "thermolab-alarms.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Every event as CSV, written beside `path` first: a failure leaves a file already there as it was."""
        part = path.with_name(path.name + ".part")
        try:
            with self._book(create=True) as book, open(part, "w", newline="", encoding="utf-8") as out:
                written = book.export_csv(out)
            os.replace(part, path)
        except (StorageError, sqlite3.Error, OSError) as error:
            part.unlink(missing_ok=True)
            self.window.show_problem(self.tr("Could not export the alarm events to {0}: {1}").format(path, error))
            return
        self.window.statusBar().showMessage(self.tr("%n alarm event(s) written to {0}", "", written).format(path), NOTE_MS)

    def _save_rules(self, sensor: str | None, rules: list[AlarmRule]) -> None:
        """What the dialog's OK does; InvalidRule and StorageError go back to the dialog, which says them."""
        try:
            with self._book(create=True) as book:
                book.save_rules(sensor, rules)
        except sqlite3.Error as error:
            raise StorageError(str(error)) from None

    def _show_rules(self, rules: list[AlarmRule]) -> None:
        if rules != self._rules:
            self._rules = rules
            self.view.show_rules(rules)

    @contextlib.contextmanager
    def _book(self, create: bool) -> Iterator[AlarmBook | None]:
        """`create` False: None when the storage has no alarm book yet (nothing was stored there)."""
        path, text_file = self._storage()
        if not create and not is_database_url(path) and not alarm_book_path(path, text_file).is_file():
            yield None
            return
        book = open_alarm_book(path, text_file)
        try:
            yield book
        finally:
            book.close()
