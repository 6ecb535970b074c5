"""Help > About shows the versions of the app, torch, Qt, PySide6 and the Graphviz backend."""

import PySide6
import torch
from PySide6.QtCore import QSettings, qVersion

import explorer
from explorer.layout import backend_name
from explorer.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 120_000

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



def test_about_lists_versions(qtbot, tmp_path):
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=discard_changes)
    window.show()
    qtbot.waitUntil(lambda: window.backend is not None, timeout=LOAD_TIMEOUT_MS)
    about = window.show_about()
    assert not about.isModal()
    assert about.value_of("Autograd Explorer") == explorer.__version__
    assert about.value_of("torch") == torch.__version__
    assert about.value_of("Qt") == qVersion()
    assert about.value_of("PySide6") == PySide6.__version__
    assert about.value_of("Graphviz") == backend_name()
    assert about.value_of("Graphviz").startswith("Graphviz")
    window.close()
