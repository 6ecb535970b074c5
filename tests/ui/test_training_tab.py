import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox  # noqa: E402

from explorer.ui.training_tab import TrainingTab  # noqa: E402

TIMEOUT_MS = 20_000

# The tab trains in the app's training process, as it does once the app has started.
pytestmark = pytest.mark.usefixtures("training_process")


@pytest.fixture
def tab(qtbot):
    widget = TrainingTab()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def child(tab, kind, name):
    widget = tab.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def path_points(curve):
    """Return the x and y values of the points of a curve's path."""
    path = curve.path()
    elements = [path.elementAt(index) for index in range(path.elementCount())]
    return np.array([element.x for element in elements]), np.array([element.y for element in elements])


def test_defaults_in_form(tab):
    assert child(tab, QSpinBox, "samples_field").value() == 500
    assert child(tab, QSpinBox, "features_field").value() == 3
    assert child(tab, QSpinBox, "epochs_field").value() == 10000
    assert child(tab, QLineEdit, "lr_field").text() == "0.001"
    assert child(tab, QSpinBox, "seed_field").value() == 1120
    assert child(tab, QLineEdit, "test_input_field").text() == "1, 2, 4"
    assert child(tab, QPushButton, "start_button").isEnabled()
    assert not child(tab, QPushButton, "stop_button").isEnabled()
    assert not child(tab, QLabel, "error_label").isVisible()


def test_short_run_updates_plots_and_labels(tab, qtbot, training_process):
    child(tab, QSpinBox, "epochs_field").setValue(300)
    runs_before = training_process.runs

    with qtbot.waitSignal(tab.training_started, timeout=1000):
        qtbot.mouseClick(child(tab, QPushButton, "start_button"), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        pass
    result = finished.args[0]

    assert training_process.runs == runs_before + 1
    assert result.epochs == 300
    assert not result.stopped_early
    epochs, losses = path_points(tab.plots.loss_curve)
    assert len(epochs) == 300
    assert epochs[0] == 1
    assert epochs[-1] == 300
    # The plot is in log mode, so the path contains log10 of the losses.
    np.testing.assert_allclose(losses, np.log10(result.loss_history), rtol=1e-5)
    epochs, weight = path_points(tab.plots.parameter_curves[0])
    assert epochs[-1] == 300
    assert weight[-1] == pytest.approx(result.weights[0])
    _, bias = path_points(tab.plots.parameter_curves[3])
    assert bias[-1] == pytest.approx(result.bias)
    assert child(tab, QLabel, "weights_value").text() == "[" + ", ".join(f"{w:.6f}" for w in result.weights) + "]"
    assert child(tab, QLabel, "bias_value").text() == f"{result.bias:.6f}"
    assert child(tab, QLabel, "loss_value").text() == f"{result.final_loss:.3e}"
    assert f"{result.prediction:.4f}" in child(tab, QLabel, "prediction_value").text()
    assert child(tab, QLabel, "expected_value").text() == "15.0000"
    assert child(tab, QLabel, "error_value").text() == f"{result.prediction - 15.0:+.2e}"
    assert child(tab, QProgressBar, "progress_bar").value() == 300
    assert "Finished 300 epochs" in child(tab, QLabel, "status_label").text()
    assert child(tab, QPushButton, "start_button").isEnabled()
    assert not child(tab, QPushButton, "stop_button").isEnabled()


def test_stop_ends_run_early(tab, qtbot):
    child(tab, QSpinBox, "epochs_field").setValue(10_000_000)

    # Wait for a first batch so the stop lands mid-run.
    with qtbot.waitSignal(tab.training_progressed, timeout=TIMEOUT_MS):
        tab.start_training()
    assert not child(tab, QPushButton, "start_button").isEnabled()
    assert child(tab, QPushButton, "stop_button").isEnabled()
    assert not child(tab, QSpinBox, "epochs_field").isEnabled()
    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        qtbot.mouseClick(child(tab, QPushButton, "stop_button"), Qt.MouseButton.LeftButton)
    result = finished.args[0]

    assert result.stopped_early
    assert 0 < result.epochs < 10_000_000
    assert "Stopped at epoch" in child(tab, QLabel, "status_label").text()
    assert not tab.is_running
    assert child(tab, QPushButton, "start_button").isEnabled()
    assert child(tab, QSpinBox, "epochs_field").isEnabled()


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("lr_field", "fast", "Learning rate 'fast' is not a number."),
        ("lr_field", "-0.1", "Learning rate must be a finite number greater than 0, got -0.1."),
        ("test_input_field", "1, 2", "The test input has 2 numbers but each sample has 3 features."),
        ("test_input_field", "1, x, 4", "Test input item 2 ('x') is not a number."),
    ],
)
def test_invalid_input_shows_message(tab, qtbot, field, text, message):
    child(tab, QLineEdit, field).setText(text)
    error_label = child(tab, QLabel, "error_label")

    assert error_label.isVisible()
    assert message in error_label.text()
    assert not child(tab, QPushButton, "start_button").isEnabled()
    with qtbot.assertNotEmitted(tab.training_started):
        assert tab.start_training() is False
    assert not tab.is_running


