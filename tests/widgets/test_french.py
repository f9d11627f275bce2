"""Both windows in French once the user chose it, Qt's own buttons included; the choice is kept for the next start."""

from __future__ import annotations

import contextlib

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QToolBar

from app.language import SETTING, apply_language, chosen_locale, saved_language
from app.server_app import ServerApp
from app.settings import settings
from app.simulator_app import SimulatorApp
from models.server_config import ServerConfig
from models.value_models import make_model
from tests.support import LineClient
from tests.widgets.modal import ModalAnswerer
from widgets.core_text import translated

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
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Serveur", "&Affichage", "A&ide"]
    assert window.address.text() == f"À l'écoute sur 127.0.0.1:{port}"
    assert window.docks["events"].windowTitle() == "Journal des événements"
    header = window.sensor_table.horizontalHeader()
    titles = [window.sensor_model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.sensor_model.columnCount())]
    assert "Dernière °C" in titles
    assert all(header.sectionSize(c) > header.fontMetrics().horizontalAdvance(title) for c, title in enumerate(titles))
    assert window.findChild(QToolBar).sizeHint().width() < HALF_A_SCREEN
    with LineClient(server_app.session.server.address) as sensor:
        sensor.send({"capteur_id": "capteur_1", "seq": 1})
        assert sensor.answer() == {"error": "temperature is missing", "seq": 1}
    # The wire stays English (other programs read it); the window says it in French.
    # (toPlainText() gives the no-break space as a plain one.)
    qtbot.waitUntil(lambda: "alerte 127.0.0.1:" in window.event_log.text.toPlainText())
    assert "  refusé : temperature manque" in window.event_log.text.toPlainText()


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
    assert sorted(dock.objectName() for dock in server_app.window.docks.values()) == ["connections", "event_log", "sensors", "services"]


def test_the_simulator_reads_french_with_plurals_for_one_and_two(qtbot, french, no_warnings, server):
    port = server.address[1]
    app = SimulatorApp("127.0.0.1", port)
    qtbot.addWidget(app.window)
    app.start()
    window = app.window
    assert window.windowTitle() == "Simulateur de capteurs Thermolab"
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Capteurs", "&Affichage", "A&ide"]
    assert [window.docks[key].windowTitle() for key in ("manual", "weather", "clock", "echo")] == ["Relevé manuel", "Météo", "Horloge", "Écho"]
    assert window.target_label.text() == f"Cible{NBSP}: 127.0.0.1:{port}"
    assert window.findChild(QToolBar).sizeHint().width() < HALF_A_SCREEN
    app.add_sensors(["capteur_1"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: window.banner.text.text() == f"1 capteur prêt{NBSP}: démarrez-le pour envoyer des mesures à 127.0.0.1:{port}.")
    app.add_sensors(["capteur_2"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: window.banner.text.text() == f"2 capteurs prêts{NBSP}: démarrez-les pour envoyer des mesures à 127.0.0.1:{port}.")
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
    assert all(f <= e * 1.05 for f, e in zip(french, english)), (french, english)


def test_english_says_one_sensor_and_two_sensors(qtbot, simulator, server):
    """English has its plural forms too: no "1 sensors", no "(s)"."""
    target = f"127.0.0.1:{server.address[1]}"
    simulator.add_sensors(["capteur_1"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: simulator.window.banner.text.text() == f"1 sensor ready: start it to send readings to {target}.")
    simulator.add_sensors(["capteur_2"], make_model("constant", value=20.0), 1.0, False)
    qtbot.waitUntil(lambda: simulator.window.banner.text.text() == f"2 sensors ready: start them to send readings to {target}.")
