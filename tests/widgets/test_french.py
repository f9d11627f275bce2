"""Both windows in French once the user chose it, Qt's own buttons included; the choice is kept for the next start."""

from __future__ import annotations

import contextlib
import math
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QToolBar

from app.language import SETTING, apply_language, chosen_locale, saved_language
from app.server.server_app import ServerApp
from app.settings import settings
from app.simulator.simulator_app import SimulatorApp
from models.alarms import AlarmEvent, AlarmKind, AlarmRule, InvalidRule, check_rules
from models.sensor_row import SensorRow
from models.server_config import ServerConfig
from models.value_models import make_model
from tests.support import LineClient
from tests.weather_stub import KEY, openweathermap_stub
from tests.widgets.modal import ModalAnswerer
from widgets.core_text import translated
from widgets.server.alarm_rules_dialog import AlarmRulesDialog
from widgets.simulator.sensor_fleet_table import SensorFleetModel

NBSP = "\u00a0"
"""French puts a no-break space before a colon or a semicolon."""
HALF_A_SCREEN = 1920 // 2 - 40
"""A window beside the other on a full HD screen, less its frame: the toolbar fits without hiding a button."""


@contextlib.contextmanager
def speaking(qapp, code: str):
    """The translators a start installs for the language `code`; removed on leaving."""
    previous = QLocale()
    installed = apply_language(qapp, code)
    try:
        yield installed
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)


@pytest.fixture
def french(qapp):
    """What a start does once the user chose Français: the translators installed from the settings."""
    settings().setValue(SETTING, "fr")
    with speaking(qapp, saved_language(settings())):
        yield


@pytest.fixture
def no_warnings(monkeypatch):
    def unexpected(parent, title, text, *_):
        raise AssertionError(f"a warning the test did not expect: {text}")

    monkeypatch.setattr(QMessageBox, "warning", unexpected)


def test_the_server_window_reads_french_down_to_the_event_log(qtbot, french, no_warnings, server_app):
    window = server_app.window
    port = server_app.session.server.address[1]
    assert window.windowTitle() == "Serveur Thermolab"
    assert window.start_action.text() == "&Démarrer le serveur"
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Serveur", "&Affichage", "Ala&rmes", "A&ide"]
    assert window.address.text() == f"À l'écoute sur 127.0.0.1:{port}"
    assert window.docks["events"].windowTitle() == "Journal des événements"
    header = window.sensor_table.horizontalHeader()
    titles = [window.sensor_model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.sensor_model.columnCount())]
    assert "Valeur °C" in titles
    assert all(header.sectionSize(c) > header.fontMetrics().horizontalAdvance(title) for c, title in enumerate(titles))
    assert window.findChild(QToolBar).sizeHint().width() < HALF_A_SCREEN
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "capteur_1", "seq": 1})
        assert sensor.answer() == {"error": "temperature is missing", "seq": 1}
    # The wire stays English (other programs read it); the window says it in French.
    # (toPlainText() gives the no-break space as a plain one.)
    qtbot.waitUntil(lambda: "avertissement 127.0.0.1:" in window.event_log.text.toPlainText())
    assert "  refusé : il manque temperature" in window.event_log.text.toPlainText()
    assert window.rate.text() == "0 mesure/s"


def test_the_help_on_sending_a_reading_reads_french_with_its_example(qtbot, french, server_app):
    port = server_app.session.server.address[1]
    with ModalAnswerer() as answers:
        server_app.window.findChild(QAction, "help").trigger()
    assert answers.texts == [
        f"Les capteurs se connectent en TCP et envoient un objet JSON par ligne, par exemple{NBSP}:\n\n"
        '{"capteur_id": "capteur_1", "temperature": 23.5}\n\n'
        f"Depuis un terminal{NBSP}:\npython main.py send --id capteur_1 --temperature 23.5 --port {port}"
    ]


def test_a_layout_saved_in_english_finds_its_panels_in_french(french, no_warnings, server_app):
    """The saved layout names each panel: the names must not follow the language."""
    assert sorted(dock.objectName() for dock in server_app.window.docks.values()) == [
        "alarms",
        "connections",
        "event_log",
        "sensors",
        "services",
    ]


