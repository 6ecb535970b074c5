"""Large graphs in the view: a 3000-operation chain, and the node cap with collapsed chains."""

import pytest
from PySide6.QtCore import Qt

import explorer.runner
import explorer.ui.graph_view
from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_view import GraphView

LAYOUT_TIMEOUT_MS = 60_000


def chain_source(length: int, operation: str = "y * 1.001") -> str:
    return (
        "x = torch.tensor(1.0, requires_grad=True)\n"
        "y = x\n"
        f"for step in range({length}):\n"
        f"    y = {operation}\n"
        "y.backward()\n"
    )


@pytest.fixture
def view(qtbot):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    graph_view.resize(900, 600)
    graph_view.show()
    yield graph_view
    graph_view.wait_for_workers()


def test_chain_of_3000_draws(view):
    report = ProgramRunner().run([ProgramSource(chain_source(3000, "y + 1"))])
    view.show_report(report)
    assert report.layout is not None
    assert view.node_count() == report.graph.node_count == 3003
    view.canvas.highlight_paths("tensor:x")
    assert len(view.canvas.highlighted_nodes()) == 3003


def test_node_cap_offers_collapse(qtbot, view, monkeypatch):
    monkeypatch.setattr(explorer.runner, "MAX_DRAWN_NODES", 50)
    monkeypatch.setattr(explorer.ui.graph_view, "MAX_DRAWN_NODES", 50)
    report = ProgramRunner().run([ProgramSource(chain_source(60))])
    assert report.layout is None
    view.show_report(report)
    assert view.node_count() == 0
    assert view.collapse_button.isVisible()
    assert "more than the 50" in view._message.text()

    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        qtbot.mouseClick(view.collapse_button, Qt.MouseButton.LeftButton)
    labels = [item.label for item in view.canvas.node_items.values()]
    assert "MulBackward0 ×60" in labels
    assert view.node_count() == 4
    assert view.option_actions["collapse_chains"].isChecked()


def test_replay_marks_collapsed_chain(qtbot, view):
    report = ProgramRunner().run([ProgramSource(chain_source(10))])
    view.show_report(report)
    with qtbot.waitSignal(view.layout_shown, timeout=LAYOUT_TIMEOUT_MS):
        view.option_actions["collapse_chains"].setChecked(True)
    chain_node = [node_id for node_id, item in view.canvas.node_items.items() if "×10" in item.label][0]
    view.stepper.reset()
    view.stepper.step_forward()
    view.stepper.step_forward()
    # The second MulBackward0 of the chain is hidden inside the collapsed node.
    assert view.canvas.node_items[chain_node].pen().color().name() == "#9400d3"
