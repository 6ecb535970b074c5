"""Install the Korean or English translation for the app, Qt's own dialogs and the Qt-free layers.

Also a small maintenance command: `python -m explorer.ui.translations update`
refreshes `explorer_ko.ts` from the sources with pyside6-lupdate and compiles it
to `explorer_ko.qm` with pyside6-lrelease.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from importlib.resources import as_file
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from explorer import i18n
from explorer.assets import resource

log = logging.getLogger(__name__)

QM_NAME = "explorer_ko.qm"
TS_NAME = "explorer_ko.ts"

_installed: list[QTranslator] = []


def load_app_translator(language: str) -> QTranslator | None:
    """Return a translator holding this app's strings in `language`, or None for English."""
    if language != "ko":
        return None
    translator = QTranslator()
    with as_file(resource("translations", QM_NAME)) as path:
        if not translator.load(str(path)):
            log.error("Failed to load the Korean translation from %s", path)
            return None
    return translator


def _load_qt_translator(language: str) -> QTranslator | None:
    translator = QTranslator()
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", directory):
        return translator
    log.warning("Qt's own %s translation was not found in %s", language, directory)
    return None


def use_translator_for_text(translator: QTranslator | None) -> None:
    """Route explorer.i18n.Text through `translator` without needing a QCoreApplication."""
    if translator is None:
        i18n.set_translator(None)
        return

    def translate(context: str, source: str) -> str:
        return translator.translate(context, source) or source

    i18n.set_translator(translate)


def route_text_through_qt() -> None:
    """Send explorer.i18n.Text through the translators installed on the application."""
    i18n.set_translator(QCoreApplication.translate)


def apply_language(language: str) -> None:
    """Replace the installed translators with those for `language` ("en" or "ko")."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()

    translators = [load_app_translator(language)]
    if language == "ko":
        translators.append(_load_qt_translator(language))
    for translator in translators:
        if translator is None:
            continue
        _installed.append(translator)
        if app is not None:
            app.installTranslator(translator)

    if app is not None:
        i18n.set_translator(QCoreApplication.translate)
    else:
        use_translator_for_text(_installed[0] if _installed else None)


def _source_translations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


def update_translations() -> int:
    """Run lupdate over the package and lrelease on the result."""
    package_dir = Path(__file__).resolve().parent.parent
    translations = _source_translations_dir()
    ts_path = translations / TS_NAME
    bin_dir = Path(sys.executable).parent
    lupdate = shutil.which("pyside6-lupdate", path=str(bin_dir)) or "pyside6-lupdate"
    lrelease = shutil.which("pyside6-lrelease", path=str(bin_dir)) or "pyside6-lrelease"
    sources = sorted(str(path) for path in package_dir.rglob("*.py") if "resources" not in path.parts)
    subprocess.run([lupdate, "-locations", "none", *sources, "-ts", str(ts_path)], check=True)
    subprocess.run([lrelease, str(ts_path), "-qm", str(translations / QM_NAME)], check=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        sys.exit(update_translations())
    print("usage: python -m explorer.ui.translations update", file=sys.stderr)
    sys.exit(2)
