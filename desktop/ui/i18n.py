"""Translations: our Vietnamese strings plus our Vietnamese version of Qt's own (Qt ships no qtbase_vi.qm)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.paths import resource
from desktop.ui import formatting

_installed: list[QTranslator] = []


def uninstall_translators(app: QCoreApplication) -> None:
    """Remove the translators installed here (the UI falls back to the English source strings)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translators(app: QCoreApplication, language: str) -> None:
    """Load the translators of `language` ("vi" by default, "en" for the English source strings)."""
    uninstall_translators(app)
    formatting.set_ui_language(language)
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        for name in ("qtbase_vi", "sxtdbv_vi"):
            translator = QTranslator(app)
            if translator.load(str(resource("i18n", f"{name}.qm"))):
                app.installTranslator(translator)
                _installed.append(translator)
    else:
        from PySide6.QtCore import QLibraryInfo

        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        translator = QTranslator(app)
        if translator.load("qtbase_en", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
            _installed.append(translator)
