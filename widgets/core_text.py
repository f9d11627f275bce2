"""Sentences of the Qt-free core (event log, errors), shown in the window's language.

models/ and network/ import nothing of Qt, and their sentences also go to logs, to the command line
and over the wire, where they stay English. A window passes each sentence it shows through
`translated`: a sentence that fits a template below comes back as the template's translation with
the same values filled in, themselves translated when they are sentences too (the reason after
"rejected: ") and written as the language writes numbers when they are numbers (1 234,5). Any other
sentence, one already translated included, comes back as it was.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from widgets.locale_format import Numbers


class CoreText(QObject):
    """The templates whose translation depends on a count: lupdate gives Qt's plural forms to `tr`
    calls only. Same context as the other templates."""

    def more_rejected(self, count: str) -> str:
        return self.tr("%Ln more rejected messages in the last {0} s", "", int(count.replace(",", "")))

    def duplicates_merged(self, count: str) -> str:
        return self.tr("%Ln readings received again were already stored: each is kept once", "", int(count.replace(",", "")))


_PLURAL = CoreText()
PLURALS = {
    "{0} more rejected messages in the last {1} s": _PLURAL.more_rejected,
    "{0} readings received again were already stored: each is kept once": _PLURAL.duplicates_merged,
}
"""Templates whose translation depends on how many: their first value, the count, sets the form;
the others fill {0}, {1}... of that form."""

TEMPLATES = (
    # The server's event log (models/server_state.py, network/collector/serveur_tcp.py,
    # network/services/clock.py, echo.py).
    QT_TRANSLATE_NOOP("CoreText", "client connected"),
    QT_TRANSLATE_NOOP("CoreText", "client disconnected"),
    QT_TRANSLATE_NOOP("CoreText", "client disconnected ({0})"),
    QT_TRANSLATE_NOOP("CoreText", "idle for {0} s"),
    QT_TRANSLATE_NOOP("CoreText", "message not completed within {0} s"),
    QT_TRANSLATE_NOOP("CoreText", "server error: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "rejected: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "server started on {0}"),
    QT_TRANSLATE_NOOP("CoreText", "server stopped"),
    QT_TRANSLATE_NOOP("CoreText", "refused: server busy"),
    *PLURALS,
    # Always two hosts or more, so always more than one message: no plural forms needed.
    QT_TRANSLATE_NOOP("CoreText", "{0} more rejected messages from {1} hosts in the last {2} s"),
    QT_TRANSLATE_NOOP("CoreText", "refused: connection limit ({0}) reached"),
    QT_TRANSLATE_NOOP("CoreText", "time not sent: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "sent {0}"),
    QT_TRANSLATE_NOOP("CoreText", "echoed {0} bytes: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "storage failed: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "storage failed: {0} ({1})"),
    QT_TRANSLATE_NOOP("CoreText", "storage works again: readings are stored in {0}"),
    QT_TRANSLATE_NOOP("CoreText", "readings older than {0} days deleted: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "deleting readings older than {0} days failed: {1} ({2})"),
    QT_TRANSLATE_NOOP("CoreText", "{0} was deleted while the server ran"),
    QT_TRANSLATE_NOOP("CoreText", "{0} was replaced while the server ran"),
    QT_TRANSLATE_NOOP("CoreText", "{0} was deleted while the server ran: a new, empty file takes its place"),
    QT_TRANSLATE_NOOP("CoreText", "{0} was replaced while the server ran: the next readings go to the new file"),
    QT_TRANSLATE_NOOP(
        "CoreText", "{0} was deleted while the server ran and cannot be created again ({1}): readings are refused until it can"
    ),
    QT_TRANSLATE_NOOP(
        "CoreText", "{0} was replaced while the server ran and cannot be opened ({1}): readings are refused until it can"
    ),
    QT_TRANSLATE_NOOP("CoreText", "{0} was deleted while the server ran: the database is opened again, with a new journal"),
    QT_TRANSLATE_NOOP("CoreText", "{0} was replaced while the server ran: the database is opened again, with a new journal"),
    # A storage failure as a sender is told it (models/storage/): no path of the server's machine.
    QT_TRANSLATE_NOOP("CoreText", "the file"),
    QT_TRANSLATE_NOOP("CoreText", "the database's journal"),
    QT_TRANSLATE_NOOP("CoreText", "the file cannot be opened"),
    QT_TRANSLATE_NOOP("CoreText", "the database cannot be opened"),
    QT_TRANSLATE_NOOP("CoreText", "an unexpected error (the server's log says why)"),
    QT_TRANSLATE_NOOP("CoreText", "the database server cannot be reached"),
    QT_TRANSLATE_NOOP("CoreText", "the database refused the write (the server's log says why)"),
    # Why a message was refused (models/reading.py, network/collector/protocol.py): the wire's words.
    QT_TRANSLATE_NOOP("CoreText", "message too large"),
    QT_TRANSLATE_NOOP("CoreText", "unauthorized"),
    QT_TRANSLATE_NOOP("CoreText", "server busy"),
    QT_TRANSLATE_NOOP("CoreText", "invalid UTF-8 at byte {0}"),
    QT_TRANSLATE_NOOP("CoreText", "invalid JSON at byte {0}"),
    QT_TRANSLATE_NOOP("CoreText", "invalid JSON"),
    QT_TRANSLATE_NOOP("CoreText", "invalid UTF-8"),
    QT_TRANSLATE_NOOP("CoreText", "invalid JSON: nested too deeply"),
    QT_TRANSLATE_NOOP("CoreText", "message must be a JSON object"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must be a string"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must not be empty"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must be at most {1} characters"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is not valid Unicode (a lone surrogate)"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must not contain control characters"),
    QT_TRANSLATE_NOOP("CoreText", 'unit must be "C", "F" or "K"'),
    QT_TRANSLATE_NOOP("CoreText", "timestamp must be a number (Unix seconds) or an ISO 8601 string"),
    QT_TRANSLATE_NOOP("CoreText", "timestamp is not an ISO 8601 date"),
    QT_TRANSLATE_NOOP("CoreText", "timestamp is out of range (years 1 to 9999)"),
    QT_TRANSLATE_NOOP("CoreText", "seq must be an integer from 0 to {0}"),
    QT_TRANSLATE_NOOP("CoreText", "capteur_id is missing"),
    QT_TRANSLATE_NOOP("CoreText", "temperature is missing"),
    QT_TRANSLATE_NOOP("CoreText", "temperature must be a number"),
    QT_TRANSLATE_NOOP("CoreText", "temperature must be finite (not NaN or Infinity)"),
    QT_TRANSLATE_NOOP("CoreText", "temperature is below absolute zero (-273.15 °C)"),
    QT_TRANSLATE_NOOP("CoreText", "temperature is out of range"),
    QT_TRANSLATE_NOOP("CoreText", "temperature is out of range once converted to °C"),
    QT_TRANSLATE_NOOP("CoreText", "the server failed to read this message (its log says why)"),
    QT_TRANSLATE_NOOP("CoreText", "{0} cannot be a capteur_id: {1}"),
    # Storage (models/storage/).
    QT_TRANSLATE_NOOP("CoreText", "cannot open {0} ({1}): choose another file"),
    QT_TRANSLATE_NOOP("CoreText", "the folder {0} does not exist: create it or choose another file"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is a folder: choose a file name"),
    QT_TRANSLATE_NOOP("CoreText", "cannot write to {0}: choose a file in a folder you can write to"),
    QT_TRANSLATE_NOOP("CoreText", "{0} has a table mesures without the column(s) {1}: choose another file"),
    QT_TRANSLATE_NOOP("CoreText", "{0} does not exist: check the path of the database"),
    QT_TRANSLATE_NOOP("CoreText", "{0} holds no readings (no table mesures): choose a Thermolab database"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is not a SQLite database: choose another file"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is a SQLite database, not a text file: choose another file or store into SQLite"),
    # PostgreSQL (models/storage/postgres_schema.py); {0} is a URL whose password is masked.
    QT_TRANSLATE_NOOP(
        "CoreText", "the PostgreSQL server refused the password for {0}: check it (in PGPASSWORD, ~/.pgpass or the URL)"
    ),
    QT_TRANSLATE_NOOP("CoreText", "the PostgreSQL server asks for a password for {0}: give it in PGPASSWORD or ~/.pgpass"),
    QT_TRANSLATE_NOOP("CoreText", "the database of {0} does not exist on that server: create it (createdb) or check its name"),
    QT_TRANSLATE_NOOP(
        "CoreText", "cannot reach the PostgreSQL server of {0}: check that it runs and that its host and port are right"
    ),
    QT_TRANSLATE_NOOP("CoreText", "cannot open the PostgreSQL database {0} ({1}): check the URL"),
    QT_TRANSLATE_NOOP("CoreText", "the PostgreSQL database {0} cannot be read ({1}): check that its server runs"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "the user {0} may not create the table mesures in {1}: ask the database's owner to run Thermolab once,"
        " or to GRANT CREATE ON SCHEMA public TO {2}",
    ),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "{0} was made by a newer Thermolab (schema version {1}; this one knows up to {2}): update Thermolab or choose"
        " another database",
    ),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "{0} was made by an older Thermolab (schema version {1}): start a collector of this version on it once, then"
        " open it again",
    ),
    QT_TRANSLATE_NOOP("CoreText", "{0} has a table mesures without the column(s) {1}: choose another database"),
    QT_TRANSLATE_NOOP("CoreText", "a text file keeps every reading: store into SQLite to keep only the last days"),
    QT_TRANSLATE_NOOP("CoreText", "cannot read {0} any more ({1}): open it again"),
    # Alarms (models/alarms/): the event log, a failing alarm file, a rule refused.
    QT_TRANSLATE_NOOP("CoreText", "alarm raised: {0} above {1} °C ({2} °C)"),
    QT_TRANSLATE_NOOP("CoreText", "alarm raised: {0} below {1} °C ({2} °C)"),
    QT_TRANSLATE_NOOP("CoreText", "alarm raised: {0} silent for more than {1} s"),
    QT_TRANSLATE_NOOP("CoreText", "alarm cleared: {0} no longer above {1} °C"),
    QT_TRANSLATE_NOOP("CoreText", "alarm cleared: {0} no longer below {1} °C"),
    QT_TRANSLATE_NOOP("CoreText", "alarm cleared: {0} sends again"),
    QT_TRANSLATE_NOOP("CoreText", "alarm events cannot be stored: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "alarm events are stored again"),
    QT_TRANSLATE_NOOP("CoreText", "alarm rules cannot be read: {0}"),
    QT_TRANSLATE_NOOP("CoreText", "unknown alarm kind {0}: choose high, low or silent"),
    QT_TRANSLATE_NOOP("CoreText", "the threshold"),
    QT_TRANSLATE_NOOP("CoreText", "the hysteresis"),
    QT_TRANSLATE_NOOP("CoreText", "the minimum duration"),
    QT_TRANSLATE_NOOP("CoreText", "the hysteresis must be 0 °C or more, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "the minimum duration must be 0 s or more, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "a silence must last more than 0 s, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "a silence rule has no hysteresis: give it to a high or a low rule"),
    QT_TRANSLATE_NOOP("CoreText", "a threshold cannot be below absolute zero (-273.15 °C), got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "the low threshold ({0} °C) must be below the high threshold ({1} °C) for {2}"),
    QT_TRANSLATE_NOOP("CoreText", "all sensors"),
    QT_TRANSLATE_NOOP("CoreText", "{0} has two {1} rules: keep one"),
    QT_TRANSLATE_NOOP("CoreText", "every rule saved together must watch the same sensor"),
    # Listening (network/serveur.py).
    QT_TRANSLATE_NOOP("CoreText", "unknown host {0}: give an address of this machine, such as 127.0.0.1"),
    QT_TRANSLATE_NOOP("CoreText", "port {0} is already in use on {1}: stop the program using it or choose another port"),
    QT_TRANSLATE_NOOP("CoreText", "not allowed to listen on {0}: choose a port above 1023"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is not an address of this machine: use 127.0.0.1 or one of its own addresses"),
    QT_TRANSLATE_NOOP("CoreText", "cannot listen on {0}: {1}"),
    # Clients: a reading sent by hand, the clock, the echo (network/sensors/client.py; network/services/clock.py, echo_client.py,
    # service_client.py).
    QT_TRANSLATE_NOOP("CoreText", "unknown host {0}: check the server's address"),
    QT_TRANSLATE_NOOP("CoreText", "no server listens on {0}:{1}: start one with `python main.py {2}`"),
    QT_TRANSLATE_NOOP("CoreText", "no server listens on {0}:{1}: start one with `python main.py server`"),
    QT_TRANSLATE_NOOP("CoreText", "no answer from {0}:{1} within {2} s: is it a Thermolab server?"),
    QT_TRANSLATE_NOOP("CoreText", "the exchange with {0}:{1} failed: {2}"),
    QT_TRANSLATE_NOOP("CoreText", "the server closed the connection without answering"),
    QT_TRANSLATE_NOOP("CoreText", "{0} refused the token: give the token the server was started with"),
    QT_TRANSLATE_NOOP("CoreText", "{0} requires a token: give the token the server was started with"),
    QT_TRANSLATE_NOOP("CoreText", "no time from {0}:{1} within {2} s: is it a clock server?"),
    QT_TRANSLATE_NOOP("CoreText", "the connection with {0}:{1} broke ({2}): try again"),
    QT_TRANSLATE_NOOP("CoreText", "the answer from {0}:{1} is not a time (HH:MM:SS): is it a clock server?"),
    QT_TRANSLATE_NOOP("CoreText", "{0}:{1} did not accept the connection within {2} s: check the address"),
    QT_TRANSLATE_NOOP("CoreText", "cannot connect to {0}:{1} ({2}): check the address"),
    QT_TRANSLATE_NOOP("CoreText", "no echo from {0}:{1} within {2} s"),
    QT_TRANSLATE_NOOP("CoreText", "the echo server at {0}:{1} closed the connection: connect again"),
    QT_TRANSLATE_NOOP("CoreText", "the echo server at {0}:{1} is busy: {2}"),
    QT_TRANSLATE_NOOP("CoreText", "the answer from {0}:{1} is not an echo of what was sent: is it an echo server?"),
    QT_TRANSLATE_NOOP("CoreText", "the connection with {0}:{1} broke ({2}): connect again"),
    # The weather (network/services/weather.py).
    QT_TRANSLATE_NOOP("CoreText", "no city given: give a name, such as Orsay or Le Mans,FR"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "no OpenWeatherMap API key: enter yours in the settings or set OWM_API_KEY "
        "(a free key comes from https://home.openweathermap.org/api_keys)",
    ),
    QT_TRANSLATE_NOOP("CoreText", "the weather service address {0} is not an http(s) URL: correct OWM_BASE_URL"),
    QT_TRANSLATE_NOOP("CoreText", "the weather service address {0} has no valid port: correct OWM_BASE_URL"),
    QT_TRANSLATE_NOOP("CoreText", "cannot reach {0} ({1}): check the network connection"),
    QT_TRANSLATE_NOOP("CoreText", "the connection with {0} broke ({1}): try again"),
    QT_TRANSLATE_NOOP("CoreText", "{0} did not answer in HTTP: check OWM_BASE_URL"),
    QT_TRANSLATE_NOOP("CoreText", "{0} did not answer within {1} s: check the network connection and try again"),
    QT_TRANSLATE_NOOP("CoreText", "the weather service sent more than {0} KiB: check OWM_BASE_URL"),
    QT_TRANSLATE_NOOP(
        "CoreText", "OpenWeatherMap refused the API key (401): check it; a new key can take a few hours to be accepted"
    ),
    QT_TRANSLATE_NOOP(
        "CoreText", "OpenWeatherMap knows no city named {0}: check the spelling, or add the country code (Le Mans,FR)"
    ),
    QT_TRANSLATE_NOOP("CoreText", "{0} has no weather service at {1}: correct OWM_BASE_URL"),
    QT_TRANSLATE_NOOP("CoreText", "OpenWeatherMap refuses more calls with this key for now (429): wait a minute and try again"),
    QT_TRANSLATE_NOOP("CoreText", "OpenWeatherMap is out of order for now ({0}): try again later"),
    QT_TRANSLATE_NOOP("CoreText", "OpenWeatherMap refused the request ({0}: {1}): check the city and the key"),
    QT_TRANSLATE_NOOP("CoreText", "no reason given"),
    QT_TRANSLATE_NOOP("CoreText", "the weather service's answer {0}: try again later, or check OWM_BASE_URL if it persists"),
    # What was wrong with the weather service's answer: the {0} of the sentence above.
    QT_TRANSLATE_NOOP("CoreText", "is not well-formed XML"),
    QT_TRANSLATE_NOOP("CoreText", "is a <{0}>, not a current weather report"),
    QT_TRANSLATE_NOOP("CoreText", "has an unreadable lastupdate {0}"),
    QT_TRANSLATE_NOOP("CoreText", "gives the {0} in an unknown unit {1}"),
    QT_TRANSLATE_NOOP("CoreText", "has a {0} that is not a number ({1})"),
    QT_TRANSLATE_NOOP("CoreText", "has no {0} {1}"),
    # The simulator's sensors (network/sensors/sensor_link.py, mqtt_link.py, sensor_loop.py, city_sensor.py,
    # capteur_tcp.py, fleet.py, simulation.py, sensor_host.py).
    QT_TRANSLATE_NOOP("CoreText", "no server listens on {0}: start one or check the address; retrying"),
    QT_TRANSLATE_NOOP("CoreText", "cannot connect to {0} ({1}); retrying"),
    QT_TRANSLATE_NOOP("CoreText", "{0} closed the connection; resending what was not acknowledged"),
    QT_TRANSLATE_NOOP("CoreText", "the connection to {0} was lost ({1}); resending what was not acknowledged"),
    QT_TRANSLATE_NOOP("CoreText", "cannot look up {0} ({1}); retrying"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is not a valid host name: check the server's address"),
    QT_TRANSLATE_NOOP("CoreText", "no answer from {0} within {1} s; retrying"),
    QT_TRANSLATE_NOOP("CoreText", "{0} does not answer as a Thermolab server: check the port; retrying"),
    QT_TRANSLATE_NOOP("CoreText", "the server refused a reading of {0}: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is busy (too many connections); retrying"),
    QT_TRANSLATE_NOOP("CoreText", "the link to the broker at {0} was lost; resending what was not acknowledged"),
    QT_TRANSLATE_NOOP("CoreText", "the broker refused a reading of {0}: {1}"),
    QT_TRANSLATE_NOOP(
        "CoreText", "the connection to {0} was cut on purpose (an injected fault); resending what was not acknowledged"
    ),
    QT_TRANSLATE_NOOP("CoreText", "no weather for {0}: {1}"),
    QT_TRANSLATE_NOOP(
        "CoreText", "a city's temperature is fetched at most once a minute and at least once a day, got every {0} s"
    ),
    QT_TRANSLATE_NOOP("CoreText", "no thread could be started for {0}: run fewer sensors"),
    QT_TRANSLATE_NOOP("CoreText", "rate must be from {0} to {1} readings per second, got {2}"),
    QT_TRANSLATE_NOOP("CoreText", "a fleet needs 1 sensor or more, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "count must be 1 or more, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "duration must be above 0 seconds, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "buffer_size must be 1 or more, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} sensors need {1} open files but this system allows {2}: run fewer sensors"),
    QT_TRANSLATE_NOOP("CoreText", "{0} reports the real temperature in {1}: its values cannot be modelled"),
    QT_TRANSLATE_NOOP("CoreText", "{0} reports the real temperature in {1}: it makes no faults"),
    # Faults a sensor makes on purpose (models/faults.py).
    QT_TRANSLATE_NOOP("CoreText", "{0} must be a share from 0 to 1, got {1}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must be a whole number, got {1}"),
    QT_TRANSLATE_NOOP("CoreText", "clock_offset must be at most a year either way, got {0}"),
    QT_TRANSLATE_NOOP("CoreText", "split must be from 0 (off) to {0} bytes per send, got {1}"),
    QT_TRANSLATE_NOOP("CoreText", "burst size must be from 0 (off) to {0} readings, got {1}"),
    QT_TRANSLATE_NOOP("CoreText", "bursts come every {0} to {1} seconds, got {2}"),
    QT_TRANSLATE_NOOP("CoreText", "disconnections come every {0} to {1} seconds on average (0: never), got {2}"),
    QT_TRANSLATE_NOOP("CoreText", "there is already a sensor named {0}: choose another name"),
    QT_TRANSLATE_NOOP("CoreText", "the sensors' process ended unexpectedly: close the simulator and open it again"),
    # MQTT brokers (network/mqtt/broker.py).
    QT_TRANSLATE_NOOP("CoreText", "{0} is not a broker URL: write mqtt://HOST:PORT, or mqtts://HOST:PORT for TLS"),
    QT_TRANSLATE_NOOP("CoreText", "{0} has a port that is not a number from 1 to 65535"),
    QT_TRANSLATE_NOOP("CoreText", "{0} names no host: write mqtt://HOST:PORT"),
    QT_TRANSLATE_NOOP("CoreText", "no broker answers at {0}: is it running, and is the port right?"),
    QT_TRANSLATE_NOOP("CoreText", "the broker's host {0} is unknown: check the broker URL"),
    QT_TRANSLATE_NOOP("CoreText", "the TLS handshake with {0} failed ({1}): check the CA file and the port"),
    QT_TRANSLATE_NOOP("CoreText", "the broker at {0} did not answer in time"),
    QT_TRANSLATE_NOOP("CoreText", "the broker at {0} cannot be reached: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "the broker at {0} refused the connection: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "the broker at {0} refused the user name or password: check them in Settings or {1}"),
    # Secrets (app/secret_store.py).
    QT_TRANSLATE_NOOP("CoreText", "{0} could not be saved in {1} ({2}): check that folder"),
    QT_TRANSLATE_NOOP(
        "CoreText",
        "{0} was not saved: {1} cannot be read, and saving would lose the other secrets it may hold: repair it or remove it",
    ),
    QT_TRANSLATE_NOOP("CoreText", "the server's token"),
    QT_TRANSLATE_NOOP("CoreText", "the target server's token"),
    QT_TRANSLATE_NOOP("CoreText", "the target broker's password"),
    QT_TRANSLATE_NOOP("CoreText", "the OpenWeatherMap API key"),
    # The MQTT collector (network/collector/mqtt_collector.py, mqtt_payload.py; models/mqtt_mapping.py).
    QT_TRANSLATE_NOOP("CoreText", "connected to the broker {0}; subscribed to {1}"),
    QT_TRANSLATE_NOOP("CoreText", "connected to the broker {0} (session resumed); subscribed to {1}"),
    QT_TRANSLATE_NOOP("CoreText", "connecting…"),
    QT_TRANSLATE_NOOP("CoreText", "the broker at {0} refused the subscription to {1}"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: trying again"),
    QT_TRANSLATE_NOOP("CoreText", "lost the broker {0} ({1})"),
    QT_TRANSLATE_NOOP("CoreText", "left the broker {0}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} (topic {1})"),
    QT_TRANSLATE_NOOP("CoreText", "no mapping matches this topic"),
    QT_TRANSLATE_NOOP("CoreText", "the payload must be a bare number, not {0}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is missing"),
    QT_TRANSLATE_NOOP("CoreText", "capteur_id {0} does not match the topic's {1}"),
    QT_TRANSLATE_NOOP("CoreText", "mapping {0}: {1}"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: write FILTER SENSOR VALUE [UNIT], or the name of a ready-made mapping"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: the filter {1} has levels 1 to {2}"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: say where the sensor id is, topic:LEVEL or json:FIELD"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: say where the temperature is, thermolab, number or json:PATH"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: the unit is C, F, K or json:FIELD"),
    QT_TRANSLATE_NOOP("CoreText", "a topic filter must not be empty"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: a wildcard (+ or #) must fill a whole level"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: # may only be the last level"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: a group name cannot hold /, + or #"),
    QT_TRANSLATE_NOOP("CoreText", "{0}: write the group in the Group field (--mqtt-group), not in the filter"),
    QT_TRANSLATE_NOOP("CoreText", "the MQTT broker's password"),
    # Value models (models/value_models.py).
    QT_TRANSLATE_NOOP("CoreText", "{0} must be a finite number, got {1}"),
    QT_TRANSLATE_NOOP("CoreText", "unknown model {0}: choose {1}"),
    QT_TRANSLATE_NOOP("CoreText", "the {0} model has no parameter {1}: it takes {2}"),
    QT_TRANSLATE_NOOP("CoreText", "{0} is not key=value: write parameters as in sine:period=60,amplitude=3"),
    QT_TRANSLATE_NOOP("CoreText", "{0} must be a number, got {1}"),
)
_PLACEHOLDER = re.compile(r"\{(\d)\}")
_NUMBER = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?")
"""A number as Python writes it in the core's sentences: 20000.5, 1,234, 1e+06."""


