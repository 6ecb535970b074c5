"""Start-up: the window module chain does not import torch; Run waits for it."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from explorer.ui.main_window import MainWindow

LOAD_TIMEOUT_MS = 60_000

def discard_changes(window) -> None:
    """Mark the program saved, so that closing the window shows no unsaved-changes prompt."""
    window.playground.editor.document().setModified(False)



def test_window_import_skips_torch():
    code = (
        "import sys; import explorer.ui.main_window, explorer.ui.app; "
        "heavy = [name for name in ('torch', 'pyqtgraph', 'numpy') if name in sys.modules]; "
        "print(','.join(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


@pytest.fixture
def window(qtbot, tmp_path):
    main_window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main_window, before_close_func=discard_changes)
    yield main_window
    main_window.close()


def test_run_enabled_after_torch(qtbot, window):
    assert not window.playground.run_button.isEnabled()
    assert not window.run_action.isEnabled()
    assert window.training is None
    with qtbot.waitSignal(window.torch_ready, timeout=LOAD_TIMEOUT_MS):
        window.show()
        assert "torch" in window.statusBar().currentMessage()
    assert window.playground.run_button.isEnabled()
    assert window.run_action.isEnabled()
    assert window.statusBar().currentMessage().startswith("Ready: torch ")
    qtbot.waitUntil(window.is_loaded, timeout=LOAD_TIMEOUT_MS)
    assert window.tabs.widget(1).widget() is window.training
    assert window.tabs.tabText(1) == "Training"
    assert window.playground.editor.completer.model().rowCount() > 100


def test_run_before_ready_is_ignored(window):
    window.playground.run_program()
    assert not window.playground.is_running()


def test_start_up_starts_graphviz(qtbot, window):
    from explorer.layout import resolve_backend, system

    if resolve_backend() != "system":
        pytest.skip("the system dot is not the backend here")
    system.close_kept_process()

    window.show()

    # The start-up worker lays out a small graph once it has found the backend.
    qtbot.waitUntil(lambda: system._kept_process is not None, timeout=LOAD_TIMEOUT_MS)