def test_the_simulator_reads_french_with_plurals_for_one_and_two(qtbot, french, no_warnings, server):
    port = server.address[1]
    app = SimulatorApp("127.0.0.1", port)
    qtbot.addWidget(app.window)
    app.start()
    window = app.window
    assert window.windowTitle() == "Simulateur de capteurs Thermolab"
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Capteurs", "&Affichage", "A&ide"]
    assert [window.docks[key].windowTitle() for key in ("manual", "weather", "clock", "echo")] == [
        "Relevé manuel",
        "Météo",
        "Horloge",
        "Écho",
    ]
    assert window.target_label.text() == f"Cible{NBSP}: 127.0.0.1:{port}"
    assert window.findChild(QToolBar).sizeHint().width() < HALF_A_SCREEN
    app.fleet.add_sensors(["capteur_1"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(
        lambda: window.banner.text.text() == f"1 capteur prêt{NBSP}: démarrez-le pour envoyer des mesures à 127.0.0.1:{port}."
    )
    app.fleet.add_sensors(["capteur_2"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(
        lambda: window.banner.text.text() == f"2 capteurs prêts{NBSP}: démarrez-les pour envoyer des mesures à 127.0.0.1:{port}."
    )
    window.close()


def test_qt_own_buttons_speak_french_wherever_the_program_was_started(qapp, french, monkeypatch, tmp_path):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert [button.text() for button in buttons.buttons()] == ["Enregistrer", "Annuler"]
    # The translations are found beside the code, not in the current folder.
    monkeypatch.chdir(tmp_path)
    with speaking(qapp, "fr") as installed:
        assert len(installed) == 2


def test_a_sentence_of_the_core_is_translated_with_what_it_carries(french):
    assert translated("client disconnected (idle for 30 s)") == "client déconnecté (inactif depuis 30 s)"
    assert translated("no server listens on 127.0.0.1:50007: start one with `python main.py server`") == (
        f"aucun serveur n'écoute sur 127.0.0.1:50007{NBSP}: lancez-en un avec `python main.py server`"
    )
    assert translated("Déjà en français.") == "Déjà en français."


def test_a_storage_refusal_a_sensor_gets_is_translated_word_for_word(french):
    assert translated(
        "the server refused a reading of c: storage failed: the database's journal was deleted while the server ran"
    ) == (
        f"le serveur a refusé une mesure de c{NBSP}: échec de l'enregistrement{NBSP}: "
        "le journal de la base a été supprimé pendant que le serveur tournait"
    )


@pytest.mark.parametrize(
    "sentence, french_text",
    [
        (
            "OpenWeatherMap is out of order for now (503): try again later",
            f"OpenWeatherMap est indisponible pour l'instant (503){NBSP}: réessayez plus tard",
        ),
        (
            "OpenWeatherMap refused the request (400: no reason given): check the city and the key",
            f"OpenWeatherMap a refusé la requête (400{NBSP}: aucune raison donnée){NBSP}: vérifiez la ville et la clé",
        ),
        (
            "the weather service's answer is not well-formed XML: try again later, or check OWM_BASE_URL if it persists",
            f"la réponse du service météo n'est pas du XML bien formé{NBSP}: "
            "réessayez plus tard, ou vérifiez OWM_BASE_URL si cela persiste",
        ),
        (
            "10.0.0.9 is not an address of this machine: use 127.0.0.1 or one of its own addresses",
            f"10.0.0.9 n'est pas une adresse de cette machine{NBSP}: utilisez 127.0.0.1 ou l'une de ses propres adresses",
        ),
        (
            "127.0.0.1:80 does not answer as a Thermolab server: check the port; retrying",
            f"127.0.0.1:80 ne répond pas comme un serveur Thermolab{NBSP}: vérifiez le port{NBSP}; nouvel essai",
        ),
    ],
    ids=["out of order", "no reason given", "malformed answer", "not this machine", "not a server"],
)
def test_the_core_sentences_made_by_helpers_are_translated_too(french, sentence, french_text):
    assert translated(sentence) == french_text


def test_numbers_in_a_core_sentence_are_written_the_french_way(french):
    group = QLocale().groupSeparator()
    assert translated("rate must be from 0.01 to 10000 readings per second, got 20000.5") == (
        "le rythme doit aller de 0,01 à 10000 mesures par seconde, pas 20000,5"
    )
    assert translated("1,234 more rejected messages in the last 10 s") == (
        f"1{group}234 autres messages refusés ces 10 dernières secondes"
    )
    assert translated("1 more rejected messages in the last 10 s") == "1 autre message refusé ces 10 dernières secondes"


def test_the_simulator_table_says_what_a_sensor_measures_in_french(french):
    model = SensorFleetModel()
    model.describe("serre", make_model("walk", start=20, step=0.1, low=-5, high=40))
    model.set_rows([SensorRow("serre", 1.0, "sending", True, 0, 0, 0, 0, 0, 0, None, None)])
    column = model.COLUMNS.index("model")
    assert model.index(0, column).data() == "walk · Départ (°C) 20 · Pas (°C) 0,1 · Minimum (°C) -5 · Maximum (°C) 40"
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Modèle"


def test_qt_file_dialog_labels_read_french(qtbot, french):
    dialog = QFileDialog(options=QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert dialog.labelText(QFileDialog.DialogLabel.LookIn) == f"&Voir dans{NBSP}:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType) == f"Fichiers de &type{NBSP}:"


def test_the_weather_reads_french_from_the_sky_to_the_date(qtbot, french, monkeypatch, server):
    with openweathermap_stub() as stub:
        monkeypatch.setenv("OWM_BASE_URL", stub.base_url)
        app = SimulatorApp("127.0.0.1", server.address[1])
        qtbot.addWidget(app.window)
        panel = app.window.weather
        panel.api_key.setText(KEY)
        panel.city.setText("Orsay")
        panel.fetch_button.click()
        qtbot.waitUntil(lambda: panel.fetch_button.isEnabled())
        assert "lang=fr" in stub.requests[-1].split("&")
        observed = datetime(2021, 11, 6, 20, 49, 19, tzinfo=UTC).astimezone()
        assert panel.observed.text() == f"observée le {observed:%d/%m/%Y %H:%M:%S} {observed.tzname()}"
        panel.minutes.setValue(1)
        assert panel.minutes.text() == "toutes les minutes"
        app.window.close()


def test_the_language_chosen_in_one_window_is_kept_for_the_next_start(qtbot, no_warnings, monkeypatch, server_app):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *_: said.append(text))
    assert saved_language(settings()) == "system"
    assert chosen_locale("system") == QLocale.system()
    simulator = SimulatorApp("127.0.0.1", 1)
    qtbot.addWidget(simulator.window)
    menu = server_app.window.language_menu
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["System language"]

    next(a for a in menu.actions() if a.text() == "Français").trigger()

    assert saved_language(settings()) == "fr"
    assert chosen_locale(saved_language(settings())).language() == QLocale.Language.French
    assert said == ["Thermolab will speak the chosen language from its next start: close it and open it again."]
    # The other window's menu ticks the new choice when it opens.
    simulator.window.language_menu.aboutToShow.emit()
    assert [a.text() for a in simulator.window.language_menu.actions() if a.isChecked()] == ["Français"]
    simulator.window.close()


def test_the_server_panels_need_no_more_room_in_french_than_in_english(qtbot, qapp, no_warnings, tmp_path):
    """The event log and the services share the narrow right column: French words must not widen it."""

    def widths() -> list[int]:
        app = ServerApp(ServerConfig(port=0, storage_path=tmp_path / "m.db"))
        qtbot.addWidget(app.window)
        return [app.window.event_log.minimumSizeHint().width(), app.services.panel.minimumSizeHint().width()]

    english = widths()
    with speaking(qapp, "fr"):
        french = widths()
    assert all(f <= e * 1.05 for f, e in zip(french, english, strict=True)), (french, english)


def test_english_says_one_sensor_and_two_sensors(qtbot, simulator, server):
    """English has its plural forms too: no "1 sensors", no "(s)"."""
    target = f"127.0.0.1:{server.address[1]}"
    simulator.fleet.add_sensors(["capteur_1"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: simulator.window.banner.text.text() == f"1 sensor ready: start it to send readings to {target}.")
    simulator.fleet.add_sensors(["capteur_2"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: simulator.window.banner.text.text() == f"2 sensors ready: start them to send readings to {target}.")


def test_a_flood_from_many_hosts_and_a_refusal_read_french(french):
    group = QLocale().groupSeparator()
    assert translated("1,950 more rejected messages from 1,950 hosts in the last 10 s") == (
        f"1{group}950 autres messages refusés venant de 1{group}950 hôtes ces 10 dernières secondes"
    )
    assert translated("refused: connection limit (1) reached") == f"refusé{NBSP}: limite de connexions (1) atteinte"


def test_the_mqtt_collectors_sentences_are_translated_with_what_they_carry(french):
    assert translated("rejected: temperature is missing (topic zigbee2mqtt/hall_switch)") == (
        "refusé\u00a0: il manque temperature (topic zigbee2mqtt/hall_switch)"
    )
    assert translated("no broker answers at mqtt://127.0.0.1:1883: is it running, and is the port right?: trying again") == (
        "aucun broker ne répond à mqtt://127.0.0.1:1883\u00a0: est-il lancé, et le port est-il le bon\u00a0?\u00a0: nouvel essai"
    )
    assert translated("mapping 2: topic:9: the filter zigbee2mqtt/+ has levels 1 to 2") == (
        "correspondance 2\u00a0: topic:9\u00a0: le filtre zigbee2mqtt/+ a les niveaux 1 à 2"
    )


def test_alarm_sentences_of_the_core_read_french_with_their_numbers(french):
    raised = AlarmEvent("fridge", 1, AlarmKind.HIGH, 8.0, 9.5, 1_790_000_000.0)
    assert translated(raised.sentence()) == f"alarme déclenchée{NBSP}: fridge au-dessus de 8 °C (9,5 °C)"
    cleared = replace(raised, kind=AlarmKind.SILENT, cleared_at=1_790_000_060.0)
    assert translated(cleared.sentence()) == f"alarme levée{NBSP}: fridge émet de nouveau"
    with pytest.raises(InvalidRule) as refused:
        check_rules([AlarmRule(AlarmKind.HIGH, 2.0), AlarmRule(AlarmKind.LOW, 2.5)])
    assert translated(str(refused.value)) == "le seuil bas (2,5 °C) doit être sous le seuil haut (2 °C) pour tous les capteurs"
    with pytest.raises(InvalidRule) as refused:
        AlarmRule(AlarmKind.HIGH, 30.0, min_duration=math.inf).check()
    assert translated(str(refused.value)) == "la durée minimale doit être un nombre fini, pas inf"


def test_the_alarm_rules_dialog_refuses_in_french_and_the_alarms_panel_speaks_it(qtbot, french, no_warnings, server_app):
    window = server_app.window
    assert window.docks["alarms"].windowTitle() == "Alarmes"
    assert window.alarms.panel.acknowledge.text() == "Acquitter"
    window.findChild(QAction, "alarm_rules").trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AlarmRulesDialog)))
    dialog = next(d for d in window.findChildren(AlarmRulesDialog) if d.isVisible())
    assert dialog.windowTitle() == "Règles d'alarme pour tous les capteurs"
    dialog.enabled[AlarmKind.HIGH].setChecked(True)
    dialog.threshold[AlarmKind.HIGH].setValue(8.0)
    dialog.enabled[AlarmKind.LOW].setChecked(True)
    dialog.threshold[AlarmKind.LOW].setValue(10.0)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "le seuil bas (10 °C) doit être sous le seuil haut (8 °C) pour tous les capteurs"
    dialog.reject()
