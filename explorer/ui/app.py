"""Start the GUI: the application object, language, error route and main window."""

from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.ui.translations import apply_language
from explorer.ui.workers import wait_for_detached_threads

log = logging.getLogger(__name__)

ORGANIZATION = "AutogradExplorer"
APPLICATION = "Autograd Explorer"


def _initial_language(settings: QSettings, requested: str | None) -> str:
    if requested:
        return requested
    saved = settings.value("language")
    if saved in ("en", "ko"):
        return str(saved)
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def _install_error_route(window) -> None:
    """Send unexpected exceptions to logging and a non-modal notice instead of a crash."""

    def notify(exc_type, exc_value, exc_traceback) -> None:
        log.error("Unexpected error", exc_info=(exc_type, exc_value, exc_traceback))
        box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Unexpected error"),
                          f"{exc_type.__name__}: {exc_value}", parent=window)
        box.setModal(False)
        box.show()

    def thread_hook(args) -> None:
        log.error("Unexpected error in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback))

    sys.excepthook = notify
    threading.excepthook = thread_hook


def run_gui(language: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = QSettings()
    chosen = _initial_language(settings, language)
    settings.setValue("language", chosen)
    apply_language(chosen)

    from explorer.ui.main_window import MainWindow

    window = MainWindow(settings)
    _install_error_route(window)
    window.show()
    status = app.exec()
    # A program stopped while inside one long torch call finishes that call
    # first; exiting before it does would destroy a running thread.
    wait_for_detached_threads()
    return status