def _alternative(number: int, template: str) -> str:
    """Template `number` as a regex group t<number>; its value {n} as the group t<number>v<n>."""
    parts = _PLACEHOLDER.split(template)
    # split() alternates literal text and placeholder numbers: text, number, text, ...
    body = "".join(re.escape(p) if i % 2 == 0 else f"(?P<t{number}v{p}>.+?)" for i, p in enumerate(parts))
    return f"(?P<t{number}>{body})"


_ANY_TEMPLATE = re.compile("|".join(_alternative(n, t) for n, t in enumerate(TEMPLATES)), re.DOTALL)
"""One regex for all: a busy event log passes thousands of sentences a second through it."""
_VALUES = tuple(len(_PLACEHOLDER.findall(template)) for template in TEMPLATES)


def translated(sentence: str) -> str:
    match = _ANY_TEMPLATE.fullmatch(sentence)
    if match is None:
        return sentence
    # The template's group closes after its values' groups: it is the last one matched.
    number = int(match.lastgroup[1:])
    template = TEMPLATES[number]
    values = [match[f"t{number}v{n}"] for n in range(_VALUES[number])]
    if template in PLURALS:
        return PLURALS[template](values[0]).format(*map(_value, values[1:]))
    return QCoreApplication.translate("CoreText", template).format(*map(_value, values))


def _value(text: str) -> str:
    return Numbers.current().localise(text) if _NUMBER.fullmatch(text) else translated(text)
