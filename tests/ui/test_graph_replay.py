"""Replaying the recorded backward pass in the graph view."""

import pytest
from PySide6.QtCore import Qt
import torch

from explorer.autograd.walk import walk_functions
from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_canvas import DONE_COLOR, RUNNING_COLOR
from explorer.ui.graph_view import GraphView

PLAY_TIMEOUT_MS = 20_000


@pytest.fixture
def view(qtbot):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    graph_view.resize(1000, 700)
    graph_view.show()
    return graph_view


def show_cell(view, cells_dir, name: str):
    source = (cells_dir / name).read_text(encoding="utf-8")
    report = ProgramRunner().run([ProgramSource(source)])
    view.show_report(report)
    return report


def plain_torch_order_cell05() -> list[str]:
    """The engine's order on cell 05 in plain PyTorch, with hooks of the test's own."""
    x = torch.tensor(1.5, requires_grad=True)
    y = torch.tensor(3.5, requires_grad=True)
    z = y**2 + x
    walk = walk_functions((z.grad_fn,))
    ids = {id(fn): f"fn{index}" for index, fn in enumerate(walk.functions)}
    order: list[str] = []
    for fn in walk.functions:
        fn.register_prehook(lambda grads, fn=fn: order.append(ids[id(fn)]))
    z.backward()
    return order


def pen_colour(view, node_id: str) -> str:
    return view.canvas.node_items[node_id].pen().color().name()


def test_replay_order_matches_plain_pytorch(view, cells_dir):
    report = show_cell(view, cells_dir, "05_autograd_basics.py")
    visited = []
    view.stepper.reset()
    for _ in range(view.stepper.step_count):
        view.stepper.step_forward()
        visited.append(view.stepper.current_step().node_id)
    assert visited == report.graph.backward.order()
    assert visited == plain_torch_order_cell05()


def test_step_marks_running_and_done(view, cells_dir):
    report = show_cell(view, cells_dir, "06_non_leaf.py")
    steps = report.graph.backward.steps
    view.stepper.reset()
    assert view.canvas.node_items["tensor:x"].label_lines()[-1] == "grad: None"

    view.stepper.step_forward()
    view.stepper.step_forward()
    assert pen_colour(view, steps[1].node_id) == RUNNING_COLOR.name()
    assert pen_colour(view, steps[0].node_id) == DONE_COLOR.name()
    # AddBackward0 passes dz/dy = 2y = 12 to MulBackward0.
    assert "12.0" in view.canvas.edge_gradient_texts().values()

    view.stepper.step_back()
    assert pen_colour(view, steps[0].node_id) == RUNNING_COLOR.name()
    # PowBackward0 runs first and receives the seed gradient 1.0 from z.
    assert view.canvas.edge_gradient_texts()[(steps[0].node_id, "tensor:z")] == "1.0"


def test_leaf_grad_fills_in_at_accumulate(view, cells_dir):
    report = show_cell(view, cells_dir, "05_autograd_basics.py")
    steps = report.graph.backward.steps
    view.stepper.reset()
    x_label = view.canvas.node_items["tensor:x"]
    y_label = view.canvas.node_items["tensor:y"]
    assert x_label.label_lines()[-1] == "grad: None"
    for index, step in enumerate(steps, start=1):
        view.stepper.step_forward()
        if step.leaf_id == "tensor:x":
            assert x_label.label_lines()[-1] == "grad: 1.0"
        if step.leaf_id == "tensor:y":
            assert y_label.label_lines()[-1] == "grad: 7.0"
    assert view.stepper.position == len(steps)


def test_play_runs_to_end(qtbot, view, cells_dir):
    report = show_cell(view, cells_dir, "06_non_leaf.py")
    view.stepper.set_interval(50)
    view.stepper.play()
    assert view.stepper.is_playing()
    qtbot.waitUntil(lambda: not view.stepper.is_playing(), timeout=PLAY_TIMEOUT_MS)
    assert view.stepper.position == len(report.graph.backward.steps)


def test_pause_stops_playing(qtbot, view, cells_dir):
    show_cell(view, cells_dir, "06_non_leaf.py")
    view.stepper.play()
    view.stepper.pause()
    position = view.stepper.position
    qtbot.wait(1200)
    assert view.stepper.position == position


def test_replay_regression_last_step(view):
    source = (
        "x = torch.randn((50, 3))\n"
        "y = x.sum(dim=1, keepdim=True) * 2 + 1\n"
        "w1 = torch.zeros((3, 1), requires_grad=True)\n"
        "b1 = torch.zeros(1, requires_grad=True)\n"
        "optimizer = torch.optim.SGD([w1, b1], lr=1e-3)\n"
        "for epoch in range(200):\n"
        "    y_hat = x.matmul(w1) + b1\n"
        "    cost = torch.mean((y - y_hat) ** 2)\n"
        "    optimizer.zero_grad()\n"
        "    cost.backward()\n"
        "    optimizer.step()\n"
    )
    report = ProgramRunner().run([ProgramSource(source)])
    view.show_report(report)
    trace = report.graph.backward
    assert trace.complete
    assert {step.leaf_id for step in trace.steps if step.leaf_id} == {"tensor:w1", "tensor:b1"}
    view.stepper.reset()
    assert view.canvas.node_items["tensor:w1"].label_lines()[-1] == "grad: None"
    for _ in trace.steps:
        view.stepper.step_forward()
    assert view.canvas.node_items["tensor:b1"].label_lines()[-1] != "grad: None"


def test_no_backward_disables_replay(view):
    report = ProgramRunner().run([ProgramSource("x = torch.ones(2, requires_grad=True)\ny = x * 2\n")])
    view.show_report(report)
    assert report.graph.backward is None
    assert not view.stepper.play_button.isEnabled()


def test_inspector_follows_step(view, cells_dir):
    report = show_cell(view, cells_dir, "06_non_leaf.py")
    view.stepper.reset()
    view.stepper.step_forward()
    first = report.graph.backward.steps[0]
    assert view.inspector.node_id == first.node_id
    text = view.inspector.toPlainText()
    assert "grad_outputs[0] = 1.0" in text
    assert "grad_inputs[0] = 12.0" in text


def test_accumulate_grad_names_its_variable(view, cells_dir):
    report = show_cell(view, cells_dir, "06_non_leaf.py")
    accumulate = [node_id for node_id, info in report.graph.nodes.items() if info.name == "AccumulateGrad"][0]
    view.select_node(accumulate)
    assert "variable: x" in view.inspector.toPlainText()


def test_keys_step_through(qtbot, view, cells_dir):
    show_cell(view, cells_dir, "05_autograd_basics.py")
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.stepper.position == 2
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert view.stepper.position == 1