def test_every_problem_shown_at_once(tab):
    child(tab, QLineEdit, "lr_field").setText("")
    child(tab, QLineEdit, "test_input_field").setText("1, 2")
    child(tab, QSpinBox, "samples_field").setValue(10_000_000)

    lines = child(tab, QLabel, "error_label").text().splitlines()

    assert len(lines) == 3
    assert lines[0] == "Enter a learning rate, such as 0.001."
    assert lines[1].startswith("Samples × features is 30,000,000")
    assert lines[2].startswith("The test input has 2 numbers")


def test_fixing_input_clears_message(tab):
    field = child(tab, QLineEdit, "test_input_field")
    field.setText("1, 2")

    field.setText("1, 2, 4")

    assert not child(tab, QLabel, "error_label").isVisible()
    assert child(tab, QPushButton, "start_button").isEnabled()


def test_unknown_device_fails_inline(tab, qtbot):
    tab.set_device("cuda:99")
    child(tab, QSpinBox, "epochs_field").setValue(10)

    with qtbot.waitSignal(tab.training_failed, timeout=TIMEOUT_MS) as failed:
        tab.start_training()

    assert "Device 'cuda:99' is not available" in failed.args[0]
    assert "Device 'cuda:99' is not available" in child(tab, QLabel, "status_label").text()
    assert child(tab, QLabel, "device_value").text() == "cuda:99"
    assert child(tab, QPushButton, "start_button").isEnabled()


def test_diverging_run_reports_it(tab, qtbot):
    child(tab, QLineEdit, "lr_field").setText("10")
    child(tab, QSpinBox, "epochs_field").setValue(5000)

    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        tab.start_training()

    assert finished.args[0].diverged
    assert "Training diverged at epoch" in child(tab, QLabel, "status_label").text()
    _, losses = path_points(tab.plots.loss_curve)
    assert np.isfinite(losses[0])


def test_shutdown_stops_running_worker(tab, qtbot):
    child(tab, QSpinBox, "epochs_field").setValue(10_000_000)
    tab.start_training()
    worker = tab._worker

    tab.shutdown()

    assert worker.isFinished()
    assert not tab.is_running


def test_legend_entry_toggles_parameter_curve(tab):
    legend = tab.plots.parameter_plot.getPlotItem().legend
    sample, label = legend.items[1]

    # What a click on the entry does: it toggles the sample's curve.
    sample.item.setVisible(False)
    hidden = [curve.isVisible() for curve in tab.plots.parameter_curves]
    sample.item.setVisible(True)
    visible_again = [curve.isVisible() for curve in tab.plots.parameter_curves]

    assert label.text == "w2"
    assert hidden == [True, False, True, True]
    assert visible_again == [True, True, True, True]


def test_many_features_show_first_weights(tab, qtbot):
    child(tab, QSpinBox, "features_field").setValue(12)
    child(tab, QLineEdit, "test_input_field").setText(", ".join(["1"] * 12))
    child(tab, QSpinBox, "epochs_field").setValue(50)

    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        tab.start_training()

    assert len(tab.plots.parameter_curves) == 9
    assert child(tab, QLabel, "weights_value").text().endswith(", … (12)]")
    assert len(finished.args[0].weights) == 12
