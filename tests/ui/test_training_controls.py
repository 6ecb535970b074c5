"""Start, Pause, Resume, Step, Stop and Reset of the Training tab, each enabled only when it applies."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSpinBox  # noqa: E402

from explorer.ui.training_tab import TrainingTab  # noqa: E402

TIMEOUT_MS = 20_000

# The tab trains in the app's training process, as it does once the app has started.
pytestmark = pytest.mark.usefixtures("training_process")
BUTTONS = ("start_button", "pause_button", "resume_button", "step_button", "stop_button", "reset_button")


@pytest.fixture
def tab(qtbot):
    widget = TrainingTab()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def button(tab, name) -> QPushButton:
    widget = tab.findChild(QPushButton, name)
    assert widget is not None, f"no button named {name}"
    return widget


def enabled(tab) -> set[str]:
    return {name for name in BUTTONS if button(tab, name).isEnabled()}


def click(qtbot, tab, name) -> None:
    qtbot.mouseClick(button(tab, name), Qt.MouseButton.LeftButton)


def set_epochs(tab, epochs: int) -> None:
    tab.findChild(QSpinBox, "epochs_field").setValue(epochs)


def test_idle_enables_start_and_step(tab):
    assert enabled(tab) == {"start_button", "step_button"}
    assert tab.state == "idle"


def test_pause_resume_and_stop(tab, qtbot):
    set_epochs(tab, 10_000_000)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        click(qtbot, tab, "start_button")
    assert enabled(tab) == {"pause_button", "stop_button"}

    with qtbot.waitSignal(tab.training_paused, timeout=TIMEOUT_MS) as paused:
        click(qtbot, tab, "pause_button")
    epoch = paused.args[0]
    assert tab.state == "paused"
    assert enabled(tab) == {"resume_button", "step_button", "stop_button", "reset_button"}
    assert f"Paused at epoch {epoch:,}" in tab.findChild(QLabel, "status_label").text()
    assert tab.findChild(QProgressBar, "progress_bar").value() == epoch

    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS) as resumed:
        click(qtbot, tab, "resume_button")
    assert resumed.args[0].epoch > epoch
    assert enabled(tab) == {"pause_button", "stop_button"}

    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        click(qtbot, tab, "stop_button")
    assert finished.args[0].stopped_early
    assert enabled(tab) == {"start_button", "step_button", "reset_button"}


def test_paused_run_holds_epoch(tab, qtbot):
    set_epochs(tab, 10_000_000)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.start_training()
    with qtbot.waitSignal(tab.training_paused, timeout=TIMEOUT_MS) as paused:
        tab.pause_training()

    # Give the worker every chance to run on: a zero-epoch step would show up as progress.
    with qtbot.assertNotEmitted(tab.training_progressed, wait=200):
        pass
    assert tab.findChild(QProgressBar, "progress_bar").value() == paused.args[0]


def test_step_from_idle_runs_one_epoch(tab, qtbot):
    set_epochs(tab, 100)

    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS) as first:
        click(qtbot, tab, "step_button")
    assert first.args[0].epoch == 1
    assert len(first.args[0].losses) == 1
    assert tab.state == "paused"

    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS) as second:
        click(qtbot, tab, "step_button")
    assert second.args[0].epoch == 2
    assert second.args[0].losses[0] < first.args[0].losses[0]
    assert "Epoch 2 of 100" == tab.findChild(QProgressBar, "progress_bar").text()


def test_step_to_last_epoch_finishes(tab, qtbot):
    set_epochs(tab, 2)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.step_training()

    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        tab.step_training()

    assert finished.args[0].epochs == 2
    assert not finished.args[0].stopped_early


def test_reset_while_paused_clears_everything(tab, qtbot):
    set_epochs(tab, 100)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.step_training()

    with qtbot.waitSignal(tab.training_reset, timeout=TIMEOUT_MS):
        click(qtbot, tab, "reset_button")

    assert tab.state == "idle"
    assert enabled(tab) == {"start_button", "step_button"}
    assert tab.findChild(QLabel, "weights_value").text() == "–"
    assert tab.findChild(QProgressBar, "progress_bar").text() == "Not started"
    assert tab.findChild(QLabel, "status_label").text() == "Choose the settings and press Start."
    assert tab.plots.loss_curve.path().isEmpty()


def test_reset_after_finished_run(tab, qtbot):
    set_epochs(tab, 50)
    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS):
        tab.start_training()

    with qtbot.waitSignal(tab.training_reset, timeout=1000):
        tab.reset_training()

    assert not button(tab, "reset_button").isEnabled()
    assert tab.findChild(QLabel, "prediction_value").text() == "–"


def test_rate_and_time_left_while_running(tab, qtbot):
    set_epochs(tab, 10_000_000)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.start_training()
    qtbot.waitUntil(lambda: "left" in tab.findChild(QLabel, "rate_label").text(), timeout=TIMEOUT_MS)

    text = tab.findChild(QLabel, "rate_label").text()
    tab.stop_training()

    assert "epochs/s" in text
    assert text.endswith(" left")


def test_form_locked_while_running(tab, qtbot):
    set_epochs(tab, 10_000_000)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.start_training()

    assert not tab.form.isEnabled()
    assert tab.start_training() is False
    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS):
        tab.stop_training()
    assert tab.form.isEnabled()


def test_stop_while_paused_keeps_result(tab, qtbot):
    set_epochs(tab, 100)
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.step_training()
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.step_training()

    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        click(qtbot, tab, "stop_button")

    assert finished.args[0].epochs == 2
    assert finished.args[0].stopped_early
    assert "Stopped at epoch 2" in tab.findChild(QLabel, "status_label").text()
    assert enabled(tab) == {"start_button", "step_button", "reset_button"}
