"""The language of the windows: Thermolab's own translation and Qt's (standard buttons, file dialogs).

The system locale decides until the user picks a language in View › Language; the choice is kept in
the settings and applies from the next start, when every window is built in it. The command line
and the wire protocol stay English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QMessageBox, QWidget

from app.paths import RESOURCES
from widgets.language_menu import LanguageMenu

TRANSLATIONS = RESOURCES / "translations"
SETTING = "language"
LOCALES = {"fr": QLocale.Language.French, "en": QLocale.Language.English}
"""What the menu offers besides "system"."""
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))
"""Labels of Qt's own file dialog that Qt 6.11 spells with a mnemonic while its qtbase_fr.qm has them
without ("Look in:"): Thermolab's translation, installed beside Qt's, carries them."""


def saved_language(store: QSettings) -> str:
    """ "system" (the default, and for anything this version does not know), "fr" or "en"."""
    code = store.value(SETTING, "system", type=str)
    return code if code in LOCALES else "system"


def chosen_locale(code: str) -> QLocale:
    """The system's locale, unless the user chose another language; then the system's country when
    it speaks that language (fr_CA stays fr_CA), else that language's usual country."""
    system = QLocale.system()
    if code not in LOCALES or system.language() == LOCALES[code]:
        return system
    return QLocale(LOCALES[code])


def apply_language(app: QCoreApplication, code: str) -> list[QTranslator]:
    """The windows in the language `code` from now on: its locale becomes the default, so Qt's number
    fields and dates follow it, and its translations are installed (returned, for removal)."""
    locale = chosen_locale(code)
    QLocale.setDefault(locale)
    return install_translators(app, locale)


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Thermolab's translation for `locale`, and Qt's for the same language; in a language Thermolab
    does not speak, English (whose translation holds only the plural forms: "1 sensor", "2 sensors")
    and no Qt translation, as an English window with German buttons would be worse than an English
    one. Returns what was installed, for whoever wants to remove it."""
    own, qt = QTranslator(app), QTranslator(app)
    if own.load(locale, "thermolab", "_", str(TRANSLATIONS)):
        installed = [own]
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt)
    elif own.load(QLocale(QLocale.Language.English), "thermolab", "_", str(TRANSLATIONS)):
        installed = [own]
    else:
        return []
    for translator in installed:
        app.installTranslator(translator)
    return installed


def offer_languages(menu: LanguageMenu, store: QSettings, window: QWidget) -> None:
    """The menu ticks the saved choice (another window may have changed it) and saves a new one."""
    menu.aboutToShow.connect(lambda: menu.set_current(saved_language(store)))
    menu.chosen.connect(lambda code: _choose(store, code, window))
    menu.set_current(saved_language(store))


def _choose(store: QSettings, code: str, window: QWidget) -> None:
    if code == saved_language(store):
        return
    store.setValue(SETTING, code)
    store.sync()
    QMessageBox.information(
        window,
        QCoreApplication.translate("Language", "Language"),
        QCoreApplication.translate(
            "Language", "Thermolab will speak the chosen language from its next start: close it and open it again."
        ),
    )
