"""The canvas reuses the previous graph's items: nothing of the old graph may show through."""

import pytest

from explorer.runner import ProgramRunner, ProgramSource
from explorer.ui.graph_canvas import EDGE_COLOR, EdgeItem, NodeItem
from explorer.ui.graph_view import GraphView


def chain_source(length: int) -> str:
    return (
        "x = torch.tensor(1.0, requires_grad=True)\n"
        "y = x\n"
        f"for step in range({length}):\n"
        "    y = y * 1.5\n"
        "y.backward()\n"
    )


@pytest.fixture
def view(qtbot):
    graph_view = GraphView()
    qtbot.addWidget(graph_view)
    graph_view.resize(1000, 700)
    graph_view.show()
    return graph_view


def run(source: str):
    return ProgramRunner().run([ProgramSource(source)])


def cell_source(cells_dir, name: str) -> str:
    return (cells_dir / name).read_text(encoding="utf-8")


def assert_drawn_exactly(view, report) -> None:
    canvas = view.canvas
    layout = report.layout
    assert set(canvas.node_items) == {node.id for node in layout.nodes}
    assert [(edge.tail, edge.head) for edge in canvas.edge_items] == [(edge.tail, edge.head) for edge in layout.edges]
    nodes = [item for item in canvas.scene().items() if isinstance(item, NodeItem)]
    edges = [item for item in canvas.scene().items() if isinstance(item, EdgeItem)]
    assert len(nodes) == len(layout.nodes)
    assert len(edges) == len(layout.edges)
    arrows = sum(1 for edge in layout.edges if edge.arrow)
    assert len(canvas.scene().items()) == len(layout.nodes) + len(layout.edges) + arrows
    for node in layout.nodes:
        item = canvas.node_items[node.id]
        assert item.label == node.label
        assert item.toolTip() == node.label
        assert item.label_lines() == node.label.split("\n")
        assert item.rect.center().x() == pytest.approx(node.x)
        assert item.rect.center().y() == pytest.approx(node.y)


def test_smaller_graph_after_bigger(view, cells_dir):
    view.show_report(run(chain_source(20)))
    smaller = run(cell_source(cells_dir, "06_non_leaf.py"))
    view.show_report(smaller)
    assert_drawn_exactly(view, smaller)


def test_bigger_graph_after_smaller(view, cells_dir):
    view.show_report(run(cell_source(cells_dir, "05_autograd_basics.py")))
    bigger = run(chain_source(20))
    view.show_report(bigger)
    assert_drawn_exactly(view, bigger)


def test_marks_and_gradients_cleared(view, cells_dir):
    view.show_report(run(cell_source(cells_dir, "06_non_leaf.py")))
    view.stepper.reset()
    view.stepper.step_forward()
    view.stepper.step_forward()
    view.search.setText("MulBackward0")
    view.canvas.highlight_paths("tensor:x")
    assert view.canvas.edge_gradient_texts()
    assert view.canvas.scene().selectedItems()

    # Another program with a graph of the same size reuses every item.
    view.search.clear()
    other = run(cell_source(cells_dir, "05_autograd_basics.py"))
    view.show_report(other)
    assert_drawn_exactly(view, other)
    assert view.canvas.edge_gradient_texts() == {}
    assert view.canvas.highlighted_nodes() == set()
    assert view.canvas.scene().selectedItems() == []
    for edge in view.canvas.edge_items:
        assert edge.pen().color() == EDGE_COLOR
        assert edge.pen().widthF() == 1.0
    for node in other.layout.nodes:
        item = view.canvas.node_items[node.id]
        assert item.pen().color().name() == (node.pencolor or "#000000")


def test_same_program_twice_same_drawing(view, cells_dir):
    source = cell_source(cells_dir, "05_autograd_basics.py")
    view.show_report(run(source))
    first = view.export_bytes("png")
    view.show_report(run(source))
    assert view.export_bytes("png") == first
