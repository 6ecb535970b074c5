"""Divergence marking, the fit plot, hovering, the test panel, the graph of a step and exports."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox  # noqa: E402

from explorer.training.trainer import make_data  # noqa: E402
from explorer.ui.training_tab import TrainingTab  # noqa: E402

TIMEOUT_MS = 20_000

# The tab trains in the app's training process, as it does once the app has started.
pytestmark = pytest.mark.usefixtures("training_process")


@pytest.fixture
def tab(qtbot):
    widget = TrainingTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    yield widget
    widget.shutdown()


def field(tab, kind, name):
    widget = tab.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def run(tab, qtbot, epochs: int):
    field(tab, QSpinBox, "epochs_field").setValue(epochs)
    with qtbot.waitSignal(tab.training_finished, timeout=TIMEOUT_MS) as finished:
        assert tab.start_training()
    return finished.args[0]


def test_sgd_lr_one_divergence_marked(tab, qtbot):
    field(tab, QLineEdit, "lr_field").setText("1.0")

    result = run(tab, qtbot, 10000)

    assert result.diverged
    assert result.epochs == 20
    assert tab.plots.divergence_line.isVisible()
    assert tab.plots.divergence_line.value() == 20
    assert tab.plots.divergence_line.label.toPlainText() == "diverged"
    status = field(tab, QLabel, "status_label").text()
    assert status.startswith("Training diverged at epoch 20: the loss grew to ")
    assert "Try a learning rate smaller than 1, such as 0.1." in status
    assert "c62828" in field(tab, QLabel, "status_label").styleSheet()


def test_divergence_message_in_korean(tab, qtbot):
    from explorer import i18n

    korean = {
        "Training diverged at epoch {epoch:,}: the loss grew to {loss:.3g}, more than a million "
        "times its minimum of {minimum:.3g}. Each step overshot the minimum by more than the last. "
        "Try a learning rate smaller than {lr:g}, such as {suggested:g}.":
        "에포크 {epoch:,}에서 발산 {loss:.3g} {minimum:.3g} {lr:g} {suggested:g}",
    }
    i18n.set_translator(lambda context, source: korean.get(source, source) if context == "TrainingDivergence"
                        else source)
    try:
        field(tab, QLineEdit, "lr_field").setText("1.0")
        run(tab, qtbot, 10000)
        status = field(tab, QLabel, "status_label").text()
    finally:
        i18n.set_translator(None)

    assert status.startswith("에포크 20에서 발산")


def test_fit_plot_one_feature_draws_line(tab, qtbot):
    field(tab, QSpinBox, "features_field").setValue(1)
    field(tab, QLineEdit, "test_input_field").setText("3")
    field(tab, QLineEdit, "lr_field").setText("0.1")

    result = run(tab, qtbot, 300)

    x, y = tab.plots.fit_points.getData()
    assert len(x) == 500
    line_x, line_y = tab.plots.fit_line.getData()
    np.testing.assert_allclose(line_y, result.weights[0] * line_x + result.bias, rtol=1e-6)
    assert tab.plots.fit_plot.getPlotItem().titleLabel.text.startswith("Fit: samples")


def test_fit_plot_many_features_predicted_against_true(tab, qtbot):
    field(tab, QLineEdit, "lr_field").setText("0.1")

    run(tab, qtbot, 300)

    true_y, predicted = tab.plots.fit_points.getData()
    np.testing.assert_allclose(predicted, true_y, atol=1e-3)
    identity_x, identity_y = tab.plots.identity_line.getData()
    np.testing.assert_array_equal(identity_x, identity_y)


def fit_progress(epoch: int, bias: float):
    from explorer.training import TrainingProgress

    weights = [2.0, 2.0, 2.0]
    return TrainingProgress(
        epoch=epoch, total_epochs=1000, losses=np.ones(1, dtype=np.float32), weights=weights, bias=bias,
        prediction=0.0, elapsed=1.0, parameter_epochs=np.array([epoch]), parameters=np.array([[*weights, bias]]))


def live_frames(tab, count: int = 3) -> None:
    # The live timer draws the fit plot on one frame in three.
    for _ in range(count):
        tab.plots.redraw(full=False)


def test_live_fit_skips_subpixel_moves(tab):
    from explorer.training import TrainingConfig

    plots = tab.plots
    plots.reset(3, (2.0, 2.0, 2.0), 1.0, 1000)
    x, y = make_data(TrainingConfig(), torch.device("cpu"))
    plots.set_data(x.numpy(), y.view(-1).numpy())
    plots.add_progress(fit_progress(1, 1.0))
    plots.redraw()
    _, first = plots.fit_points.getData()

    plots.add_progress(fit_progress(2, 1.0 + 1e-6))
    live_frames(tab)
    _, after_tiny_move = plots.fit_points.getData()
    plots.add_progress(fit_progress(3, 6.0))
    live_frames(tab)
    _, after_large_move = plots.fit_points.getData()
    last_bias = 6.0 + 1e-6
    plots.add_progress(fit_progress(4, last_bias))
    plots.redraw()
    _, after_full_redraw = plots.fit_points.getData()

    np.testing.assert_array_equal(after_tiny_move, first)
    np.testing.assert_allclose(after_large_move, first + 5.0)
    np.testing.assert_array_equal(after_full_redraw, x.double().numpy() @ np.full(3, 2.0) + last_bias)


def hover(tab, plot, x_value: float, y_value: float) -> str:
    view_box = plot.getPlotItem().vb
    scene_position = view_box.mapViewToScene(QPointF(x_value, y_value))
    plot.scene().sigMouseMoved.emit(scene_position)
    return tab.plots.hover_text(plot)


def test_hover_shows_nearest_values(tab, qtbot):
    result = run(tab, qtbot, 300)
    tab.plots.loss_plot.getPlotItem().vb.autoRange()

    text = hover(tab, tab.plots.loss_plot, 100.2, np.log10(result.loss_history[99]))

    assert text == f"epoch 100\nloss {result.loss_history[99]:.4g}"
    text = hover(tab, tab.plots.parameter_plot, 300, 1.0)
    assert text.splitlines()[0] == "epoch 300"
    assert text.splitlines()[-1] == f"b = {result.bias:.5f}"


def test_test_panel_predicts_new_input(tab, qtbot):
    field(tab, QLineEdit, "lr_field").setText("0.1")
    result = run(tab, qtbot, 300)

    with qtbot.waitSignal(tab.test_panel.prediction_shown, timeout=TIMEOUT_MS) as shown:
        field(tab, QLineEdit, "test_input_field").setText("1, 1, 1")

    expected = sum(result.weights) + result.bias
    assert shown.args[0] == pytest.approx(expected, rel=1e-6)
    assert field(tab, QLabel, "expected_value").text() == "7.0000"
    assert field(tab, QLabel, "error_value").text() == f"{shown.args[0] - 7.0:+.2e}"


def test_form_options_reach_the_run(tab, qtbot):
    field(tab, QComboBox, "optimizer_field").setCurrentIndex(2)
    field(tab, QComboBox, "dtype_field").setCurrentIndex(1)
    field(tab, QSpinBox, "batch_field").setValue(100)
    field(tab, QLineEdit, "true_weights_field").setText("1, -1, 3")
    field(tab, QLineEdit, "noise_field").setText("0.01")
    field(tab, QLineEdit, "lr_field").setText("0.05")

    result = run(tab, qtbot, 200)

    assert tab._run_config.optimizer == "adam"
    assert tab._run_config.dtype == "float64"
    assert result.loss_history.dtype == np.float64
    assert result.weights == pytest.approx([1.0, -1.0, 3.0], abs=0.02)
    assert [line.value() for line in tab.plots._target_lines] == [1.0, -1.0, 3.0, 1.0]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("true_weights_field", "1, 2", "There are 2 true weights but each sample has 3 features."),
        ("noise_field", "-1", "Noise standard deviation must be a finite number of at least 0, got -1.0."),
        ("true_bias_field", "b", "True bias 'b' is not a number."),
    ],
)
def test_invalid_option_blocks_start(tab, name, text, message):
    field(tab, QLineEdit, name).setText(text)

    assert message in field(tab, QLabel, "error_label").text()
    assert tab.start_training() is False


def test_batch_larger_than_samples_rejected(tab):
    field(tab, QSpinBox, "batch_field").setValue(600)

    assert "Batch size 600 is larger than the 500 samples." in field(tab, QLabel, "error_label").text()


def test_graph_of_a_step(tab, qtbot):
    result = run(tab, qtbot, 100)

    with qtbot.waitSignal(tab.graph_shown, timeout=TIMEOUT_MS) as shown:
        tab.show_step_graph()
    report = shown.args[0]

    graph = report.graph
    assert graph.root_name == "cost"
    kinds = {node.name: node.kind for node in graph.nodes.values() if node.name}
    assert kinds["w1"] == "leaf"
    assert kinds["b1"] == "leaf"
    titles = " ".join(node.title for node in graph.nodes.values())
    for function in ("MeanBackward0", "PowBackward0", "SubBackward0", "AddBackward0", "MmBackward0"):
        assert function in titles
    # The step starts from the run's final weights; PyTorch computes the expected grads.
    x, y = make_data(tab._run_config, torch.device("cpu"))
    w1 = torch.tensor(result.weights).view(-1, 1).requires_grad_()
    b1 = torch.tensor([result.bias], requires_grad=True)
    torch.mean((y - (x.matmul(w1) + b1)) ** 2).backward()
    nodes = {node.name: node for node in graph.nodes.values() if node.name}
    np.testing.assert_allclose(nodes["w1"].tensor.value, w1.detach().numpy(), rtol=1e-6)
    np.testing.assert_allclose(nodes["w1"].tensor.grad, w1.grad.numpy(), rtol=1e-5)
    np.testing.assert_allclose(nodes["b1"].tensor.grad, b1.grad.numpy(), rtol=1e-5)
    assert report.layout is not None or report.layout_error is not None
    assert tab.graph.window.isVisible()
    assert "epoch 100" in tab.graph.window.caption.text()


def test_graph_refreshes_while_running(tab, qtbot):
    field(tab, QSpinBox, "graph_every_field").setValue(2000)
    with qtbot.waitSignal(tab.graph_shown, timeout=TIMEOUT_MS):
        tab.show_step_graph()
    field(tab, QSpinBox, "epochs_field").setValue(10_000_000)

    # A new run refreshes the open graph at its first batch, then every 2000 epochs.
    with qtbot.waitSignal(tab.graph_shown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda report: tab.graph.requested_epoch >= 2000):
        tab.start_training()
    tab.stop_training()

    assert "epoch" in tab.graph.window.caption.text()


def test_export_script_reproduces_run(tab, qtbot, tmp_path):
    result = run(tab, qtbot, 500)
    path = tmp_path / "regression.py"

    assert tab.export_script_to(str(path))

    completed = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    exported = json.loads(completed.stdout.splitlines()[-1])
    assert exported["weights"] == pytest.approx(result.weights, abs=1e-6)
    assert exported["bias"] == pytest.approx(result.bias, abs=1e-6)


def test_export_csv_and_png(tab, qtbot, tmp_path):
    result = run(tab, qtbot, 300)
    csv_path = tmp_path / "loss.csv"
    png_path = tmp_path / "plots.png"

    assert tab.export_csv_to(str(csv_path))
    assert tab.export_png_to(str(png_path))

    rows = list(csv.reader(csv_path.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["epoch", "loss"]
    assert len(rows) == 301
    assert np.float32(rows[-1][1]) == result.loss_history[-1]
    image = QImage(str(png_path))
    assert not image.isNull()
    assert image.width() > 300


def test_export_to_missing_folder_reports_error(tab, qtbot, tmp_path):
    run(tab, qtbot, 10)

    assert not tab.export_csv_to(str(tmp_path / "missing" / "loss.csv"))

    assert "Could not write" in field(tab, QLabel, "status_label").text()


def test_million_epochs_keep_bounded_points(tab):
    from explorer.training import TrainingProgress
    from explorer.ui.training_plots import LOSS_PLOT_POINTS, PARAMETER_PLOT_POINTS

    tab.plots.reset(3, (2.0, 2.0, 2.0), 1.0, 1_000_000)
    chunk = 10_000
    for first in range(1, 1_000_001, chunk):
        epochs = np.arange(first, first + chunk)
        tab.plots.add_progress(TrainingProgress(
            epoch=int(epochs[-1]), total_epochs=1_000_000, losses=(1.0 / epochs).astype(np.float32),
            weights=[2.0, 2.0, 2.0], bias=1.0, prediction=15.0, elapsed=1.0,
            parameter_epochs=epochs[::2000], parameters=np.ones((len(epochs[::2000]), 4), dtype=np.float32)))
    tab.plots.redraw()

    path = tab.plots.loss_curve.path()
    assert 0 < path.elementCount() <= LOSS_PLOT_POINTS + 1
    assert path.elementAt(0).x == 1
    assert path.elementAt(path.elementCount() - 1).x == 1_000_000
    assert len(tab.plots.parameter_series) <= PARAMETER_PLOT_POINTS
